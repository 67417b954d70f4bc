package pagelens.core.findings;

/** How bad a finding is, worst first. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    /** Lower-case name used in JSON and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this is at least as bad as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}

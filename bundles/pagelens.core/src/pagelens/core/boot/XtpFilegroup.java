package pagelens.core.boot;

/** Whether the database has a memory-optimized filegroup, and who said so. */
public enum XtpFilegroup {
    PRESENT("has a memory-optimized filegroup"), ABSENT("has no memory-optimized filegroup"), NOT_STATED("not stated");

    private final String text;

    XtpFilegroup(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** From a CLI / UI choice: yes, no, or anything else = not stated. */
    public static XtpFilegroup of(String s) {
        if (s == null) {
            return NOT_STATED;
        }
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "present" -> PRESENT;
            case "no", "false", "absent" -> ABSENT;
            default -> NOT_STATED;
        };
    }
}

package pagelens.core;

/**
 * How sure PageLens is of a fact (docs/format-notes.md, "Evidence levels"). Every level the code uses is here; surfaces
 * write {@link #tag()}, never a tag by hand, and the PDF appendix and the README explain each one.
 */
public enum Evidence {
    /** Checked against real bytes written by SQL Server (the samples, or public dumps). */
    VERIFIED("checked against real bytes written by SQL Server"),
    /** Microsoft documentation. */
    DOC("stated by Microsoft documentation"),
    /** A named public source or peer code base, not checked here. */
    SRC("stated by a named public source, not checked here"),
    /** Stated by a third party about a format with only one public sample, not checked here. */
    CLAIMED("stated by a third party, not checked against real bytes"),
    /** Read from real bytes, but from one or a few samples: a pattern seen, not a documented rule. */
    EMPIRICAL("observed in real bytes (one or a few samples): a pattern seen, not a documented rule"),
    /** Deduced from several sources or observations; confirmed by none. */
    INFERRED("deduced from several sources or observations; confirmed by none"),
    /** From the user's export of a SQL Server view (sys.dm_db_xtp_checkpoint_files). */
    DMV("from the user's export of a SQL Server dynamic management view"),
    /** Stated by the user (an option or a choice in the workbench), overriding what the evidence says. */
    USER("stated by the user, overriding what the evidence says"),
    /** Nothing public: shown raw. */
    UNKNOWN("nothing public: shown raw");

    private final String meaning;

    Evidence(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** {@code [VERIFIED]} style tag. */
    public String tag() {
        return "[" + name() + "]";
    }

    /** The tag after a text: {@code "text [VERIFIED]"}. */
    public String after(String text) {
        return text + " " + tag();
    }
}

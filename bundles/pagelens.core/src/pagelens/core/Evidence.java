package pagelens.core;

/** How sure PageLens is of a format fact (docs/formats.md section 0). Carried to every view and report. */
public enum Evidence {
    VERIFIED("checked against real bytes"),
    SRC("stated by a named public source, not checked here"),
    INFERRED("deduced from several sources; confirmed by none"),
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
}

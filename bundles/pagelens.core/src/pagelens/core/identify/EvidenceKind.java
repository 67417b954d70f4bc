package pagelens.core.identify;

/** What an evidence path is. {@link #id()} is the stable name used by the CLI and JSON. */
public enum EvidenceKind {
    DATA_FILE("data-file", "SQL Server data file"),
    LOG_FILE("log-file", "SQL Server log file"),
    BACKUP("backup", "SQL Server backup (MTF)"),
    COMPRESSED_BACKUP("compressed-backup", "compressed SQL Server backup"),
    DBCC_PAGE_DUMP("dbcc-page-dump", "DBCC PAGE text output"),
    XTP_CONTAINER("xtp-container", "In-Memory OLTP container folder"),
    UNKNOWN("unknown", "not recognised");

    private final String id;
    private final String label;

    EvidenceKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static EvidenceKind fromId(String id) {
        for (EvidenceKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown evidence kind: " + id);
    }
}

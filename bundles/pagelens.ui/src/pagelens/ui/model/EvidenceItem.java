package pagelens.ui.model;

import java.nio.file.Path;

import pagelens.core.identify.Identification;

/** One opened evidence path, its identification and its SHA-256 (filled in by a background job). */
public final class EvidenceItem {

    /** Where the SHA-256 stands. */
    public enum HashState {
        PENDING, RUNNING, DONE, CANCELED, FAILED, NOT_APPLICABLE
    }

    private final Path path;
    private volatile Identification identification;
    private volatile HashState hashState = HashState.PENDING;
    private volatile double hashProgress;
    private volatile String sha256;
    private volatile String hashError;
    private volatile java.util.List<pagelens.core.findings.Finding> findings = java.util.List.of();
    private volatile String scanState = "";
    private pagelens.core.exam.OpenedEvidence opened;
    private volatile pagelens.core.exam.Examination examination;
    private volatile String examinationError;

    EvidenceItem(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Null until identified. */
    public Identification identification() {
        return identification;
    }

    void setIdentification(Identification identification) {
        this.identification = identification;
    }

    public HashState hashState() {
        return hashState;
    }

    public double hashProgress() {
        return hashProgress;
    }

    public String sha256() {
        return sha256;
    }

    public String hashError() {
        return hashError;
    }

    void hashRunning(double progress) {
        hashState = HashState.RUNNING;
        hashProgress = progress;
    }

    void hashDone(String hex) {
        sha256 = hex;
        hashState = HashState.DONE;
        hashProgress = 1;
    }

    void hashEnded(HashState state, String error) {
        hashState = state;
        hashError = error;
    }

    /** Findings of the scan and boot page check (empty until they ran). */
    public java.util.List<pagelens.core.findings.Finding> findings() {
        return findings;
    }

    public void setFindings(java.util.List<pagelens.core.findings.Finding> f) {
        findings = java.util.List.copyOf(f);
    }

    /**
     * The evidence opened once for the session (identification, bytes, pages, boot copies): the evidence job examines it,
     * and the editors read pages and boot copies from it instead of opening the file again.
     */
    public synchronized pagelens.core.exam.OpenedEvidence opened() {
        if (opened == null) {
            opened = pagelens.core.exam.OpenedEvidence.open(path);
        }
        return opened;
    }

    /** The examination the evidence job made (the same core examination the commands and the report run), or null. */
    public pagelens.core.exam.Examination examination() {
        return examination;
    }

    /** Why the examination did not finish (failed or canceled), or null. */
    public String examinationError() {
        return examinationError;
    }

    void setExamination(pagelens.core.exam.Examination e, String error) {
        examination = e;
        examinationError = error;
    }

    /** One status byte per page from the examination, or null (not a page file, or not examined yet). */
    public pagelens.core.scan.PageStatus pageStatus() {
        pagelens.core.exam.Examination e = examination;
        return e == null ? null : e.status();
    }

    /** The backup as the examination read it, kept open for the session, or null until it has been read. */
    public pagelens.core.backup.Backup backup() {
        pagelens.core.exam.Examination e = examination;
        return e == null ? null : e.backup();
    }

    /** Why the backup could not be read, or null. */
    public String backupError() {
        pagelens.core.exam.Examination e = examination;
        if (e != null && e.backup() == null && !e.problems().isEmpty()) {
            return String.join("; ", e.problems());
        }
        return e == null ? examinationError : null;
    }

    /** The container check of a folder (null until the evidence job has run it). */
    public pagelens.core.xtp.XtpContainer.Scan xtpScan() {
        pagelens.core.exam.Examination e = examination;
        return e == null ? null : e.container();
    }

    /** Why the container check did not finish, or null. */
    public String xtpError() {
        pagelens.core.exam.Examination e = examination;
        if (e != null && e.container() == null && !e.problems().isEmpty()) {
            return String.join("; ", e.problems());
        }
        return e == null ? examinationError : null;
    }

    /** Releases what the item holds open. */
    synchronized void close() {
        if (opened != null) {
            try {
                opened.close();
            } catch (java.io.IOException e) {
                // nothing to save: evidence is only read
            }
        }
    }

    /** "scanning...", "scanned", "" (not scanned), or why not. */
    public String scanState() {
        return scanState;
    }

    void setScanState(String s) {
        scanState = s;
    }

    public boolean isFolder() {
        return java.nio.file.Files.isDirectory(path);
    }

    /** What the SHA-256 column shows. */
    public String hashText() {
        return switch (hashState) {
            case PENDING -> "waiting...";
            case RUNNING -> String.format("hashing %d%%", Math.round(hashProgress * 100));
            case DONE -> sha256;
            case CANCELED -> "hash canceled";
            case FAILED -> "hash failed: " + hashError;
            case NOT_APPLICABLE -> "(folder)";
        };
    }
}

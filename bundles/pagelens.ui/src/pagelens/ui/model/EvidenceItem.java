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
    private volatile pagelens.core.scan.PageStatus pageStatus;
    private volatile pagelens.core.xtp.XtpContainer.Scan xtpScan;
    private volatile String xtpError;

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

    /** One status byte per page from the background scan, or null (not a page file, or not scanned yet). */
    public pagelens.core.scan.PageStatus pageStatus() {
        return pageStatus;
    }

    private volatile pagelens.core.backup.Backup backup;
    private volatile String backupError;

    /**
     * The backup as the evidence job read it, kept open for the session (the backup editor shows it and reads its boot
     * copies from it), or null until the job has read it.
     */
    public pagelens.core.backup.Backup backup() {
        return backup;
    }

    /** Why the job could not read the backup, or null. */
    public String backupError() {
        return backupError;
    }

    void setBackup(pagelens.core.backup.Backup b, String error) {
        backup = b;
        backupError = error;
    }

    /** Releases what the item holds open. */
    void close() {
        pagelens.core.backup.Backup b = backup;
        if (b != null) {
            try {
                b.close();
            } catch (java.io.IOException e) {
                // nothing to save: evidence is only read
            }
        }
    }

    /** The container check of a folder (null until the evidence job has run it). */
    public pagelens.core.xtp.XtpContainer.Scan xtpScan() {
        return xtpScan;
    }

    /** Why the container check did not finish, or null. */
    public String xtpError() {
        return xtpError;
    }

    void setXtpScan(pagelens.core.xtp.XtpContainer.Scan s, String error) {
        xtpScan = s;
        xtpError = error;
    }

    void setPageStatus(pagelens.core.scan.PageStatus s) {
        pageStatus = s;
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

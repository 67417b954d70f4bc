package pagelens.ui.model;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import pagelens.core.identify.Identifier;
import pagelens.core.io.CanceledException;
import pagelens.core.io.EvidenceSource;
import pagelens.ui.internal.MonitorAdapter;

/** Identifies an evidence item, then hashes it (SHA-256), in the background, cancelable. */
final class EvidenceJob extends Job {
    /** Family of every evidence job, for tests and for "wait until hashed". */
    static final Object FAMILY = EvidenceJob.class;

    private final EvidenceItem item;
    private final EvidenceRegistry registry;
    private long lastNotify;

    EvidenceJob(EvidenceItem item, EvidenceRegistry registry) {
        super("Hashing and checking " + item.path().getFileName());
        this.item = item;
        this.registry = registry;
        setUser(false);
        setPriority(Job.LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** Scans data and log files and judges boot pages; the findings go to the Findings view. */
    private void check(IProgressMonitor monitor) {
        pagelens.core.identify.Identification id = item.identification();
        java.util.List<pagelens.core.findings.Finding> out = new java.util.ArrayList<>();
        pagelens.core.boot.XtpFilegroup filegroup = pagelens.core.boot.XtpFilegroup.NOT_STATED;
        String filegroupReason = "not stated";
        try {
            switch (id.kind()) {
                case DATA_FILE, LOG_FILE -> {
                    item.setScanState("scanning...");
                    registry.changed(item);
                    pagelens.core.findings.FindingSink sink = new pagelens.core.findings.FindingSink(20_000);
                    pagelens.core.scan.ScanResult r = new pagelens.core.scan.FileScanner().scan(item.path(), new MonitorAdapter(monitor, f -> {
                    }), sink);
                    item.setPageStatus(r.status());
                    out.addAll(sink.findings());
                }
                case BACKUP, COMPRESSED_BACKUP -> {
                    if (pagelens.core.identify.Identifier.isReadableBackup(item.path())) {
                        item.setScanState("reading the backup...");
                        registry.changed(item);
                        pagelens.core.backup.Backup b;
                        try {
                            // kept open: the backup editor shows this reading instead of reading the backup again
                            b = pagelens.core.backup.Backup.read(item.path(), false, new MonitorAdapter(monitor, f -> {
                            }));
                        } catch (pagelens.core.io.CanceledException e) {
                            item.setBackup(null, "reading the backup was canceled");
                            registry.changed(item);
                            throw e;
                        } catch (IOException | RuntimeException e) {
                            item.setBackup(null, e.getMessage());
                            registry.changed(item);
                            throw e;
                        }
                        item.setBackup(b, null);
                        out.addAll(b.findings().findings());
                        filegroup = b.xtpFilegroup();
                        filegroupReason = b.xtpFilegroupReason();
                    }
                }
                default -> {
                    // other kinds: boot page only
                }
            }
            if (id.kind() == pagelens.core.identify.EvidenceKind.DATA_FILE && id.databaseVersion() != null
                    || id.kind() == pagelens.core.identify.EvidenceKind.BACKUP
                    || id.kind() == pagelens.core.identify.EvidenceKind.COMPRESSED_BACKUP) {
                pagelens.core.boot.BootSources.Copy c = pagelens.core.boot.BootSources.asRestored(pagelens.core.boot.BootSources.read(item.path()));
                pagelens.core.boot.BootPage b = pagelens.core.boot.BootPage.decode(c.page(),
                        pagelens.core.boot.BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder()),
                        filegroup, filegroupReason);
                out.add(new pagelens.core.findings.Finding(b.hekaton().rule(), b.hekaton().headline(), new pagelens.core.findings.Location(
                        item.path(), 1, 9, c.offset(), Math.max(0, b.hekaton().regionStart()),
                        Math.max(0, b.hekaton().regionEnd() - b.hekaton().regionStart()))));
            }
            item.setScanState(out.isEmpty() && id.kind() != pagelens.core.identify.EvidenceKind.DATA_FILE ? "" : "checked");
        } catch (pagelens.core.io.CanceledException e) {
            item.setScanState("scan canceled");
        } catch (IOException | pagelens.core.boot.BootPageException | RuntimeException e) {
            item.setScanState("not checked: " + e.getMessage());
        }
        item.setFindings(out);
        registry.changed(item);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        item.setIdentification(Identifier.identify(item.path()));
        registry.changed(item);
        if (item.isFolder()) {
            item.hashEnded(EvidenceItem.HashState.NOT_APPLICABLE, null);
            registry.changed(item);
            // every folder is checked as a container: one that is not gets xtp.not-a-container, and the container
            // browser shows this result rather than scanning again
            {
                try {
                    item.setScanState("checking checkpoint files...");
                    registry.changed(item);
                    pagelens.core.xtp.XtpContainer.Scan s = pagelens.core.xtp.XtpContainer.scan(item.path(), new MonitorAdapter(monitor, f -> {
                    }));
                    item.setScanState(String.format(java.util.Locale.ROOT, "%d checkpoint files, %,d blocks; block checksums %s",
                            s.files().size(), s.files().stream().mapToInt(f -> f.walk().blocks().size()).sum(),
                            s.checksums().startsWith("not verified") ? "not verified" : "verified with the user's profile"));
                    item.setFindings(s.findings());
                    item.setXtpScan(s, null);
                } catch (pagelens.core.io.CanceledException e) {
                    item.setScanState("check canceled");
                    item.setXtpScan(null, "check canceled");
                } catch (IOException | RuntimeException e) {
                    item.setScanState("not checked: " + e.getMessage());
                    item.setXtpScan(null, e.getMessage());
                }
                registry.changed(item);
            }
            return Status.OK_STATUS;
        }
        try {
            String hex = EvidenceSource.sha256(item.path(), new MonitorAdapter(monitor, f -> {
                item.hashRunning(f);
                long now = System.currentTimeMillis();
                if (now - lastNotify > 200) {
                    lastNotify = now;
                    registry.changed(item);
                }
            }));
            item.hashDone(hex);
            registry.changed(item);
            check(monitor);
            return Status.OK_STATUS;
        } catch (CanceledException e) {
            item.hashEnded(EvidenceItem.HashState.CANCELED, null);
            registry.changed(item);
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            item.hashEnded(EvidenceItem.HashState.FAILED, e.getMessage());
            registry.changed(item);
            return Status.info("could not hash " + item.path() + ": " + e.getMessage());
        }
    }
}

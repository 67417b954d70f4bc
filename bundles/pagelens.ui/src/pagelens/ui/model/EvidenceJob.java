package pagelens.ui.model;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.CanceledException;
import pagelens.ui.base.MonitorAdapter;

/**
 * Identifies an evidence item, hashes it (SHA-256) and examines it with the core {@link Examination} (the same one
 * {@code pagelens scan|backup|boot} and the report run), in the background, cancelable. An examination that fails is
 * shown as failed, with its reason, never as clean.
 */
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

    @Override
    protected IStatus run(IProgressMonitor parent) {
        // one monitor split by weight: the hash reads the file once, the examination at least once more
        org.eclipse.core.runtime.SubMonitor split = org.eclipse.core.runtime.SubMonitor.convert(parent, "Examining " + item.path().getFileName(), 100);
        IProgressMonitor hashMonitor = split.newChild(30);
        IProgressMonitor examMonitor = split.newChild(70);
        OpenedEvidence ev = item.opened();
        item.setIdentification(ev.identification());
        registry.changed(item);
        if (item.isFolder()) {
            item.hashEnded(EvidenceItem.HashState.NOT_APPLICABLE, null);
        } else if (ev.file() == null) {
            item.hashEnded(EvidenceItem.HashState.FAILED, ev.identification().summary());
        } else {
            try {
                item.hashDone(ev.file().sha256(new MonitorAdapter(hashMonitor, f -> {
                    item.hashRunning(f);
                    long now = System.currentTimeMillis();
                    if (now - lastNotify > 200) {
                        lastNotify = now;
                        registry.changed(item);
                    }
                })));
            } catch (CanceledException | org.eclipse.core.runtime.OperationCanceledException e) {
                item.hashEnded(EvidenceItem.HashState.CANCELED, null);
                item.setScanState("canceled");
                registry.changed(item);
                return Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                item.hashEnded(EvidenceItem.HashState.FAILED, e.getMessage());
            }
        }
        item.setScanState(item.isFolder() ? "checking checkpoint files..." : "examining...");
        registry.changed(item);
        try {
            Examination.Options o = Examination.Options.defaults(BootLayouts.withUserFolder(Settings.layoutsFolder())).withHash(false)
                    .withFindingLimit(20_000);
            Examination e = Examination.run(ev, o, new MonitorAdapter(examMonitor, f -> {
            }));
            item.setExamination(e, null);
            item.setFindings(e.findingList());
            item.setScanState(state(e));
            registry.changed(item);
            return Status.OK_STATUS;
        } catch (CanceledException | org.eclipse.core.runtime.OperationCanceledException e) {
            item.setExamination(null, "examination canceled");
            item.setScanState("examination canceled: not checked");
            registry.changed(item);
            return Status.CANCEL_STATUS;
        } catch (Throwable t) {
            // never shown as clean: the item says it failed, and why
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            item.setExamination(null, why);
            item.setScanState("examination FAILED: " + why);
            // the Findings view says it too: a failed examination is an error finding, not an empty (clean) list
            item.setFindings(java.util.List.of(new pagelens.core.findings.Finding(pagelens.core.findings.Rules.EXAMINATION_INCOMPLETE,
                    "the examination failed: " + t.getClass().getSimpleName() + ": " + why,
                    new pagelens.core.findings.Location(item.path(), -1, -1, -1, 0, 0))));
            registry.changed(item);
            if (t instanceof Error err && !(t instanceof OutOfMemoryError)) {
                throw err;
            }
            return Status.info("could not examine " + item.path() + ": " + why);
        }
    }

    /** What the explorer's status column says after the examination. */
    private static String state(Examination e) {
        if (e.container() != null) {
            var s = e.container();
            return String.format(java.util.Locale.ROOT, "%d checkpoint files, %,d blocks; block checksums %s", s.files().size(),
                    s.files().stream().mapToInt(f -> f.walk().blocks().size()).sum(),
                    s.checksumsVerified() ? "verified with the user's profile" : "not verified");
        }
        if (!e.problems().isEmpty()) {
            return "not fully checked: " + String.join("; ", e.problems());
        }
        return e.counts() != null || e.boot() != null ? "checked" : "";
    }
}

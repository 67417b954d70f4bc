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
        super("Hashing " + item.path().getFileName());
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
    protected IStatus run(IProgressMonitor monitor) {
        item.setIdentification(Identifier.identify(item.path()));
        registry.changed(item);
        if (item.isFolder()) {
            item.hashEnded(EvidenceItem.HashState.NOT_APPLICABLE, null);
            registry.changed(item);
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

package pagelens.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The evidence opened in this workbench session. Listeners are called on any thread. */
public final class EvidenceRegistry {

    private static final EvidenceRegistry INSTANCE = new EvidenceRegistry();

    private final List<EvidenceItem> items = new CopyOnWriteArrayList<>();
    private final List<Consumer<EvidenceItem>> listeners = new CopyOnWriteArrayList<>();

    public static EvidenceRegistry get() {
        return INSTANCE;
    }

    public List<EvidenceItem> items() {
        return new ArrayList<>(items);
    }

    /** The item for {@code path}, and whether it was newly added. */
    synchronized EvidenceItem addOrGet(Path path, boolean[] added) {
        for (EvidenceItem i : items) {
            if (i.path().equals(path)) {
                added[0] = false;
                return i;
            }
        }
        EvidenceItem item = new EvidenceItem(path);
        items.add(item);
        added[0] = true;
        changed(item);
        return item;
    }

    /**
     * Opens a path as evidence: adds it (once) and starts its background job (identify, hash, examine); returns its item.
     */
    public EvidenceItem open(Path path) {
        boolean[] added = new boolean[1];
        EvidenceItem item = addOrGet(path.toAbsolutePath().normalize(), added);
        if (added[0]) {
            new EvidenceJob(item, this).schedule();
        }
        return item;
    }

    /** Cancels every evidence job still running. */
    public void cancelJobs() {
        org.eclipse.core.runtime.jobs.Job.getJobManager().cancel(EvidenceJob.FAMILY);
    }

    /** Waits until every evidence job has finished (tests). */
    public void joinJobs() throws InterruptedException {
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(EvidenceJob.FAMILY, null);
    }

    /** Whether {@code path} is open as evidence (outputs must never overwrite it). */
    public boolean isEvidence(Path path) {
        Path n = path.toAbsolutePath().normalize();
        return items.stream().anyMatch(i -> i.path().equals(n));
    }

    public void addListener(Consumer<EvidenceItem> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<EvidenceItem> l) {
        listeners.remove(l);
    }

    public void changed(EvidenceItem item) {
        for (Consumer<EvidenceItem> l : listeners) {
            l.accept(item);
        }
    }

    /** The item for {@code path} (absolute, normalized), or null when it is not open as evidence. */
    public EvidenceItem find(Path path) {
        Path n = path.toAbsolutePath().normalize();
        return items.stream().filter(i -> i.path().equals(n)).findFirst().orElse(null);
    }

    /**
     * The opened evidence for {@code path}: the registry's (shared with the evidence job; not to be closed by the caller,
     * {@code owned[0]} false), or, for a path that is not open as evidence, a new one the caller closes ({@code owned[0]}
     * true).
     */
    public pagelens.core.exam.OpenedEvidence opened(Path path, boolean[] owned) {
        EvidenceItem i = find(path);
        owned[0] = i == null;
        return i != null ? i.opened() : pagelens.core.exam.OpenedEvidence.open(path);
    }

    /** For tests: forget everything. */
    public void clear() {
        items.forEach(EvidenceItem::close);
        items.clear();
        changed(null);
    }
}

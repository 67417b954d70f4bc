package pagelens.core.exam;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.CatalogReader;
import pagelens.core.catalog.Ownership;
import pagelens.core.findings.FindingSink;
import pagelens.core.io.CanceledException;
import pagelens.core.io.ProgressMonitor;

/**
 * The system catalog of a data file read, and its IAM chains walked, on a thread of its own while the page scan runs: both
 * need only the catalog's pages and the IAM pages (a few hundred pages at most, read straight from the file by position), so
 * after the scan only the check of every page's owner is left. The scan's own thread never waits for it; the examination
 * joins it once the scan is done. Cancelled with the examination.
 */
final class EarlyCatalog {
    /** What the thread read: the store it read through, the catalog, the walked ownership and the chain findings. */
    record Result(pagelens.core.store.CachedPages store, Catalog catalog, Ownership walked, FindingSink findings) {
    }

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Thread thread;
    private volatile Result result;
    private volatile Throwable failure;

    private EarlyCatalog(OpenedEvidence ev, ProgressMonitor outer) {
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancel.get() || outer.isCanceled();
            }
        };
        thread = new Thread(() -> {
            try {
                // pages asked for more than once (IAM pages, allocation maps) are read from the file once
                pagelens.core.store.CachedPages store = new pagelens.core.store.CachedPages(ev.pages(ProgressMonitor.NULL), 4096);
                Catalog c = CatalogReader.read(store, monitor);
                FindingSink findings = new FindingSink();
                Ownership walked = Ownership.walk(c, store, findings, ev.path(), monitor);
                result = new Result(store, c, walked, findings);
            } catch (Throwable t) {
                failure = t;
            }
        }, "pagelens-catalog");
        thread.setDaemon(true);
    }

    static EarlyCatalog start(OpenedEvidence ev, ProgressMonitor monitor) {
        EarlyCatalog e = new EarlyCatalog(ev, monitor);
        e.thread.start();
        return e;
    }

    /** Stops the thread at its next check (the scan failed or was cancelled). */
    void cancel() {
        cancel.set(true);
    }

    /** Waits for the thread; its failure is thrown here (a cancellation as {@link CanceledException}). */
    Result result() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CanceledException();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
        return result;
    }
}

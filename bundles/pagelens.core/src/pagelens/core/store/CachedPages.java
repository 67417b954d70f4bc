package pagelens.core.store;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import pagelens.core.page.PageId;

/**
 * A data file's store that keeps the pages read through it (up to a limit) until {@link #release()}: the catalog reader and
 * the IAM walk that follows it ask for some pages (IAM pages, allocation maps, the boot page) more than once, and the file
 * is then read once for them. One copy per page id (a data file's stores): not for backups, whose stores hold several
 * copies of a page. Callers get their own copy of each page.
 */
public final class CachedPages extends ForwardingPageStore {
    private final ConcurrentHashMap<PageId, byte[]> pages = new ConcurrentHashMap<>();
    private volatile int max;

    /** @param max pages kept at most */
    public CachedPages(PageStore store, int max) {
        super(store);
        this.max = max;
    }

    /** Forgets the kept pages and keeps no more (reads go straight to the store). */
    public void release() {
        max = 0;
        pages.clear();
    }

    @Override
    public byte[] read(PageCopy copy) throws IOException {
        byte[] kept = pages.get(copy.id());
        if (kept != null) {
            return kept.clone();
        }
        byte[] b = store.read(copy);
        if (b != null && pages.size() < max) {
            pages.put(copy.id(), b.clone());
        }
        return b;
    }
}

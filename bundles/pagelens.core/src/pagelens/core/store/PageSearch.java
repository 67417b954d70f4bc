package pagelens.core.store;

import java.io.IOException;
import java.util.List;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;

/**
 * Finds bytes in the pages of a page store, page by page in id order (each page's first copy), so that it works the
 * same for data files, backups and DBCC dumps. A pattern is matched inside one page (a page is the unit the page editor
 * shows; use the hex editor for matches across page boundaries).
 */
public final class PageSearch {
    private PageSearch() {
    }

    /** A hit: the page and the offset inside it. */
    public record Hit(PageId page, int offset) {
    }

    /**
     * The first match at or after {@code (from, fromOffset)}, or null; wraps to the first page once. Cancelable through
     * {@code monitor}.
     */
    public static Hit find(PageStore store, byte[] pattern, PageId from, int fromOffset, ProgressMonitor monitor) throws IOException {
        if (pattern.length == 0 || pattern.length > Page.SIZE) {
            throw new IllegalArgumentException("the pattern must be 1 to 8,192 bytes");
        }
        List<Integer> files = store.fileIds();
        long total = 0;
        for (int f : files) {
            total += store.pageLimit(f);
        }
        monitor.begin("Searching " + store.description(), total);
        try {
            for (int pass = 0; pass < 2; pass++) {
                for (int f : files) {
                    if (pass == 0 && f < from.fileId()) {
                        continue;
                    }
                    long limit = store.pageLimit(f);
                    long start = pass == 0 && f == from.fileId() ? from.pageId() : 0;
                    for (long p = start; p < limit; p++) {
                        if (pass == 1 && (f > from.fileId() || f == from.fileId() && p > from.pageId())) {
                            return null;
                        }
                        monitor.worked(1);
                        if ((p & 255) == 0) {
                            monitor.checkCanceled();
                        }
                        PageId id = new PageId(f, p);
                        List<PageCopy> copies = store.copies(id);
                        if (copies.isEmpty()) {
                            continue;
                        }
                        byte[] b = store.read(copies.get(0));
                        int at = indexOf(b, pattern, pass == 0 && id.equals(from) ? fromOffset : 0);
                        if (at >= 0) {
                            return new Hit(id, at);
                        }
                    }
                }
            }
            return null;
        } finally {
            monitor.done();
        }
    }

    static int indexOf(byte[] b, byte[] pat, int from) {
        outer: for (int i = Math.max(0, from); i + pat.length <= b.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

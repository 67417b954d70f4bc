package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pagelens.core.page.PageId;

/**
 * Pages by (file id, page id). Several copies of one page may exist (a backup can hold two copies of
 * the boot page); {@link #readPage(int, long)} returns the last one, which is what a restore applies.
 */
public interface PageStore extends AutoCloseable {

    /** The evidence the pages come from. */
    Path evidence();

    /** What kind of store this is, in words. */
    String description();

    /** The database file ids present. */
    List<Integer> fileIds();

    /** One past the highest page id of {@code fileId} (a file's page count). */
    long pageLimit(int fileId);

    /**
     * Every page the store holds (one id per page, whatever its copies), in id order. The default walks each file's page
     * range, right for a file whose pages are its positions; stores whose page ids come from page headers (a backup) list
     * only what they hold, so a hostile page id costs nothing.
     */
    default Iterable<PageId> pageIds() {
        List<PageId> out = new java.util.ArrayList<>();
        for (int f : fileIds()) {
            for (long p = 0; p < pageLimit(f); p++) {
                PageId id = new PageId(f, p);
                if (!copies(id).isEmpty()) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** How many distinct pages the store holds (the default counts {@link #pageIds()}). */
    default long pageCount() {
        long n = 0;
        for (int f : fileIds()) {
            n += pageLimit(f);
        }
        return n;
    }

    /** Every copy of a page, in evidence order (empty when absent). */
    List<PageCopy> copies(PageId id);

    /** The bytes of one copy (8,192 bytes). */
    byte[] read(PageCopy copy) throws IOException;

    /** The last copy of a page, or null when the store has none. */
    default byte[] readPage(int fileId, long pageId) throws IOException {
        List<PageCopy> c = copies(new PageId(fileId, pageId));
        return c.isEmpty() ? null : read(c.get(c.size() - 1));
    }

    @Override
    void close() throws IOException;
}

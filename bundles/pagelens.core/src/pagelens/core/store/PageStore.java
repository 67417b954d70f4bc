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

package pagelens.core.store;

import java.io.IOException;
import java.util.function.Function;

import pagelens.core.page.PageId;

/**
 * A page store that answers {@link #readPage} from copies a scan kept (the catalog's pages, IAM pages, allocation maps)
 * before reading the evidence again: the catalog reader after a scan reads nothing twice.
 */
public final class CapturedPages extends ForwardingPageStore {
    private final Function<PageId, byte[]> captured;
    private final boolean all;

    /**
     * @param all whether the scan kept every page of the kinds it keeps (none was left out for lack of room): then a page it
     *            did not keep is known not to be one of them
     */
    public CapturedPages(PageStore store, Function<PageId, byte[]> captured, boolean all) {
        super(store);
        this.captured = captured;
        this.all = all;
    }

    /** Whether the page may be one of the kinds the scan keeps (false: the scan saw it and it is not). */
    public boolean mayHold(PageId id) {
        return !all || captured.apply(id) != null;
    }

    @Override
    public byte[] readPage(int fileId, long pageId) throws IOException {
        if (fileId >= 0 && fileId <= 0xFFFF && pageId >= 0 && pageId <= 0xFFFF_FFFFL) {
            byte[] b = captured.apply(new PageId(fileId, pageId));
            if (b != null) {
                return b.clone();
            }
        }
        return store.readPage(fileId, pageId);
    }
}

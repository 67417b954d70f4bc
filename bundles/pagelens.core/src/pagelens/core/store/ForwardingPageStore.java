package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pagelens.core.page.PageId;

/** A page store that passes every call to another; subclasses change what they read differently (kept, captured pages). */
public abstract class ForwardingPageStore implements PageStore {
    protected final PageStore store;

    protected ForwardingPageStore(PageStore store) {
        this.store = store;
    }

    @Override
    public Path evidence() {
        return store.evidence();
    }

    @Override
    public String description() {
        return store.description();
    }

    @Override
    public List<Integer> fileIds() {
        return store.fileIds();
    }

    @Override
    public long pageLimit(int fileId) {
        return store.pageLimit(fileId);
    }

    @Override
    public Iterable<PageId> pageIds() {
        return store.pageIds();
    }

    @Override
    public long pageCount() {
        return store.pageCount();
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        return store.copies(id);
    }

    @Override
    public byte[] read(PageCopy copy) throws IOException {
        return store.read(copy);
    }

    /** The wrapped store is not closed: it belongs to whoever gave it (the opened evidence). */
    @Override
    public void close() throws IOException {
    }
}

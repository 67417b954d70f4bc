package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;

/**
 * A data or log file: page n at byte n x 8192. The file id comes from page 0 (the file header page
 * names its own file id) and defaults to 1.
 */
public final class FilePageStore implements PageStore {
    private final EvidenceSource source;
    private final int fileId;
    private final boolean ownsSource;

    private FilePageStore(EvidenceSource source, int fileId, boolean ownsSource) {
        this.source = source;
        this.fileId = fileId;
        this.ownsSource = ownsSource;
    }

    public static FilePageStore open(Path path) throws IOException {
        EvidenceSource s = EvidenceSource.open(path);
        try {
            return new FilePageStore(s, fileIdOf(s), true);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A store over an open source (not closed with the store). */
    public static FilePageStore of(EvidenceSource source) throws IOException {
        return new FilePageStore(source, fileIdOf(source), false);
    }

    private static int fileIdOf(EvidenceSource s) throws IOException {
        if (s.size() < Page.HEADER_SIZE) {
            return 1;
        }
        byte[] h = s.readFully(0, Page.HEADER_SIZE);
        if (h[0] == 1 && Bytes.u8(h, 1) == PageType.FILE_HEADER && Bytes.u32(h, pagelens.core.page.PageHeaderLayout.PAGE_ID) == 0) {
            int id = Bytes.u16(h, pagelens.core.page.PageHeaderLayout.FILE_ID);
            return id == 0 ? 1 : id;
        }
        return 1;
    }

    public EvidenceSource source() {
        return source;
    }

    public int fileId() {
        return fileId;
    }

    @Override
    public Path evidence() {
        return source.path();
    }

    @Override
    public String description() {
        return "database file (page n at n x 8192), file id " + fileId;
    }

    @Override
    public List<Integer> fileIds() {
        return List.of(fileId);
    }

    /** Whole pages in the file. */
    @Override
    public long pageLimit(int id) {
        return id == fileId ? source.size() / Page.SIZE : 0;
    }

    /** Bytes after the last whole page (a truncated page), 0 normally. */
    public int trailingBytes() {
        return (int) (source.size() % Page.SIZE);
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        if (id.fileId() != fileId || id.pageId() >= pageLimit(fileId)) {
            return List.of();
        }
        return List.of(new PageCopy(id, new Provenance(source.path(), id.pageId() * Page.SIZE, 0)));
    }

    @Override
    public byte[] read(PageCopy copy) throws IOException {
        return source.readFully(copy.provenance().offset(), Page.SIZE);
    }

    @Override
    public void close() throws IOException {
        if (ownsSource) {
            source.close();
        }
    }
}

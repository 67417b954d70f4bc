package pagelens.core.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import pagelens.core.io.ByteSource;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.store.Provenance;

/**
 * The pages of a backup's MQDA data streams, found by their own headers (a backup holds only allocated
 * extents, so a page's id never follows from its position). Every copy is kept with its offset in the
 * (decompressed) backup stream; the last copy is what a restore applies. The first bytes of an MQDA
 * stream that do not make a whole page (2 on every sample) are skipped. Slots whose header is not a page
 * header (header version 1, a known type) are unused space copied with their extent: counted, not indexed.
 */
public final class BackupPageStore implements PageStore {
    private final ByteSource src;
    private final Map<PageId, List<PageCopy>> copies = new LinkedHashMap<>();
    private final List<Long> slots = new ArrayList<>();
    private long notPages;
    private boolean ownsSource;

    public BackupPageStore(ByteSource src, Mtf.Walk walk) throws IOException {
        this.src = src;
        byte[] h = new byte[Page.HEADER_SIZE];
        for (Mtf.Stream s : walk.streams("MQDA")) {
            long lead = s.length() % Page.SIZE;
            long n = s.length() / Page.SIZE;
            for (long k = 0; k < n; k++) {
                long off = s.dataOffset() + lead + k * Page.SIZE;
                src.read(off, h, 0, Page.HEADER_SIZE);
                slots.add(off);
                if (h[0] != 1 || !PageType.isKnown(h[1] & 0xFF)) {
                    notPages++;
                    continue;
                }
                PageId id = new PageId(Bytes.u16(h, 0x24), Bytes.u32(h, 0x20));
                List<PageCopy> list = copies.computeIfAbsent(id, x -> new ArrayList<>());
                list.add(new PageCopy(id, new Provenance(src.path(), off, list.size())));
            }
        }
    }

    /** Offsets of every 8 KB slot of the data streams, pages or not. */
    public List<Long> slots() {
        return List.copyOf(slots);
    }

    /** Slots whose header is not a page header (unused space copied with its extent). */
    public long notPages() {
        return notPages;
    }

    public ByteSource source() {
        return src;
    }

    @Override
    public Path evidence() {
        return src.path();
    }

    @Override
    public String description() {
        return "pages of a backup's data streams, " + copies.size() + " distinct pages";
    }

    @Override
    public List<Integer> fileIds() {
        TreeSet<Integer> ids = new TreeSet<>();
        copies.keySet().forEach(p -> ids.add(p.fileId()));
        return List.copyOf(ids);
    }

    @Override
    public long pageLimit(int fileId) {
        return copies.keySet().stream().filter(p -> p.fileId() == fileId).mapToLong(p -> p.pageId() + 1).max().orElse(0);
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        return List.copyOf(copies.getOrDefault(id, List.of()));
    }

    /** Every page id with its copies, in stream order of first appearance. */
    public Map<PageId, List<PageCopy>> all() {
        return java.util.Collections.unmodifiableMap(copies);
    }

    @Override
    public byte[] read(PageCopy copy) throws IOException {
        byte[] b = new byte[Page.SIZE];
        int n = src.read(copy.provenance().offset(), b, 0, Page.SIZE);
        if (n != Page.SIZE) {
            throw new IOException("page " + copy.id() + " at 0x" + Long.toHexString(copy.provenance().offset()) + " is cut short by the end of the backup");
        }
        return b;
    }

    /** The store closes its source on {@link #close()} (stores opened through PageStores). */
    public BackupPageStore owningSource() {
        ownsSource = true;
        return this;
    }

    @Override
    public void close() throws IOException {
        if (ownsSource && src instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}

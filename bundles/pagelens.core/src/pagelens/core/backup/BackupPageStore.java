package pagelens.core.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import pagelens.core.io.ByteSource;
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
    private final List<Long> nonPageSlots = new ArrayList<>();
    private final boolean partial;
    private boolean ownsSource;
    /** File offsets for a plain backup, stream offsets for a compressed one. */
    private final pagelens.core.io.OffsetSpace space;

    public BackupPageStore(ByteSource src, Mtf.Walk walk) throws IOException {
        this(src, walk, Long.MAX_VALUE);
    }

    /**
     * Indexes at most {@code slotsPerStream} slots at the start of each data stream (the boot page and the other
     * system pages lie there, docs/formats.md 5.5), or all slots.
     */
    public BackupPageStore(ByteSource src, Mtf.Walk walk, long slotsPerStream) throws IOException {
        this(src, walk, slotsPerStream, null);
    }

    /** Receives the data streams' slots as they are read, in runs of consecutive slots. */
    public interface SlotVisitor {
        /** {@code count} slots starting at stream offset {@code first}, their bytes in {@code buf} from 0. */
        void slots(long first, byte[] buf, int count) throws IOException;
    }

    /** Slots read at once when a visitor reads every byte (4 MiB). */
    static final int RUN = 512;

    /**
     * Indexes the slots like {@link #BackupPageStore(ByteSource, Mtf.Walk, long)}; with a visitor, every slot is read
     * whole, in sequential runs of {@value #RUN} slots, and handed to it (one pass over the backup).
     */
    public BackupPageStore(ByteSource src, Mtf.Walk walk, long slotsPerStream, SlotVisitor visitor) throws IOException {
        this.src = src;
        this.space = src instanceof CompressedBackup ? pagelens.core.io.OffsetSpace.STREAM : pagelens.core.io.OffsetSpace.FILE;
        boolean cut = false;
        // the runs to read, in order
        List<long[]> runs = new ArrayList<>();
        for (Mtf.Stream s : walk.streams("MQDA")) {
            // the first bytes that do not make a whole page (2 on every sample) follow from the length the header claims,
            // so a cut stream keeps its pages aligned; only whole pages that are present are read
            long lead = s.claimed() >= 0 ? s.claimed() % Page.SIZE : 0;
            long n = Math.max(0, s.length() - lead) / Page.SIZE;
            if (n > slotsPerStream) {
                n = slotsPerStream;
                cut = true;
            }
            int step = visitor == null ? 1 : RUN;
            for (long k0 = 0; k0 < n; k0 += step) {
                runs.add(new long[] { s.dataOffset() + lead + k0 * Page.SIZE, Math.min(step, n - k0) });
            }
        }
        this.partial = cut;
        if (visitor == null) {
            byte[] h = new byte[Page.HEADER_SIZE];
            for (long[] r : runs) {
                src.read(r[0], h, 0, Page.HEADER_SIZE);
                index(r[0], h, 0);
            }
            return;
        }
        // double buffering: the next run is read in the background while the visitor works on the current one
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pagelens-backup-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            byte[][] bufs = { new byte[RUN * Page.SIZE], new byte[RUN * Page.SIZE] };
            java.util.concurrent.Future<Integer> pending = runs.isEmpty() ? null : readAsync(reader, runs.get(0), bufs[0]);
            for (int i = 0; i < runs.size(); i++) {
                int got = await(pending);
                byte[] cur = bufs[i % 2];
                pending = i + 1 < runs.size() ? readAsync(reader, runs.get(i + 1), bufs[(i + 1) % 2]) : null;
                long first = runs.get(i)[0];
                int count = (int) Math.min(runs.get(i)[1], got / Page.SIZE);
                for (int j = 0; j < count; j++) {
                    index(first + (long) j * Page.SIZE, cur, j * Page.SIZE);
                }
                visitor.slots(first, cur, count);
            }
            if (pending != null) {
                await(pending);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    private java.util.concurrent.Future<Integer> readAsync(java.util.concurrent.ExecutorService reader, long[] run, byte[] buf) {
        return reader.submit(() -> src.read(run[0], buf, 0, (int) run[1] * Page.SIZE));
    }

    private static int await(java.util.concurrent.Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the backup");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private void index(long off, byte[] h, int at) {
        slots.add(off);
        if (h[at] != 1 || !PageType.isKnown(h[at + 1] & 0xFF)) {
            notPages++;
            nonPageSlots.add(off);
            return;
        }
        PageId id = PageId.readHeaderId(h, at);
        List<PageCopy> list = copies.computeIfAbsent(id, x -> new ArrayList<>());
        list.add(new PageCopy(id, new Provenance(src.path(), off, list.size(), space)));
    }

    /** Whether only the start of each data stream was indexed. */
    public boolean partial() {
        return partial;
    }

    /** Offsets of the slots whose header is not a page header. */
    public List<Long> nonPageSlots() {
        return List.copyOf(nonPageSlots);
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

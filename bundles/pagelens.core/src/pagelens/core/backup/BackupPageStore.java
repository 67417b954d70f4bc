package pagelens.core.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    /**
     * The page index, compact so that memory stays small for millions of pages: per page copy its id packed as
     * {@code fileId << 32 | pageId} and its offset, appended in stream order; sorted by id (stable, so copies of one page
     * stay in stream order) the first time it is queried. 16 bytes a page copy (plus 4 while sorting).
     */
    private long[] keys = new long[1024];
    private long[] offsets = new long[1024];
    private int count;
    private boolean sorted;
    private int distinct;
    /** Slots seen (memory does not grow with the backup: only counts and the offsets of non-empty non-page slots are kept). */
    private long slotCount;
    /** Offsets of non-page slots whose header is not all zero (all-zero slots are unused space: counted, not listed). */
    private long[] nonPageSlots = new long[64];
    private int nonPageCount;
    private final boolean partial;
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
        slotCount++;
        if (h[at] != 1 || !PageType.isKnown(h[at + 1] & 0xFF)) {
            if (!pagelens.core.page.Bytes.allZero(h, at, Page.HEADER_SIZE)) {
                if (nonPageCount == nonPageSlots.length) {
                    nonPageSlots = java.util.Arrays.copyOf(nonPageSlots, nonPageSlots.length * 2);
                }
                nonPageSlots[nonPageCount++] = off;
            }
            return;
        }
        PageId id = PageId.readHeaderId(h, at);
        if (count == keys.length) {
            keys = java.util.Arrays.copyOf(keys, count * 2);
            offsets = java.util.Arrays.copyOf(offsets, count * 2);
        }
        keys[count] = key(id);
        offsets[count] = off;
        count++;
        sorted = false;
    }

    private static long key(PageId id) {
        return (long) id.fileId() << 32 | id.pageId() & 0xFFFF_FFFFL;
    }

    private static PageId id(long key) {
        return new PageId((int) (key >>> 32), key & 0xFFFF_FFFFL);
    }

    /** Sorts the index by page id once (stable: a page's copies keep their stream order). */
    private synchronized void sort() {
        if (sorted) {
            return;
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] tmp = new int[count];
        mergeSort(order, tmp, 0, count);
        long[] k = new long[count];
        long[] o = new long[count];
        int d = 0;
        for (int i = 0; i < count; i++) {
            k[i] = keys[order[i]];
            o[i] = offsets[order[i]];
            if (i == 0 || k[i] != k[i - 1]) {
                d++;
            }
        }
        keys = k;
        offsets = o;
        distinct = d;
        sorted = true;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (keys[a[mid - 1]] <= keys[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && keys[tmp[i]] <= keys[tmp[j]]) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** The index of the first entry with {@code key} (sorted index), or where it would be. */
    private int lowerBound(long key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the backup holds at least one copy of the page. */
    public boolean contains(PageId id) {
        sort();
        long k = key(id);
        int i = lowerBound(k);
        return i < count && keys[i] == k;
    }

    /** How many distinct pages the backup holds. */
    public int distinctPages() {
        sort();
        return distinct;
    }

    @Override
    public Iterable<PageId> pageIds() {
        sort();
        List<PageId> out = new java.util.ArrayList<>(distinct);
        for (int i = 0; i < count; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                out.add(new PageId((int) (keys[i] >>> 32), keys[i] & 0xFFFF_FFFFL));
            }
        }
        return out;
    }

    @Override
    public long pageCount() {
        return distinctPages();
    }

    /** Whether only the start of each data stream was indexed. */
    public boolean partial() {
        return partial;
    }

    /** Offsets of the slots whose header is not a page header and not all zero (where other content may lie). */
    public long[] nonPageSlots() {
        return java.util.Arrays.copyOf(nonPageSlots, nonPageCount);
    }

    /** How many 8 KB slots of the data streams were seen, pages or not. */
    public long slotCount() {
        return slotCount;
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
        return "pages of a backup's data streams, " + distinctPages() + " distinct pages";
    }

    @Override
    public List<Integer> fileIds() {
        sort();
        TreeSet<Integer> ids = new TreeSet<>();
        for (int i = 0; i < count; i = lowerBound(((keys[i] >>> 32) + 1) << 32)) {
            ids.add((int) (keys[i] >>> 32));
        }
        return List.copyOf(ids);
    }

    @Override
    public long pageLimit(int fileId) {
        sort();
        int end = lowerBound((long) (fileId + 1) << 32);
        return end > 0 && (int) (keys[end - 1] >>> 32) == fileId ? (keys[end - 1] & 0xFFFF_FFFFL) + 1 : 0;
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        sort();
        long k = key(id);
        List<PageCopy> out = new ArrayList<>(1);
        for (int i = lowerBound(k); i < count && keys[i] == k; i++) {
            out.add(new PageCopy(id, new Provenance(src.path(), offsets[i], out.size(), space)));
        }
        return out;
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


    @Override
    public void close() {
        // the source belongs to whoever opened it (the Backup, or the OpenedEvidence)
    }
}

package pagelens.core.scan;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;

/**
 * The allocation unit id each page's header names, recorded while a scan reads the page (no second pass): 4 bytes per
 * page, an index into the distinct ids seen. Pages are kept in chunks of {@value #CHUNK} pages allocated on first use,
 * so a data file costs 4 bytes per page and a backup only for the page ranges it holds; evidence that scatters page ids
 * (hostile or garbage) stops being recorded once the chunks would cost more than {@value #SPREAD} times the pages seen,
 * and says so in {@link #complete()}. Safe for scan workers that record different pages at once.
 */
public final class PageOwners {
    static final int CHUNK = 4096;
    /** Flag on a recorded page: the scan's allocation maps say the page is in use. */
    public static final int IN_USE = 1 << 29;
    /** Flag on a recorded page: the scan's allocation maps say the page is free (a stale image). */
    public static final int FREE = 1 << 30;
    /** The ordinal + 1 of a recorded value (without the flags). */
    public static final int ORDINAL = IN_USE - 1;
    static final int SPREAD = 16;
    private static final int MIN_CHUNKS = 64;

    private final ConcurrentHashMap<Long, int[]> chunks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> ordinals = new ConcurrentHashMap<>();
    private long[] ids = new long[64];
    private int count;
    private volatile boolean complete = true;
    private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
    private final boolean capped;

    /**
     * @param positional true when page ids are positions in a file (a data file: bounded by its size, never capped);
     *                   false when they come from page headers (a backup, DBCC output: capped against scatter)
     */
    public PageOwners(boolean positional) {
        this.capped = !positional;
    }

    /** Bytes of captured pages kept at most (beyond it the catalog reader reads those pages from the evidence again). */
    public static final long CAPTURE_LIMIT = 48L << 20;
    private final ConcurrentHashMap<PageId, byte[]> captured = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong capturedBytes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Whether the scan keeps a copy of a page for the catalog reader, so that it need not read the evidence again: the
     * data pages of the system base tables (object ids below 99 with index bits below 256: catalog.md 1.3), IAM pages and
     * the allocation maps and boot page.
     */
    public static boolean worthCapturing(int type, int indexId, long objId) {
        return switch (type) {
            case pagelens.core.page.PageType.DATA -> objId > 0 && objId < 99 && indexId < 256;
            case pagelens.core.page.PageType.IAM, pagelens.core.page.PageType.PFS, pagelens.core.page.PageType.GAM,
                    pagelens.core.page.PageType.SGAM, pagelens.core.page.PageType.BOOT -> true;
            default -> false;
        };
    }

    /** Keeps a copy of the page at {@code off} of {@code buf} (the last copy of a page wins, as a restore applies it). */
    public void capture(int fileId, long pageId, byte[] buf, int off) {
        if (capturedBytes.addAndGet(Page.SIZE) > CAPTURE_LIMIT) {
            capturedBytes.addAndGet(-Page.SIZE); // not kept, and capturedAll() says so
            return;
        }
        if (captured.put(new PageId(fileId, pageId), Arrays.copyOfRange(buf, off, off + Page.SIZE)) != null) {
            capturedBytes.addAndGet(-Page.SIZE);
        }
    }

    /** Whether every page worth capturing was captured (the limit was not reached) and every page was recorded. */
    public boolean capturedAll() {
        return capturedBytes.get() + Page.SIZE <= CAPTURE_LIMIT && complete;
    }

    /** The scan's copy of a page, or null. */
    public byte[] captured(PageId id) {
        return captured.get(id);
    }

    /** The allocation unit id of a header: (m_indexId << 48) | (m_objId << 16) (catalog.md 1.4). */
    public static long auid(int indexId, long objId) {
        return ((long) indexId << 48) | (objId << 16);
    }

    /**
     * A recorder for one scan worker: it remembers the last chunk and the last unit, so a run of pages of one owner costs no
     * map lookup (pages of an extent, and most runs of extents, share their owner).
     */
    public Recorder recorder() {
        return new Recorder();
    }

    /** See {@link #recorder()}; not shared between threads. */
    public final class Recorder {
        private long lastKey = -1;
        private int[] lastChunk;
        private long lastAuid = -1;
        private int lastOrdinal;
        private long pending;

        public void set(int fileId, long pageId, long auid) {
            set(fileId, pageId, auid, 0);
        }

        /** Records a page with what the allocation maps say of it ({@link #IN_USE}, {@link #FREE} or 0 for not known). */
        public void set(int fileId, long pageId, long auid, int allocation) {
            long key = ((long) fileId << 32 | (pageId >>> 12));
            if (key != lastKey) {
                recorded.addAndGet(pending); // the pages recorded so far count before a new chunk is taken
                pending = 0;
                lastChunk = chunk(fileId, pageId);
                lastKey = key;
            }
            if (lastChunk == null) {
                return;
            }
            pending++;
            if (auid != lastAuid) {
                lastOrdinal = ordinal(auid) + 1;
                lastAuid = auid;
            }
            lastChunk[(int) (pageId & (CHUNK - 1))] = lastOrdinal | allocation;
        }
    }

    private int[] chunk(int fileId, long pageId) {
        long key = ((long) fileId << 32 | (pageId >>> 12));
        int[] c = chunks.get(key);
        if (c == null) {
            long n = recorded.get();
            if (capped && chunks.size() >= MIN_CHUNKS && (long) chunks.size() * CHUNK > SPREAD * Math.max(n, 1)) {
                complete = false;
                return null;
            }
            c = chunks.computeIfAbsent(key, k -> new int[CHUNK]);
        }
        return c;
    }

    private int ordinal(long auid) {
        Integer o = ordinals.get(auid);
        if (o != null) {
            return o;
        }
        synchronized (this) {
            o = ordinals.get(auid);
            if (o == null) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count] = auid;
                o = count++;
                ordinals.put(auid, o);
            }
            return o;
        }
    }

    /** The allocation unit id page {@code id}'s header named, or -1 when the scan recorded none (no header, not read). */
    public long auid(PageId id) {
        int[] c = chunks.get(((long) id.fileId() << 32) | (id.pageId() >>> 12));
        if (c == null) {
            return -1;
        }
        int o = c[(int) (id.pageId() & (CHUNK - 1))] & ORDINAL;
        synchronized (this) {
            return o == 0 ? -1 : ids[o - 1];
        }
    }

    /** Whether every page the scan saw was recorded (false only for evidence that scatters page ids beyond reason). */
    public boolean complete() {
        return complete;
    }

    /** The number of distinct allocation unit ids recorded (ordinals are 0 .. this - 1). */
    public synchronized int ordinals() {
        return count;
    }

    /** The allocation unit id of an ordinal. */
    public synchronized long auidOf(int ordinal) {
        return ids[ordinal];
    }

    /**
     * Every chunk of recorded pages: {@code visitor} gets the file id, the chunk's first page id and its array of ordinal + 1
     * per page (0: not recorded), with the allocation flags {@link #IN_USE} or {@link #FREE} where the scan knew them (mask
     * with {@link #ORDINAL}). The arrays are the live ones: read them, do not keep or change them.
     */
    public void forEachChunk(ChunkVisitor visitor) {
        for (Map.Entry<Long, int[]> e : chunks.entrySet()) {
            visitor.chunk((int) (e.getKey() >>> 32), (e.getKey() & 0xFFFF_FFFFL) << 12, e.getValue());
        }
    }

    /**
     * Adds every page another recording holds (the scan of another file of the same database), with its owner and allocation
     * flags; a page recorded in both keeps the other's value. Not for use while either is being recorded.
     */
    public void addAll(PageOwners other) {
        other.forEachChunk((file, first, values) -> {
            int[] mine = chunks.computeIfAbsent(((long) file << 32) | (first >>> 12), k -> new int[CHUNK]);
            for (int i = 0; i < CHUNK; i++) {
                int v = values[i];
                if (v != 0) {
                    int flags = v & ~ORDINAL;
                    mine[i] = (ordinal(other.auidOf((v & ORDINAL) - 1)) + 1) | flags;
                }
            }
        });
        recorded.addAndGet(other.recorded.get());
        if (!other.complete) {
            complete = false;
        }
    }

    /** Receives chunks of recorded pages. */
    public interface ChunkVisitor {
        void chunk(int fileId, long firstPage, int[] ordinalsPlusOne);
    }
}

package pagelens.core.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import pagelens.core.alloc.AllocationState;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.findings.Severity;
import pagelens.core.io.CanceledException;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.page.PageVerification;
import pagelens.core.store.FilePageStore;

/**
 * Scans every page of a data file (or page 0 of a log file): checks each page by itself and against the
 * file's allocation maps, counts protections and reports findings. Chunks of pages are read and checked
 * in parallel by one worker per core, at most two chunks per worker in flight, so memory stays bounded
 * whatever the file size.
 */
public final class FileScanner {
    /** Pages per chunk (2 MiB). */
    static final int CHUNK_PAGES = 256;
    /** First byte of a VLF header at 0x2000 in a log file. */
    private static final int VLF_MAGIC = 0xAB;

    private final int threads;

    public FileScanner() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public FileScanner(int threads) {
        this.threads = Math.max(1, threads);
    }

    public ScanResult scan(Path path, ProgressMonitor monitor) throws IOException {
        return scan(path, monitor, new FindingSink());
    }

    public ScanResult scan(Path path, ProgressMonitor monitor, FindingSink sink) throws IOException {
        long t0 = System.nanoTime();
        try (EvidenceSource src = EvidenceSource.open(path); FilePageStore store = FilePageStore.of(src)) {
            long size = src.size();
            long pages = size / Page.SIZE;
            int fileId = store.fileId();
            byte[] head = src.readUpTo(0, 0x2001);
            boolean fileHeader = head.length >= Page.HEADER_SIZE && head[0] == 1 && Bytes.u8(head, 1) == PageType.FILE_HEADER;
            boolean log = fileHeader && head.length > 0x2000 && Bytes.u8(head, 0x2000) == VLF_MAGIC;
            String kind = log ? "log file" : fileHeader ? "data file" : "unknown layout";
            if (!fileHeader && size > 0) {
                sink.add(new Finding(Rules.FILE_NOT_DATABASE, "page 0 is not a file header page (m_type "
                        + (head.length > 1 ? Bytes.u8(head, 1) : -1) + ")", Location.page(path, fileId, 0, 0)));
            }
            if (store.trailingBytes() != 0) {
                sink.add(new Finding(Rules.FILE_TRUNCATED, String.format("the file ends %d bytes into page %d (size %,d is not a multiple of 8,192)",
                        store.trailingBytes(), pages, size), new Location(path, fileId, pages, pages * Page.SIZE, 0, store.trailingBytes())));
            }
            long scanPages = log ? Math.min(1, pages) : pages;
            AllocationState alloc = null;
            if (!log && fileHeader && pages > 2) {
                alloc = AllocationState.read(store, fileId, pages);
                if (alloc.unreadableMaps() > 0) {
                    sink.add(new Finding(Rules.FILE_NO_ALLOCATION_MAPS, alloc.unreadableMaps()
                            + " GAM or PFS page(s) could not be read as such", Location.page(path, fileId, 1, Page.SIZE)));
                }
            }
            monitor.begin("Scanning " + path.getFileName(), scanPages * Page.SIZE);
            try {
                PageCounts counts = run(path, fileId, scanPages, alloc, monitor, sink);
                return new ScanResult(path, size, kind, fileId, counts, sink, scanPages * Page.SIZE, System.nanoTime() - t0);
            } finally {
                monitor.done();
            }
        }
    }

    private PageCounts run(Path path, int fileId, long pages, AllocationState alloc, ProgressMonitor monitor, FindingSink sink)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pagelens-scan");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(CHUNK_PAGES * Page.SIZE));
        PageCounts total = PageCounts.ZERO;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Deque<Future<PageCounts>> inFlight = new ArrayDeque<>();
            for (long first = 0; first < pages; first += CHUNK_PAGES) {
                monitor.checkCanceled();
                long f = first;
                int n = (int) Math.min(CHUNK_PAGES, pages - first);
                inFlight.add(pool.submit(() -> checkChunk(ch, buffers.get(), path, fileId, f, n, alloc, sink)));
                if (inFlight.size() >= 2 * threads) {
                    total = total.plus(await(inFlight.removeFirst()));
                    monitor.worked((long) CHUNK_PAGES * Page.SIZE);
                }
            }
            while (!inFlight.isEmpty()) {
                total = total.plus(await(inFlight.removeFirst()));
                monitor.worked((long) CHUNK_PAGES * Page.SIZE);
            }
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    private static PageCounts await(Future<PageCounts> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private static PageCounts checkChunk(FileChannel ch, ByteBuffer buf, Path path, int fileId, long first, int n,
            AllocationState alloc, FindingSink sink) throws IOException {
        buf.clear();
        buf.limit(n * Page.SIZE);
        long pos = first * Page.SIZE;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                break;
            }
            pos += r;
        }
        byte[] b = buf.array();
        int got = buf.position() / Page.SIZE;
        PageCounts.Counter c = new PageCounts.Counter();
        for (int i = 0; i < got; i++) {
            checkPage(b, i * Page.SIZE, path, fileId, first + i, alloc, sink, c);
        }
        return c.toCounts();
    }

    static void checkPage(byte[] b, int off, Path path, int fileId, long pageId, AllocationState alloc, FindingSink sink,
            PageCounts.Counter c) {
        c.total++;
        long fileOffset = pageId * Page.SIZE;
        Location loc = Location.page(path, fileId, pageId, fileOffset);
        AllocationState.State state = alloc == null ? AllocationState.State.UNKNOWN : alloc.state(pageId);
        boolean headerZero = Bytes.allZero(b, off, Page.HEADER_SIZE);
        if (headerZero) {
            c.empty++;
            if (Bytes.allZero(b, off, Page.SIZE)) {
                if (state == AllocationState.State.ALLOCATED) {
                    sink.add(new Finding(Rules.PAGE_ZERO, "page " + fileId + ":" + pageId
                            + " is all zeros but the GAM and PFS say it is in use", loc));
                }
                return;
            }
            if (state != AllocationState.State.ALLOCATED) {
                return; // never-formatted space with leftovers: not in use
            }
            sink.add(new Finding(Rules.PAGE_BAD_HEADER, "page " + fileId + ":" + pageId
                    + " is in use but its 96-byte header is all zeros", loc.bytes(0, Page.HEADER_SIZE)));
            return;
        }
        PageVerification v = PageVerification.verify(b, off, new PageId(fileId, pageId));
        boolean inUse = state != AllocationState.State.UNALLOCATED;
        String where = inUse ? "" : " (page not in use per GAM/PFS)";
        Severity damage = inUse ? Severity.ERROR : Severity.WARNING;
        switch (v.protection()) {
            case CHECKSUM -> {
                c.checksumProtected++;
                if (v.checksumOk()) {
                    c.checksumOk++;
                } else {
                    c.checksumBad++;
                    sink.add(new Finding(Rules.PAGE_CHECKSUM, damage, String.format("page %d:%d: stored checksum 0x%08X, computed 0x%08X%s",
                            fileId, pageId, v.checksumStored(), v.checksumComputed(), where), loc.bytes(0x3C, 4)));
                }
            }
            case TORN -> {
                c.tornProtected++;
                if (v.isTorn()) {
                    c.torn++;
                    sink.add(new Finding(Rules.PAGE_TORN, damage, "page " + fileId + ":" + pageId + ": torn sector(s) "
                            + v.torn().tornSectors() + " (signature " + v.torn().signature() + ")" + where,
                            tornRange(loc, v)));
                } else {
                    c.tornOk++;
                }
            }
            case NONE -> c.unprotected++;
        }
        if (!v.headerProblems().isEmpty()) {
            sink.add(new Finding(Rules.PAGE_BAD_HEADER, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.headerProblems()) + where, loc.bytes(0, Page.HEADER_SIZE)));
        }
        if (!v.pageIdMatches()) {
            String t = "page at " + fileId + ":" + pageId + " says it is " + v.header().pageId() + " (type " + v.header().typeName() + ")";
            if (inUse) {
                sink.add(new Finding(Rules.PAGE_ID_MISMATCH, t, loc.bytes(0x20, 6)));
            } else {
                sink.add(new Finding(Rules.PAGE_ID_STALE, t + where, loc.bytes(0x20, 6)));
            }
        }
        if (!v.slotProblems().isEmpty()) {
            sink.add(new Finding(Rules.PAGE_SLOT_RANGE, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.slotProblems()) + where, loc.bytes(Page.SIZE - 2 * Math.min(v.header().slotCount(), 4048),
                            2 * Math.min(v.header().slotCount(), 4048))));
        }
        boolean damaged = v.checksumBad() || v.isTorn() || v.slotArrayZeroed();
        List<Integer> suspicious = damaged ? v.zeroSectorsInUsedArea() : List.of();
        if (!suspicious.isEmpty()) {
            int firstSector = suspicious.get(0);
            int lastSector = suspicious.get(suspicious.size() - 1);
            sink.add(new Finding(Rules.PAGE_ZERO_SECTOR, damage, "page " + fileId + ":" + pageId + ": zero-filled sector(s) "
                    + suspicious + " in the used part of the page" + where, loc.bytes(firstSector * Page.SECTOR_SIZE, (lastSector - firstSector + 1) * Page.SECTOR_SIZE)));
        }
    }

    private static Location tornRange(Location loc, PageVerification v) {
        if (v.torn().tornSectors().isEmpty()) {
            return loc.bytes(0x3C, 4);
        }
        int first = v.torn().tornSectors().get(0);
        int last = v.torn().tornSectors().get(v.torn().tornSectors().size() - 1);
        return loc.bytes(first * Page.SECTOR_SIZE, (last - first + 1) * Page.SECTOR_SIZE);
    }
}

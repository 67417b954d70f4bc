package pagelens.core.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * file's allocation maps, counts protections and reports findings. One worker per core takes the next
 * chunk of pages, reads it into its own buffer and checks it; memory stays bounded (one buffer per
 * worker) whatever the file size. Healthy pages are cleared in the read buffer without copying.
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
                PageStatus status = new PageStatus(scanPages);
                PageCounts counts = run(path, fileId, scanPages, alloc, monitor, sink, status);
                return new ScanResult(path, size, kind, fileId, counts, sink, scanPages * Page.SIZE, System.nanoTime() - t0, status);
            } finally {
                monitor.done();
            }
        }
    }

    private PageCounts run(Path path, int fileId, long pages, AllocationState alloc, ProgressMonitor monitor, FindingSink sink,
            PageStatus status) throws IOException {
        long chunks = (pages + CHUNK_PAGES - 1) / CHUNK_PAGES;
        AtomicLong next = new AtomicLong();
        AtomicLong donePages = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            List<Worker> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(() -> {
                    // direct buffer: the kernel copies into it once, as it does for 'cat'
                    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_PAGES * Page.SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    byte[] page = new byte[Page.SIZE];
                    PageCounts.Counter c = new PageCounts.Counter();
                    long k;
                    while (!stop.get() && (k = next.getAndIncrement()) < chunks) {
                        long first = k * CHUNK_PAGES;
                        int n = (int) Math.min(CHUNK_PAGES, pages - first);
                        checkChunk(ch, buf, page, path, fileId, first, n, alloc, sink, c, status);
                        donePages.addAndGet(n);
                    }
                    return c.toCounts();
                });
                w.thread.start();
                workers.add(w);
            }
            long reported = 0;
            try {
                for (Worker w : workers) {
                    while (w.thread.isAlive()) {
                        w.thread.join(100);
                        long d = donePages.get();
                        monitor.worked((d - reported) * Page.SIZE);
                        reported = d;
                        if (monitor.isCanceled()) {
                            stop.set(true);
                        }
                    }
                }
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new CanceledException();
            }
            monitor.worked((donePages.get() - reported) * Page.SIZE);
            if (stop.get()) {
                throw new CanceledException();
            }
            PageCounts total = PageCounts.ZERO;
            for (Worker w : workers) {
                total = total.plus(w.result());
            }
            return total;
        }
    }

    /** A scan thread and what it returned or threw. */
    private static final class Worker {
        interface Body {
            PageCounts run() throws IOException;
        }

        final Thread thread;
        private volatile PageCounts result;
        private volatile Throwable failure;

        Worker(Body body) {
            thread = new Thread(() -> {
                try {
                    result = body.run();
                } catch (Throwable t) {
                    failure = t;
                }
            }, "pagelens-scan");
            thread.setDaemon(true);
        }

        PageCounts result() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            return result;
        }
    }

    private static void checkChunk(FileChannel ch, ByteBuffer buf, byte[] b, Path path, int fileId, long first, int n,
            AllocationState alloc, FindingSink sink, PageCounts.Counter c, PageStatus status) throws IOException {
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
        int got = buf.position() / Page.SIZE;
        for (int i = 0; i < got; i++) {
            if (buf.get(i * Page.SIZE) == 1) {
                status.setType(first + i, buf.get(i * Page.SIZE + 1) & 0xFF);
            }
            int quick = PageVerification.quick(buf, i * Page.SIZE, fileId, first + i);
            if (quick == PageVerification.QUICK_OK_CHECKSUM) {
                c.total++;
                c.checksumProtected++;
                c.checksumOk++;
                status.set(first + i, PageStatus.CHECKSUM_OK);
                continue;
            }
            if (quick == PageVerification.QUICK_OK_NONE) {
                c.total++;
                c.unprotected++;
                status.set(first + i, PageStatus.UNPROTECTED);
                continue;
            }
            buf.get(i * Page.SIZE, b, 0, Page.SIZE);
            status.set(first + i, checkPage(b, 0, path, fileId, first + i, alloc, sink, c));
        }
    }

    static byte checkPage(byte[] b, int off, Path path, int fileId, long pageId, AllocationState alloc, FindingSink sink,
            PageCounts.Counter c) {
        c.total++;
        byte[] st = { PageStatus.EMPTY };
        long fileOffset = pageId * Page.SIZE;
        Location loc = Location.page(path, fileId, pageId, fileOffset);
        AllocationState.State state = alloc == null ? AllocationState.State.UNKNOWN : alloc.state(pageId);
        boolean headerZero = Bytes.allZero(b, off, Page.HEADER_SIZE);
        if (headerZero) {
            c.empty++;
            if (Bytes.allZero(b, off, Page.SIZE)) {
                if (state == AllocationState.State.ALLOCATED) {
                    mark(sink, st, new Finding(Rules.PAGE_ZERO, "page " + fileId + ":" + pageId
                            + " is all zeros but the GAM and PFS say it is in use", loc));
                }
                return st[0];
            }
            if (state != AllocationState.State.ALLOCATED) {
                return st[0]; // never-formatted space with leftovers: not in use
            }
            mark(sink, st, new Finding(Rules.PAGE_BAD_HEADER, "page " + fileId + ":" + pageId
                    + " is in use but its 96-byte header is all zeros", loc.bytes(0, Page.HEADER_SIZE)));
            return st[0];
        }
        int quick = PageVerification.quick(b, off, fileId, pageId, c.xors);
        if (quick == PageVerification.QUICK_OK_CHECKSUM) {
            c.checksumProtected++;
            c.checksumOk++;
            return PageStatus.CHECKSUM_OK;
        }
        if (quick == PageVerification.QUICK_OK_NONE) {
            c.unprotected++;
            return PageStatus.UNPROTECTED;
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
                    st[0] = PageStatus.CHECKSUM_OK;
                } else {
                    c.checksumBad++;
                    mark(sink, st, new Finding(Rules.PAGE_CHECKSUM, damage, String.format("page %d:%d: stored checksum 0x%08X, computed 0x%08X%s",
                            fileId, pageId, v.checksumStored(), v.checksumComputed(), where), loc.bytes(0x3C, 4)));
                }
            }
            case TORN -> {
                c.tornProtected++;
                if (v.isTorn()) {
                    c.torn++;
                    mark(sink, st, new Finding(Rules.PAGE_TORN, damage, "page " + fileId + ":" + pageId + ": torn sector(s) "
                            + v.torn().tornSectors() + " (signature " + v.torn().signature() + ")" + where,
                            tornRange(loc, v)));
                } else {
                    c.tornOk++;
                    st[0] = PageStatus.TORN_OK;
                }
            }
            case NONE -> {
                c.unprotected++;
                st[0] = PageStatus.UNPROTECTED;
            }
        }
        if (!v.headerProblems().isEmpty()) {
            mark(sink, st, new Finding(Rules.PAGE_BAD_HEADER, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.headerProblems()) + where, loc.bytes(0, Page.HEADER_SIZE)));
        }
        if (!v.pageIdMatches()) {
            String t = "page at " + fileId + ":" + pageId + " says it is " + v.header().pageId() + " (type " + v.header().typeName() + ")";
            if (inUse) {
                mark(sink, st, new Finding(Rules.PAGE_ID_MISMATCH, t, loc.bytes(0x20, 6)));
            } else {
                mark(sink, st, new Finding(Rules.PAGE_ID_STALE, t + where, loc.bytes(0x20, 6)));
            }
        }
        if (!v.slotProblems().isEmpty()) {
            mark(sink, st, new Finding(Rules.PAGE_SLOT_RANGE, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.slotProblems()) + where, loc.bytes(Page.SIZE - 2 * Math.min(v.header().slotCount(), 4048),
                            2 * Math.min(v.header().slotCount(), 4048))));
        }
        boolean damaged = v.checksumBad() || v.isTorn() || v.slotArrayZeroed();
        List<Integer> suspicious = damaged ? v.zeroSectorsInUsedArea() : List.of();
        if (!suspicious.isEmpty()) {
            int firstSector = suspicious.get(0);
            int lastSector = suspicious.get(suspicious.size() - 1);
            mark(sink, st, new Finding(Rules.PAGE_ZERO_SECTOR, damage, "page " + fileId + ":" + pageId + ": zero-filled sector(s) "
                    + suspicious + " in the used part of the page" + where, loc.bytes(firstSector * Page.SECTOR_SIZE, (lastSector - firstSector + 1) * Page.SECTOR_SIZE)));
        }
        return st[0];
    }

    /** Adds a finding and raises the page's status to match its severity. */
    private static void mark(FindingSink sink, byte[] st, Finding f) {
        sink.add(f);
        byte s = f.severity().atLeast(Severity.ERROR) ? PageStatus.DAMAGED : PageStatus.WARNING;
        if (st[0] < s) {
            st[0] = s;
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

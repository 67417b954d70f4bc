package pagelens.core.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import pagelens.core.alloc.AllocationState;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.io.CanceledException;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
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
    private boolean recordOwners = true;

    public FileScanner() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public FileScanner(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * Whether the scan records each page's header owner and keeps the catalog's pages for the catalog reader (default); off,
     * the scan only verifies (the baseline the catalog's cost is measured against).
     */
    public FileScanner recordingOwners(boolean record) {
        this.recordOwners = record;
        return this;
    }

    public ScanResult scan(Path path, ProgressMonitor monitor) throws IOException {
        return scan(path, monitor, new FindingSink());
    }

    public ScanResult scan(Path path, ProgressMonitor monitor, FindingSink sink) throws IOException {
        try (EvidenceSource src = EvidenceSource.open(path)) {
            return scan(src, monitor, sink);
        }
    }

    /** Scans a file through an open source (left open). */
    public ScanResult scan(EvidenceSource src, ProgressMonitor monitor, FindingSink sink) throws IOException {
        long t0 = System.nanoTime();
        Path path = src.path();
        try (FilePageStore store = FilePageStore.of(src)) {
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
                PageCounts counts = run(src, fileId, scanPages, alloc, monitor, sink, status);
                return new ScanResult(path, size, kind, fileId, counts, sink, scanPages * Page.SIZE, System.nanoTime() - t0, status);
            } finally {
                monitor.done();
            }
        }
    }

    private PageCounts run(EvidenceSource ch, int fileId, long pages, AllocationState alloc, ProgressMonitor monitor, FindingSink sink,
            PageStatus status) throws IOException {
        long chunks = (pages + CHUNK_PAGES - 1) / CHUNK_PAGES;
        AtomicLong next = new AtomicLong();
        AtomicLong donePages = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        {
            List<Worker> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(() -> {
                    PageChecker checker = new PageChecker(ch, fileId, alloc, sink, status, recordOwners ? status.owners().recorder() : null);
                    long k;
                    while (!stop.get() && (k = next.getAndIncrement()) < chunks) {
                        long first = k * CHUNK_PAGES;
                        int n = (int) Math.min(CHUNK_PAGES, pages - first);
                        checker.chunk(first, n);
                        donePages.addAndGet(n);
                    }
                    return checker.counts();
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

    /** Whether the page at {@code off} of a little-endian buffer is all zero (eight bytes at a time). */
    private static boolean zeroPage(ByteBuffer buf, int off) {
        long x = 0;
        for (int i = 0; i < Page.SIZE; i += 32) {
            x |= buf.getLong(off + i) | buf.getLong(off + i + 8) | buf.getLong(off + i + 16) | buf.getLong(off + i + 24);
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the pages of one worker's chunks. The per-page work is a method of its own, called once per page: the JIT
     * compiles a method after a few hundred calls, but a loop's body only after tens of thousands of iterations (the chunk
     * loop runs 256 times per call), so in a short process most of the file would otherwise be checked by the interpreter.
     */
    private static final class PageChecker {
        private final EvidenceSource ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_PAGES * Page.SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        private final byte[] page = new byte[Page.SIZE];
        private final Path path;
        private final int fileId;
        private final AllocationState alloc;
        private final FindingSink sink;
        private final PageCounts.Counter c = new PageCounts.Counter();
        private final PageStatus status;
        private final PageOwners.Recorder rec;

        PageChecker(EvidenceSource ch, int fileId, AllocationState alloc, FindingSink sink, PageStatus status, PageOwners.Recorder rec) {
            this.ch = ch;
            this.path = ch.path();
            this.fileId = fileId;
            this.alloc = alloc;
            this.sink = sink;
            this.status = status;
            this.rec = rec;
        }

        PageCounts counts() {
            return c.toCounts();
        }

        /** Reads pages {@code first} to {@code first + n - 1} into the buffer (direct: the kernel copies into it once, as for 'cat') and checks them. */
        void chunk(long first, int n) throws IOException {
            buf.clear();
            buf.limit(n * Page.SIZE);
            ch.read(buf, first * Page.SIZE);
            int got = buf.position() / Page.SIZE;
            for (int i = 0; i < got; i++) {
                int off = i * Page.SIZE;
                // pages with a header and the rest (a never-used tail is all zero) are checked by two methods: the JIT's code
                // for the one is not thrown away when the first page of the other comes (only this small loop is recompiled)
                if (buf.get(off) == 1) {
                    headerPage(off, first + i);
                } else {
                    otherPage(off, first + i);
                }
            }
        }

        private void headerPage(int off, long pageId) {
            status.setType(pageId, buf.get(off + 1) & 0xFF);
            if (rec != null) {
                // the owner as the header names it, recorded in this pass (catalog.md 1.4)
                int indexId = buf.getShort(off + PageHeaderLayout.INDEX_ID) & 0xFFFF;
                long objId = buf.getInt(off + PageHeaderLayout.OBJ_ID) & 0xFFFF_FFFFL;
                AllocationState.State st = alloc == null ? AllocationState.State.UNKNOWN : alloc.state(pageId);
                rec.set(fileId, pageId, PageOwners.auid(indexId, objId), st == AllocationState.State.ALLOCATED ? PageOwners.IN_USE
                        : st == AllocationState.State.UNALLOCATED ? PageOwners.FREE : 0);
            }
            int quick = PageVerification.quick(buf, off, fileId, pageId);
            if (quick == PageVerification.QUICK_OK_CHECKSUM) {
                c.total++;
                c.checksumProtected++;
                c.checksumOk++;
                status.set(pageId, PageStatus.CHECKSUM_OK);
            } else if (quick == PageVerification.QUICK_OK_NONE) {
                c.total++;
                c.unprotected++;
                status.set(pageId, PageStatus.UNPROTECTED);
            } else {
                detail(off, pageId);
            }
        }

        private void otherPage(int off, long pageId) {
            if (buf.get(off) == 0 && zeroPage(buf, off) && (alloc == null || alloc.state(pageId) != AllocationState.State.ALLOCATED)) {
                // never-used space, read in place: what PageRules.check says of an all-zero page not in use, without copying it out
                c.total++;
                c.empty++;
                status.set(pageId, PageStatus.EMPTY);
            } else {
                detail(off, pageId);
            }
        }

        /** Every rule, on a copy of the page: what the quick checks could not clear. */
        private void detail(int off, long pageId) {
            buf.get(off, page, 0, Page.SIZE);
            status.set(pageId, PageRules.check(page, 0, Location.page(path, fileId, pageId, pageId * Page.SIZE), true, alloc, sink, c));
        }
    }

}

package pagelens.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.findings.Severity;
import pagelens.core.io.ByteSource;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.PageVerification;
import pagelens.core.scan.PageCounts;
import pagelens.core.store.PageCopy;

/**
 * A backup opened without a restore: plain (TAPE) or compressed (MSSQLBAK); its MTF walk, the set
 * header facts that can be read, and every page of its data streams verified.
 *
 * @param path            the .bak
 * @param compressed      MSSQLBAK container
 * @param walk            descriptor blocks and streams
 * @param softwareName    TAPE software name
 * @param backupKind      full, differential or copy-only (SSET attributes)
 * @param softwareVersion SCIN server build (major.minor.build) [INFERRED layout], or null
 * @param databaseVersion SCIN database version [INFERRED layout], or null
 * @param pages           the page store of the data streams
 * @param counts          page counts (checksum, torn, unprotected, never used)
 * @param findings        damage found
 * @param notes           facts about the container
 * @param catalog         the MQCI file list and filegroups
 * @param xtp             In-Memory OLTP content found in the stream (null when only the headers were read)
 * @param headersOnly     only the headers, the file list and the start of each data stream were read; counts are null
 */
public record Backup(Path path, boolean compressed, Mtf.Walk walk, String softwareName, String backupKind, String softwareVersion,
        Integer databaseVersion, BackupPageStore pages, PageCounts counts, FindingSink findings, List<String> notes, BackupCatalog catalog,
        BackupXtp xtp, boolean headersOnly, java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> groups, boolean ownsSource)
        implements AutoCloseable {

    /** Slots indexed at the start of each data stream when only the headers are read. */
    public static final int HEADER_SLOTS = 64;

    /** Closes the backup's file when it opened it (pages are read from it on demand until then). */
    @Override
    public void close() throws IOException {
        if (!ownsSource) {
            return;
        }
        if (pages.source() instanceof CompressedBackup cb) {
            cb.file().close();
        } else if (pages.source() instanceof EvidenceSource es) {
            es.close();
        }
    }

    /** Opens, walks and verifies a backup; close it when done (its pages are read on demand). */
    public static Backup read(Path path) throws IOException {
        return read(path, false, ProgressMonitor.NULL);
    }

    /**
     * Reads only the MTF blocks, the set header, the file list and the first {@value #HEADER_SLOTS} slots of each data
     * stream (where the boot page copies lie): time that does not grow with the backup's size.
     */
    public static Backup readHeaders(Path path) throws IOException {
        return read(path, true, ProgressMonitor.NULL);
    }

    /** Opens a backup: all of it, or only its headers; the backup owns its source (close it). */
    public static Backup read(Path path, boolean headersOnly, ProgressMonitor monitor) throws IOException {
        EvidenceSource file = EvidenceSource.open(path);
        try {
            Backup b = read(file, headersOnly, monitor);
            return new Backup(b.path, b.compressed, b.walk, b.softwareName, b.backupKind, b.softwareVersion, b.databaseVersion, b.pages, b.counts,
                    b.findings, b.notes, b.catalog, b.xtp, b.headersOnly, b.groups, true);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Reads a backup through {@code file} (the caller keeps it open and closes it; {@link #close()} then closes
     * nothing): all of it, or only its headers.
     */
    public static Backup read(EvidenceSource file, boolean headersOnly, ProgressMonitor monitor) throws IOException {
        Path path = file.path();
        byte[] magic = file.readUpTo(0, 8);
        boolean compressed = new String(magic, StandardCharsets.US_ASCII).equals("MSSQLBAK");
        ByteSource src = compressed ? CompressedBackup.open(file) : file;
        List<String> notes = new ArrayList<>();
        if (compressed) {
            CompressedBackup cb = (CompressedBackup) src;
            notes.add(String.format(Locale.ROOT, "compressed (MSSQLBAK): %d MS-XCA chunks expand to a %,d-byte MTF stream", cb.chunks().size(), cb.size()));
            notes.addAll(cb.notes());
        }
        Mtf.Walk walk = Mtf.walk(src);
        FindingSink sink = new FindingSink();
        if (compressed && (((CompressedBackup) src).chunks().isEmpty() || walk.first("TAPE") == null)) {
            sink.add(new Finding(Rules.BACKUP_CANNOT_DECODE, ((CompressedBackup) src).chunks().isEmpty()
                    ? "MSSQLBAK backup without any MS-XCA chunk PageLens can read: encrypted, or compressed with QAT_DEFLATE or ZSTD"
                    : "the decompressed stream does not start with an MTF TAPE block: encrypted, another algorithm, or damaged",
                    new Location(path, -1, -1, 0, 0, 0)));
        }
        for (String d : walk.damage()) {
            sink.add(new Finding(Rules.BACKUP_BLOCK_DAMAGED, d, new Location(path, -1, -1, -1, 0, 0)));
        }
        String software = null;
        Mtf.Dblk tape = walk.first("TAPE");
        if (tape == null) {
            sink.add(new Finding(Rules.BACKUP_BLOCK_DAMAGED, "no valid TAPE block at the start: not a readable MTF backup",
                    new Location(path, -1, -1, 0, 0, 0)));
        } else {
            byte[] h = src.readUpTo(tape.offset(), 1024);
            software = string(h, MtfLayout.TAPE_SOFTWARE_NAME);
        }
        String kind = null;
        Mtf.Dblk sset = walk.first("SSET");
        if (sset != null) {
            long attr = Bytes.u32(sset.header(), 0) == 0 ? 0 : Bytes.u32(src.readUpTo(sset.offset() + MtfLayout.SSET_ATTRIBUTES, 4), 0);
            kind = (attr & 0x8) != 0 ? "differential" : (attr & 0x2) != 0 ? "copy-only" : (attr & 0x4) != 0 ? "full (normal)" : "attributes 0x" + Long.toHexString(attr);
        }
        BackupCatalog catalog = BackupCatalog.read(src, walk);
        for (String p : catalog.problems()) {
            sink.add(new Finding(Rules.BACKUP_BLOCK_DAMAGED, p, new Location(path, -1, -1, -1, 0, 0)));
        }
        String sw = catalog.softwareVersion();
        Integer dbv = catalog.databaseVersion();
        if (headersOnly) {
            BackupPageStore store = new BackupPageStore(src, walk, HEADER_SLOTS);
            notes.add("headers only: the file list and the first " + HEADER_SLOTS + " slots of each data stream were read; pages not verified");
            if (store.copies(new PageId(1, 9)).isEmpty()) {
                notes.add("no boot page in the first slots of the data streams: read the whole backup to look further");
            }
            return new Backup(path, compressed, walk, software, kind, sw, dbv, store, null, sink, notes, catalog, null, true, java.util.Map.of(), false);
        }
        PageCounts.Counter c = new PageCounts.Counter();
        GroupCounter groups = new GroupCounter();
        long total = walk.streams("MQDA").stream().mapToLong(s -> s.length() / Page.SIZE).sum();
        pagelens.core.io.OffsetSpace space = compressed ? pagelens.core.io.OffsetSpace.STREAM : pagelens.core.io.OffsetSpace.FILE;
        monitor.begin("Reading and verifying the pages of " + path.getFileName(), total);
        // one sequential pass: the store indexes each run of slots, then its pages are verified in parallel
        BackupPageStore store = new BackupPageStore(src, walk, Long.MAX_VALUE, (first, buf, count) -> {
            monitor.checkCanceled();
            PageVerification[] v = new PageVerification[count];
            int[] quick = new int[count];
            java.util.stream.IntStream.range(0, count).parallel().forEach(j -> {
                int at = j * Page.SIZE;
                if (buf[at] == 1 && !Bytes.allZero(buf, at, Page.HEADER_SIZE)) {
                    // the allocation-free check clears healthy pages; anything else goes through the page rules below
                    quick[j] = PageVerification.quick(buf, at, Bytes.u16(buf, at + pagelens.core.page.PageHeaderLayout.FILE_ID), Bytes.u32(buf, at + pagelens.core.page.PageHeaderLayout.PAGE_ID), new int[16]);
                }
            });
            for (int j = 0; j < count; j++) {
                int at = j * Page.SIZE;
                if (buf[at] != 1 || !pagelens.core.page.PageType.isKnown(buf[at + 1] & 0xFF)) {
                    continue; // not a page: counted with the never-used slots below
                }
                long off = first + (long) j * Page.SIZE;
                PageId id = PageId.readHeaderId(buf, at);
                byte st;
                if (quick[j] == PageVerification.QUICK_OK_CHECKSUM) {
                    c.total++;
                    c.checksumProtected++;
                    c.checksumOk++;
                    st = pagelens.core.scan.PageStatus.CHECKSUM_OK;
                } else if (quick[j] == PageVerification.QUICK_OK_NONE) {
                    c.total++;
                    c.unprotected++;
                    st = pagelens.core.scan.PageStatus.UNPROTECTED;
                } else {
                    // the same rules as a data file's pages; a backup page's id comes from its own header
                    st = pagelens.core.scan.PageRules.check(buf, at, new Location(path, id.fileId(), id.pageId(), off, 0, 0, space), false,
                            null, sink, c);
                }
                groups.add(id, buf[at + 1] & 0xFF, st);
            }
            monitor.worked(count);
        });
        BackupXtp xtp = BackupXtp.look(src, walk, store, monitor);
        for (int fileId : store.fileIds()) {
            long[] m = missingExtents(store, fileId, catalog);
            if (m[0] > 0) {
                sink.add(new Finding(Rules.BACKUP_MISSING_EXTENTS, String.format(Locale.ROOT,
                        "%,d of %,d extents the GAM of file %d marks allocated are not in this backup (the first at page %d): it may be one "
                                + "stripe of a backup written to several files", m[0], m[1], fileId, m[2] * 8),
                        new Location(path, fileId, m[2] * 8, -1, 0, 0)));
            }
        }
        if (src instanceof CompressedBackup cb) {
            for (CompressedBackup.Chunk ch : cb.damagedChunks()) {
                sink.add(new Finding(Rules.BACKUP_CANNOT_DECODE, String.format(Locale.ROOT, "compressed chunk at file offset 0x%X does not decompress: "
                        + "stream bytes 0x%X to 0x%X were read as zeros", ch.fileOffset(), ch.streamOffset(), ch.streamOffset() + ch.outputSize()),
                        new Location(path, -1, -1, ch.fileOffset(), 0, 0)));
            }
        }
        monitor.done();
        // slots with no page header: counted as "never used" like all-zero headers
        long zeroOrGarbage = store.slots().size() - c.total;
        PageCounts counts = new PageCounts(c.total + zeroOrGarbage, c.checksumProtected, c.checksumOk, c.checksumBad, c.tornProtected, c.tornOk,
                c.torn, c.unprotected, c.empty + zeroOrGarbage);
        if (store.copies(new PageId(1, 9)).isEmpty()) {
            sink.add(new Finding(Rules.BACKUP_NO_BOOT_PAGE, "no copy of the boot page (1:9) in the data streams: the backup may be one stripe of "
                    + "several files, or damaged", new Location(path, 1, 9, -1, 0, 0)));
        }
        if (compressed) {
            notes.add("the chunk framing of compressed backups is only partly understood (docs/format-notes.md): page counts of a "
                    + "compressed backup are not yet checked against a known truth");
        }
        return new Backup(path, compressed, walk, software, kind, sw, dbv, store, counts, sink, notes, catalog, xtp, false, groups.groups(), false);
    }

    /** Page groups by type and health per file id, as the evidence explorer shows them. */
    private static final class GroupCounter {
        private final java.util.Map<Integer, long[]> types = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> firstType = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> health = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> firstHealth = new java.util.TreeMap<>();

        void add(PageId id, int type, int h) {
            long[] t = types.computeIfAbsent(id.fileId(), k -> new long[256]);
            long[] ft = firstType.computeIfAbsent(id.fileId(), k -> filled(256));
            t[type]++;
            if (ft[type] < 0) {
                ft[type] = id.pageId();
            }
            long[] hc = health.computeIfAbsent(id.fileId(), k -> new long[6]);
            long[] fh = firstHealth.computeIfAbsent(id.fileId(), k -> filled(6));
            hc[h]++;
            if (fh[h] < 0) {
                fh[h] = id.pageId();
            }
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> groups() {
            java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> out = new java.util.TreeMap<>();
            for (int f : types.keySet()) {
                List<pagelens.core.scan.PageStatus.Group> g = new ArrayList<>();
                for (byte h : new byte[] { pagelens.core.scan.PageStatus.DAMAGED, pagelens.core.scan.PageStatus.WARNING,
                        pagelens.core.scan.PageStatus.UNPROTECTED, pagelens.core.scan.PageStatus.CHECKSUM_OK, pagelens.core.scan.PageStatus.TORN_OK,
                        pagelens.core.scan.PageStatus.EMPTY }) {
                    if (health.get(f)[h] > 0) {
                        g.add(pagelens.core.scan.PageStatus.Group.health(h, health.get(f)[h], firstHealth.get(f)[h]));
                    }
                }
                for (int t = 1; t < 256; t++) {
                    if (types.get(f)[t] > 0) {
                        g.add(pagelens.core.scan.PageStatus.Group.type(t, types.get(f)[t], firstType.get(f)[t]));
                    }
                }
                out.put(f, List.copyOf(g));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
    }

    /**
     * Extents of a file that its own GAM pages (last copy in the backup) mark allocated but of which no page is in the
     * data streams: {missing, allocated, first missing extent}. A full backup copies every allocated extent
     * (docs/formats.md 5.5), so a missing one means a stripe or damage. Nothing is counted without a GAM page.
     */
    public static long[] missingExtents(BackupPageStore store, int fileId, BackupCatalog catalog) throws IOException {
        long pages = catalog.files().stream().filter(f -> f.fileId() == fileId).mapToLong(f -> f.size() / Page.SIZE).findFirst()
                .orElse(store.pageLimit(fileId));
        pages = Math.max(pages, store.pageLimit(fileId));
        if (store.copies(new PageId(fileId, 2)).isEmpty()) {
            return new long[] { 0, 0, -1 };
        }
        pagelens.core.alloc.AllocationState a = pagelens.core.alloc.AllocationState.read(store, fileId, pages);
        var all = store.all();
        long missing = 0;
        long allocated = 0;
        long first = -1;
        for (long e = 0; e * 8 < pages; e++) {
            Boolean alloc = a.extentAllocated(e * 8);
            if (alloc == null || !alloc) {
                continue;
            }
            allocated++;
            boolean any = false;
            for (int k = 0; k < 8 && !any; k++) {
                any = all.containsKey(new PageId(fileId, e * 8 + k));
            }
            if (!any) {
                missing++;
                if (first < 0) {
                    first = e;
                }
            }
        }
        return new long[] { missing, allocated, first };
    }

    /** The FILELISTONLY-style type of a listed file. */
    public BackupCatalog.FileType typeOf(BackupCatalog.FileEntry f) {
        return BackupCatalog.typeOf(f, pages.fileIds().contains(f.fileId()));
    }

    /**
     * Whether the database has a memory-optimized filegroup, as far as this backup tells: PRESENT when its stream holds
     * In-Memory OLTP content, ABSENT when the file list holds only data and log files, otherwise NOT_STATED.
     */
    public pagelens.core.boot.XtpFilegroup xtpFilegroup() {
        if (xtp != null && xtp.present()) {
            return pagelens.core.boot.XtpFilegroup.PRESENT;
        }
        if (!catalog.files().isEmpty() && !pages.partial() && catalog.files().stream().allMatch(f -> !typeOf(f).letter().equals("?"))) {
            return pagelens.core.boot.XtpFilegroup.ABSENT;
        }
        if (!catalog.files().isEmpty() && pages.partial() && catalog.files().stream().allMatch(f -> f.filegroupId() == 0 || pages.fileIds().contains(f.fileId()))) {
            return pagelens.core.boot.XtpFilegroup.ABSENT;
        }
        return pagelens.core.boot.XtpFilegroup.NOT_STATED;
    }

    /** How {@link #xtpFilegroup()} was decided, for the verdict's "stated by". */
    public String xtpFilegroupReason() {
        return switch (xtpFilegroup()) {
            case PRESENT -> "the backup stream holds In-Memory OLTP content (" + xtp.summary() + ") " + pagelens.core.Evidence.INFERRED.tag();
            case ABSENT -> "the backup's file list holds only data and log files, no container (type S) " + pagelens.core.Evidence.INFERRED.tag();
            case NOT_STATED -> catalog.files().isEmpty() ? "not stated: the backup's file list could not be read"
                    : "not stated: a listed file has no pages in the stream (an S container, or another stripe)";
        };
    }

    private static String string(byte[] h, int tapeAddress) {
        int size = Bytes.u16(h, tapeAddress);
        int off = Bytes.u16(h, tapeAddress + 2);
        if (size <= 0 || off + size > h.length) {
            return null;
        }
        return new String(h, off, size, StandardCharsets.UTF_16LE).replace("\0", "").trim();
    }

    /**
     * The field differences between the first and the last boot page copy (empty with one copy, or when they are equal
     * field by field); the page header (m_lsn, checksum) is not a DBINFO field and is not compared here.
     */
    public List<pagelens.core.boot.BootCompare.Difference> bootCopyDifferences(pagelens.core.boot.BootLayouts layouts) throws IOException {
        List<PageCopy> copies = bootCopies();
        if (copies.size() < 2) {
            return List.of();
        }
        try {
            pagelens.core.boot.BootPage first = pagelens.core.boot.BootPage.decode(pages.read(copies.get(0)), layouts,
                    pagelens.core.boot.XtpFilegroup.NOT_STATED, "compare");
            pagelens.core.boot.BootPage last = pagelens.core.boot.BootPage.decode(pages.read(copies.get(copies.size() - 1)), layouts,
                    pagelens.core.boot.XtpFilegroup.NOT_STATED, "compare");
            return pagelens.core.boot.BootCompare.compare(first, last);
        } catch (pagelens.core.boot.BootPageException e) {
            throw new IOException("boot page copy cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The boot page copies (1:9) in stream order; the last is what a restore applies. */
    public List<PageCopy> bootCopies() {
        return pages.copies(new PageId(1, 9));
    }
}

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
import pagelens.core.io.ByteSource;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
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
 * @param groups          page groups by health and type per file
 * @param owners          the allocation unit id each page header names, recorded while verifying (null with the headers only)
 * @param ownsSource      whether closing this closes its file
 */
public record Backup(Path path, boolean compressed, Mtf.Walk walk, String softwareName, String backupKind, String softwareVersion,
        Integer databaseVersion, BackupPageStore pages, PageCounts counts, FindingSink findings, List<String> notes, BackupCatalog catalog,
        BackupXtp xtp, boolean headersOnly, java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> groups,
        pagelens.core.scan.PageOwners owners, boolean ownsSource)
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
                    b.findings, b.notes, b.catalog, b.xtp, b.headersOnly, b.groups, b.owners, true);
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
        BackupSetHeader set = BackupSetHeader.read(src, walk, sink);
        String software = set.softwareName();
        String kind = set.backupKind();
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
            return new Backup(path, compressed, walk, software, kind, sw, dbv, store, null, sink, notes, catalog, null, true, java.util.Map.of(), null, false);
        }
        long total = walk.streams("MQDA").stream().mapToLong(s -> s.length() / Page.SIZE).sum();
        monitor.begin("Reading and verifying the pages of " + path.getFileName(), total);
        StreamVerifier verifier = new StreamVerifier(path, compressed ? pagelens.core.io.OffsetSpace.STREAM : pagelens.core.io.OffsetSpace.FILE, sink,
                monitor);
        // one sequential pass: the store indexes each run of slots, and the verifier checks its pages
        BackupPageStore store = new BackupPageStore(src, walk, Long.MAX_VALUE, verifier);
        PageCounts.Counter c = verifier.counter();
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
        long zeroOrGarbage = store.slotCount() - c.total;
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
        return new Backup(path, compressed, walk, software, kind, sw, dbv, store, counts, sink, notes, catalog, xtp, false, verifier.groups(), verifier.owners(), false);
    }

    /** Extent coverage of one file: see {@link ExtentCoverage#missingExtents}. */
    public static long[] missingExtents(BackupPageStore store, int fileId, BackupCatalog catalog) throws IOException {
        return ExtentCoverage.missingExtents(store, fileId, catalog);
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

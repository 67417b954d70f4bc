package pagelens.core.exam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.backup.Backup;
import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import pagelens.core.io.ByteSource;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.store.FilePageStore;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;

/**
 * One evidence path, opened once and shared by every surface (the workbench's registry, the command line, the report):
 * what it is, its bytes (one read-only {@link EvidenceSource}), its pages with their provenance, its boot page copies and
 * the one a restore applies. Every byte PageLens reads from this evidence goes through it. A backup is read once: the
 * headers when only they are needed, the whole backup (every page verified) when the examination asks, and from then on
 * every page, boot copy and excerpt comes from that reading.
 */
public final class OpenedEvidence implements AutoCloseable {
    private final Path path;
    private final Identification identification;
    private final EvidenceSource file;
    private PageStore pages;
    private Backup backup;
    private DbccPageDump dump;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private OpenedEvidence(Path path, Identification identification, EvidenceSource file) {
        this.path = path;
        this.identification = identification;
        this.file = file;
    }

    /**
     * Opens a path: identifies it and, for a readable file, keeps one read-only source open. A folder, a missing or
     * unreadable path, or a special file (FIFO, device, socket: refused before any blocking call) opens without bytes;
     * {@link #identification()} says what it is or why it cannot be read.
     */
    public static OpenedEvidence open(Path raw) {
        Path p = raw.toAbsolutePath().normalize();
        if (Files.isDirectory(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p) || !Files.isRegularFile(p)
                || !Files.isReadable(p)) {
            return new OpenedEvidence(p, Identifier.identify(p), null);
        }
        EvidenceSource src;
        try {
            src = EvidenceSource.open(p);
        } catch (IOException | RuntimeException e) {
            return new OpenedEvidence(p, Identifier.identify(p), null);
        }
        return new OpenedEvidence(p, Identifier.identify(src), src);
    }

    public Path path() {
        return path;
    }

    public Identification identification() {
        return identification;
    }

    public EvidenceKind kind() {
        return identification.kind();
    }

    /** The file's bytes, or null for a folder or an unreadable path. */
    public EvidenceSource file() {
        return file;
    }

    /** Bytes read from the evidence so far (identification, decoding, verification, excerpts; not the hash). */
    public long bytesRead() {
        return file == null ? 0 : file.bytesRead();
    }

    public boolean isBackup() {
        return kind() == EvidenceKind.BACKUP || kind() == EvidenceKind.COMPRESSED_BACKUP;
    }

    /** Whether this evidence holds 8 KB pages PageLens can show (data and log files, backups, DBCC output, unknown files of a page or more). */
    public boolean hasPages() {
        return switch (kind()) {
            case DATA_FILE, LOG_FILE, DBCC_PAGE_DUMP, BACKUP, COMPRESSED_BACKUP -> identification.readable();
            case UNKNOWN -> file != null && file.size() >= Page.SIZE;
            case XTP_CONTAINER -> false;
        };
    }

    private void requireFile() throws IOException {
        if (file == null) {
            throw new IOException(path + ": " + identification.summary());
        }
    }

    /**
     * The backup as read so far: the whole of it when {@code full} (every page verified; read once, then kept), or at
     * least its headers (set, file list, the start of each data stream). Throws for evidence that is not a backup.
     */
    public synchronized Backup backup(boolean full, ProgressMonitor monitor) throws IOException {
        if (!isBackup()) {
            throw new IOException(path + ": is " + kind().id() + ", not a backup");
        }
        requireFile();
        if (backup == null || full && backup.headersOnly()) {
            backup = Backup.read(file, !full, monitor);
            pages = backup.pages();
        }
        return backup;
    }


    /**
     * The pages of this evidence. For a backup, the store of the reading done so far, or of a whole reading (with
     * progress on {@code monitor}) when none has been done.
     */
    public synchronized PageStore pages(ProgressMonitor monitor) throws IOException {
        if (pages != null) {
            return pages;
        }
        requireFile();
        switch (kind()) {
            case BACKUP, COMPRESSED_BACKUP -> backup(true, monitor);
            case DBCC_PAGE_DUMP -> {
                dump = DbccPageDump.parse(path, DbccPageDump.decodeText(file.readUpTo(0, (int) Math.min(file.size(), DbccPageDump.MAX_TEXT))));
                pages = dump;
            }
            case XTP_CONTAINER -> throw new IOException(path + ": is an In-Memory OLTP container folder, not a file of 8 KB pages");
            default -> {
                if (!hasPages()) {
                    throw new IOException(path + ": " + identification.summary());
                }
                FilePageStore s = FilePageStore.of(file);
                toClose.add(s);
                pages = s;
            }
        }
        return pages;
    }

    /** The byte source page provenances point into: the file, or the decompressed stream of a compressed backup. */
    public synchronized ByteSource stream() throws IOException {
        if (isBackup()) {
            return backup(false, ProgressMonitor.NULL).pages().source();
        }
        requireFile();
        return file;
    }

    /** One copy of the boot page with its bytes. */
    public record BootCopy(PageCopy copy, byte[] page) {
        /** Where the copy lies ("offset 0x12000", "decompressed stream offset 0x...", "DBCC PAGE output"), and a failing checksum. */
        public String where() {
            var p = copy.provenance();
            boolean flagged = (pagelens.core.page.Bytes.u16(page, pagelens.core.page.PageHeaderLayout.FLAG_BITS) & pagelens.core.page.PageHeader.FLAG_CHECKSUM) != 0;
            String check = flagged && !pagelens.core.page.PageChecksum.verifies(page, 0) ? " (checksum does NOT verify)" : "";
            return switch (p.space()) {
                case FILE -> String.format(java.util.Locale.ROOT, "offset 0x%X", p.offset()) + check;
                case STREAM -> String.format(java.util.Locale.ROOT, "decompressed stream offset 0x%X", p.offset()) + check;
                case TEXT -> "DBCC PAGE output" + check;
            };
        }
    }

    /**
     * Every copy of the boot page (1:9) in evidence order; the last is what a restore applies. A backup's copies come
     * from its reading (the headers are enough: the boot page lies at the start of the data streams; the whole backup
     * is read when the headers hold none). Throws with a one-line reason when there is none.
     */
    public synchronized List<BootCopy> bootCopies() throws IOException {
        requireFile();
        PageId boot = new PageId(1, Page.BOOT_PAGE_ID);
        PageStore store;
        if (isBackup()) {
            Backup b = backup(false, ProgressMonitor.NULL);
            if (b.bootCopies().isEmpty() && b.headersOnly()) {
                b = backup(true, ProgressMonitor.NULL);
            }
            store = b.pages();
        } else if (kind() == EvidenceKind.DATA_FILE || kind() == EvidenceKind.DBCC_PAGE_DUMP) {
            store = pages(ProgressMonitor.NULL);
        } else {
            throw new IOException(path + ": is " + kind().id() + ", which holds no boot page");
        }
        List<BootCopy> out = new ArrayList<>();
        for (PageCopy c : store.copies(boot)) {
            out.add(new BootCopy(c, store.read(c)));
        }
        if (out.isEmpty()) {
            throw new IOException(path + ": " + switch (kind()) {
                case DATA_FILE -> "too short to hold page 9";
                case DBCC_PAGE_DUMP -> "the DBCC PAGE output holds " + store.description() + ", not page (1:9); use DBCC PAGE(db, 1, 9, 2)";
                default -> "no boot page (1:9) in this backup; it may be one stripe of a backup written to several files, or damaged";
            });
        }
        return out;
    }

    /** The boot page copy a restore applies: the last one. */
    public BootCopy restoredBootCopy() throws IOException {
        List<BootCopy> all = bootCopies();
        return all.get(all.size() - 1);
    }

    /**
     * The bytes of the page (or thing) at a finding's location, read through this evidence in the location's offset
     * space (a compressed backup's stream offsets are read from its decompressed stream), or null when there are none.
     */
    public byte[] bytesAt(pagelens.core.findings.Location loc, int length) throws IOException {
        if (loc.fileOffset() < 0 || file == null) {
            return null;
        }
        return switch (loc.space()) {
            case FILE -> file.readUpTo(loc.fileOffset(), length);
            case STREAM -> stream().readUpTo(loc.fileOffset(), length);
            case TEXT -> loc.pageId() >= 0 ? pages(ProgressMonitor.NULL).readPage(Math.max(1, loc.fileId()), loc.pageId()) : null;
        };
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                first = first != null ? first : e instanceof IOException io ? io : new IOException(e);
            }
        }
        if (backup != null) {
            backup.close();
        }
        if (file != null) {
            file.close();
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return path + " (" + kind().id() + ")";
    }
}

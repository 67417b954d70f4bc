package pagelens.core.identify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageType;

/**
 * Tells what a path is from a few cheap reads. Never throws: every failure becomes an
 * {@link Identification} with {@code readable == false} and a one-line reason.
 */
public final class Identifier {

    /** How far into a backup to look for the SCIN chunk. */
    private static final int SCIN_SEARCH = 1 << 20;
    /** How far into a backup to look for a boot page (512-byte aligned scan). */
    private static final long BOOT_SEARCH = 64L << 20;
    private static final byte[] TAPE = "TAPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSSQLBAK = "MSSQLBAK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCIN = "SCIN".getBytes(StandardCharsets.US_ASCII);
    /** First byte of a VLF header (seen at 0x2000 in every real log file). */
    private static final int VLF_HEADER_MAGIC = 0xAB;

    private Identifier() {
    }

    /**
     * Whether a file opens as pages (a data or log file, a backup, or DBCC PAGE output), from its first 64 KB only.
     * Never throws.
     */
    public static boolean opensAsPages(Path path) {
        try (EvidenceSource src = EvidenceSource.open(path)) {
            byte[] head = src.readUpTo(0, 64 * 1024);
            return Page.isPageFile(head) || startsWith(head, TAPE) || startsWith(head, MSSQLBAK)
                    || src.size() < (64L << 20) && looksLikeDbccPage(head);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a file is a backup whose start can be read: MSSQLBAK, or a TAPE block with a valid header checksum (a file
     * that merely starts with TAPE is not). Never throws.
     */
    public static boolean isReadableBackup(Path path) {
        try (EvidenceSource src = EvidenceSource.open(path)) {
            byte[] head = src.readUpTo(0, 52);
            return startsWith(head, MSSQLBAK) || startsWith(head, TAPE) && head.length == 52 && pagelens.core.backup.Mtf.dblkChecksumOk(head);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a file is a backup (TAPE or MSSQLBAK at the start). Never throws. */
    public static boolean isBackup(Path path) {
        try (EvidenceSource src = EvidenceSource.open(path)) {
            byte[] head = src.readUpTo(0, 8);
            return startsWith(head, TAPE) || startsWith(head, MSSQLBAK);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Identification identify(Path path) {
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                return Identification.unreadable(path, -1, "no such file or folder");
            }
            if (Files.isDirectory(path)) {
                return identifyFolder(path);
            }
            if (!Files.isRegularFile(path)) {
                return Identification.unreadable(path, -1, "not a regular file");
            }
            if (!Files.isReadable(path)) {
                return Identification.unreadable(path, sizeOrMinus(path), "permission denied: cannot read the file");
            }
            try (EvidenceSource src = EvidenceSource.open(path)) {
                return identifyFile(src);
            }
        } catch (AccessDeniedException e) {
            return Identification.unreadable(path, sizeOrMinus(path), "permission denied: cannot read the file");
        } catch (NoSuchFileException e) {
            return Identification.unreadable(path, -1, "no such file or folder");
        } catch (IOException | RuntimeException e) {
            return Identification.unreadable(path, sizeOrMinus(path), "cannot read: " + oneLine(e));
        }
    }

    private static long sizeOrMinus(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    private static Identification identifyFolder(Path dir) throws IOException {
        List<String> markers = new ArrayList<>();
        int entries = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                entries++;
                String n = p.getFileName().toString();
                if (n.equalsIgnoreCase("$HKv2") || n.equalsIgnoreCase("$FSLOG") || n.equalsIgnoreCase("filestream.hdr")) {
                    markers.add(n);
                }
            }
        }
        if (!markers.isEmpty()) {
            markers.sort(String.CASE_INSENSITIVE_ORDER);
            boolean v2 = markers.stream().anyMatch(m -> m.equalsIgnoreCase("$HKv2"));
            String layout = v2 ? "SQL Server 2016+ layout ($HKv2)" : "FILESTREAM-style layout (SQL Server 2014 or a FILESTREAM container)";
            return new Identification(dir, EvidenceKind.XTP_CONTAINER, -1, true, null, null, null, null,
                    List.of("folder holds " + String.join(", ", markers) + ": " + layout));
        }
        String why = entries == 0 ? "empty folder" : "folder of " + entries + " entries, none of $HKv2, $FSLOG or filestream.hdr: not an In-Memory OLTP container";
        return new Identification(dir, EvidenceKind.UNKNOWN, -1, true, null, null, null, null, List.of(why));
    }

    /** Identifies a file already opened (the same reads as {@link #identify(Path)}, through {@code src}). */
    public static Identification identify(EvidenceSource src) {
        try {
            return identifyFile(src);
        } catch (IOException | RuntimeException e) {
            return Identification.unreadable(src.path(), src.size(), "cannot read: " + oneLine(e));
        }
    }

    private static Identification identifyFile(EvidenceSource src) throws IOException {
        Path path = src.path();
        long size = src.size();
        if (size == 0) {
            return Identification.unreadable(path, 0, "empty file (0 bytes): nothing to identify");
        }
        byte[] head = src.readUpTo(0, (int) Math.min(size, 64 * 1024));
        if (startsWith(head, MSSQLBAK)) {
            return new Identification(path, EvidenceKind.COMPRESSED_BACKUP, size, true, null, null, null, null,
                    List.of("starts with MSSQLBAK: compressed (or encrypted) backup; database details need decompression"));
        }
        if (startsWith(head, TAPE)) {
            return identifyBackup(src, head);
        }
        if (size >= Page.SIZE && looksLikePageHeader(head, 0) && Bytes.u8(head, 1) == PageType.FILE_HEADER) {
            return identifyDatabaseFile(src, head);
        }
        if (looksLikeDbccPage(head)) {
            return new Identification(path, EvidenceKind.DBCC_PAGE_DUMP, size, true, null, null, null, null,
                    List.of("text output of DBCC PAGE"));
        }
        String why;
        if (size < Page.HEADER_SIZE) {
            why = "too small (" + size + (size == 1 ? " byte" : " bytes") + ") to be a SQL Server file";
        } else if (Bytes.allZero(head, 0, head.length)) {
            why = "all-zero at the start: no page header, no backup header";
        } else {
            why = "no SQL Server page header, backup header or DBCC output at the start";
        }
        return new Identification(path, EvidenceKind.UNKNOWN, size, true, null, null, null, null, List.of(why));
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikePageHeader(byte[] b, int off) {
        return b.length - off >= Page.HEADER_SIZE && Bytes.u8(b, off) == 1 && PageType.isKnown(Bytes.u8(b, off + 1));
    }

    private static Identification identifyDatabaseFile(EvidenceSource src, byte[] head) throws IOException {
        Path path = src.path();
        long size = src.size();
        List<String> details = new ArrayList<>();
        if (head.length > 0x2000 && Bytes.u8(head, 0x2000) == VLF_HEADER_MAGIC) {
            long fseq = Bytes.u32(head, 0x2004);
            details.add("file header page at 0, VLF header at 0x2000 (first VLF sequence number " + fseq + ")");
            return new Identification(path, EvidenceKind.LOG_FILE, size, true, null, null, null, null, details);
        }
        if (size >= 10L * Page.SIZE) {
            byte[] boot = src.readFully(Page.BOOT_PAGE_ID * Page.SIZE, Page.SIZE);
            if (looksLikePageHeader(boot, 0) && Bytes.u8(boot, 1) == PageType.BOOT) {
                QuickBoot qb = QuickBoot.read(boot, 0);
                details.add("file header page at 0, boot page at 1:9");
                addChecksumNote(details, boot, "boot page");
                if (size % Page.SIZE != 0) {
                    details.add("size is not a multiple of 8 KB: the last page is truncated");
                }
                return new Identification(path, EvidenceKind.DATA_FILE, size, true, qb.version(), qb.createVersion(),
                        qb.name(), null, details);
            }
        }
        if (head.length >= 3 * Page.SIZE && looksLikePageHeader(head, Page.SIZE) && Bytes.u8(head, Page.SIZE + 1) == PageType.PFS
                && Bytes.u8(head, 2 * Page.SIZE + 1) == PageType.GAM) {
            details.add("file header page at 0, PFS at 1, GAM at 2, no boot page: a secondary data file (.ndf)");
            return new Identification(path, EvidenceKind.DATA_FILE, size, true, null, null, null, null, details);
        }
        details.add("file header page at 0, but neither a boot page at 1:9 nor a VLF header at 0x2000: damaged or truncated database file?");
        return new Identification(path, EvidenceKind.DATA_FILE, size, true, null, null, null, null, details);
    }

    private static void addChecksumNote(List<String> details, byte[] page, String what) {
        PageHeader h = PageHeader.parse(page, 0);
        if (h.hasChecksum()) {
            details.add(what + " checksum " + (PageChecksum.verifies(page, 0) ? "verifies" : "DOES NOT verify"));
        } else if (h.hasTornBits()) {
            details.add(what + " is torn-page protected");
        } else {
            details.add(what + " carries no checksum");
        }
    }

    private static Identification identifyBackup(EvidenceSource src, byte[] head) throws IOException {
        Path path = src.path();
        long size = src.size();
        List<String> details = new ArrayList<>();
        details.add("starts with TAPE: Microsoft Tape Format backup");
        byte[] scinArea = src.readUpTo(0, (int) Math.min(size, SCIN_SEARCH));
        Integer dbVersion = null;
        String software = null;
        int scin = indexOf(scinArea, SCIN);
        if (scin >= 0 && scin + 0x60 <= scinArea.length) {
            int build = Bytes.u16(scinArea, scin + 0x18);
            int minor = Bytes.u8(scinArea, scin + 0x1A);
            int major = Bytes.u8(scinArea, scin + 0x1B);
            software = major + "." + minor + "." + build;
            dbVersion = Bytes.u16(scinArea, scin + 0x5E);
            details.add(String.format(Locale.ROOT, "SCIN chunk at 0x%x: server %s, database version %d (layout %s)",
                    scin, software, dbVersion, pagelens.core.Evidence.INFERRED.tag()));
        } else {
            details.add("no SCIN chunk in the first MB: server and database version unknown");
        }
        Integer createVersion = null;
        String name = null;
        long bootAt = findBootPage(src, scinArea);
        if (bootAt >= 0) {
            byte[] boot = bootAt + Page.SIZE <= scinArea.length ? java.util.Arrays.copyOfRange(scinArea, (int) bootAt, (int) bootAt + Page.SIZE)
                    : src.readFully(bootAt, Page.SIZE);
            QuickBoot qb = QuickBoot.read(boot, 0);
            name = qb.name();
            createVersion = qb.createVersion();
            details.add(String.format(Locale.ROOT, "boot page 1:9 at 0x%x", bootAt));
            addChecksumNote(details, boot, "boot page");
            if (dbVersion == null) {
                dbVersion = qb.version();
            } else if (dbVersion != qb.version()) {
                details.add("SCIN database version " + dbVersion + " differs from the boot page's " + qb.version());
            }
        } else {
            details.add(size > BOOT_SEARCH ? "no boot page in the first 64 MB (not searched further here)" : "no boot page found");
        }
        return new Identification(path, EvidenceKind.BACKUP, size, true, dbVersion, createVersion, name, software, details);
    }

    /** Offset of the first 512-aligned page with header version 1, type 13 and page id 1:9, or -1. */
    private static long findBootPage(EvidenceSource src, byte[] head) throws IOException {
        // the first MiB is already read (the SCIN search): look there before reading further
        for (int i = 0; i + Page.SIZE <= head.length; i += 512) {
            if (head[i] == 1 && head[i + 1] == PageType.BOOT && pagelens.core.page.PageId.readHeaderId(head, i).equals(Page.BOOT)) {
                return i;
            }
        }
        long limit = Math.min(src.size(), BOOT_SEARCH);
        byte[] buf = new byte[1 << 20];
        for (long base = 0; base < limit; base += buf.length - Page.SIZE) {
            int n = src.read(base, buf, 0, buf.length);
            for (int i = 0; i + Page.SIZE <= n; i += 512) {
                if (buf[i] == 1 && buf[i + 1] == PageType.BOOT && pagelens.core.page.PageId.readHeaderId(buf, i).equals(Page.BOOT)) {
                    return base + i;
                }
            }
            if (n < buf.length) {
                break;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] pat) {
        outer: for (int i = 0; i + pat.length <= b.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** DBCC PAGE output: text with the "PAGE HEADER:" banner or a "Memory Dump @0x" block. */
    private static boolean looksLikeDbccPage(byte[] head) {
        String text;
        if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head.length > 1 && head[1] == 0 && head[0] != 0)) {
            text = new String(head, StandardCharsets.UTF_16LE);
        } else {
            text = new String(head, StandardCharsets.ISO_8859_1);
        }
        int control = 0;
        for (int i = 0; i < Math.min(text.length(), 4096); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\uFEFF') {
                control++;
            }
        }
        if (control > 8) {
            return false;
        }
        return text.contains("PAGE HEADER:") || text.contains("Memory Dump @0x") || text.contains("m_pageId = (");
    }
}

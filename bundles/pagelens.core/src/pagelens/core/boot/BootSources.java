package pagelens.core.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;

/**
 * Finds the boot page (1:9) of any evidence: page 9 of a primary data file, page 1:9 of DBCC PAGE output,
 * or every copy in an uncompressed backup (found by its own header on 512-byte boundaries; the last copy
 * is what a restore applies, formats.md 5.5).
 */
public final class BootSources {
    private BootSources() {
    }

    /** One copy of the boot page and where it came from. */
    public record Copy(long offset, byte[] page, String where) {
    }

    /** All copies, in evidence order; never empty (throws with a one-line reason instead). */
    public static List<Copy> read(Path path) throws IOException {
        Identification id = Identifier.identify(path);
        if (!id.readable()) {
            throw new IOException(path + ": " + id.summary());
        }
        switch (id.kind()) {
            case DATA_FILE -> {
                try (EvidenceSource s = EvidenceSource.open(path)) {
                    if (s.size() < 10L * Page.SIZE) {
                        throw new IOException(path + ": too short to hold page 9");
                    }
                    return List.of(new Copy(9L * Page.SIZE, s.readFully(9L * Page.SIZE, Page.SIZE), "page 1:9 at offset 0x12000"));
                }
            }
            case DBCC_PAGE_DUMP -> {
                DbccPageDump d = DbccPageDump.parse(path);
                byte[] p = d.readPage(1, 9);
                if (p == null) {
                    p = d.readPage(d.fileIds().get(0), d.pageLimit(d.fileIds().get(0)) - 1);
                    throw new IOException(path + ": the DBCC PAGE output holds " + d.description() + ", not page (1:9); use DBCC PAGE(db, 1, 9, 2)");
                }
                return List.of(new Copy(d.copies(new PageId(1, 9)).get(0).provenance().offset(), p, "DBCC PAGE output"));
            }
            case BACKUP -> {
                return scanBackup(path);
            }
            case COMPRESSED_BACKUP -> {
                try (pagelens.core.backup.Backup b = pagelens.core.backup.Backup.read(path)) {
                    List<Copy> out = new ArrayList<>();
                    for (pagelens.core.store.PageCopy c : b.bootCopies()) {
                        out.add(new Copy(c.provenance().offset(), b.pages().read(c),
                                String.format("decompressed stream offset 0x%X", c.provenance().offset())));
                    }
                    if (out.isEmpty()) {
                        throw new IOException(path + ": no boot page (1:9) in this compressed backup");
                    }
                    return out;
                }
            }
            default -> throw new IOException(path + ": is " + id.kind().id() + ", which holds no boot page");
        }
    }

    private static List<Copy> scanBackup(Path path) throws IOException {
        List<Copy> out = new ArrayList<>();
        try (EvidenceSource s = EvidenceSource.open(path)) {
            byte[] buf = new byte[4 << 20];
            for (long base = 0; base < s.size(); base += buf.length - Page.SIZE) {
                int n = s.read(base, buf, 0, buf.length);
                for (int i = 0; i + Page.SIZE <= n; i += 512) {
                    if (buf[i] == 1 && buf[i + 1] == PageType.BOOT && Bytes.u32(buf, i + 0x20) == Page.BOOT_PAGE_ID && Bytes.u16(buf, i + 0x24) == 1) {
                        long off = base + i;
                        if (out.isEmpty() || out.get(out.size() - 1).offset() != off) {
                            byte[] p = java.util.Arrays.copyOfRange(buf, i, i + Page.SIZE);
                            boolean flagged = (Bytes.u16(p, 4) & 0x200) != 0;
                            out.add(new Copy(off, p, String.format("backup offset 0x%X%s", off,
                                    flagged && !PageChecksum.verifies(p, 0) ? " (checksum does NOT verify)" : "")));
                        }
                    }
                }
                if (n < buf.length) {
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(path + ": no boot page (1:9) in this backup; it may be one stripe of a backup written to several files");
        }
        return out;
    }

    /** The copy a restore applies: the last one. */
    public static Copy asRestored(List<Copy> copies) {
        return copies.get(copies.size() - 1);
    }

    /** Kind check used by callers that only accept page files. */
    static boolean isPageKind(EvidenceKind k) {
        return k == EvidenceKind.DATA_FILE || k == EvidenceKind.DBCC_PAGE_DUMP;
    }
}

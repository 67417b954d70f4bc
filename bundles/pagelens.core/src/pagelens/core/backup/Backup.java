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
 */
public record Backup(Path path, boolean compressed, Mtf.Walk walk, String softwareName, String backupKind, String softwareVersion,
        Integer databaseVersion, BackupPageStore pages, PageCounts counts, FindingSink findings, List<String> notes) implements AutoCloseable {

    /** Closes the backup's source (pages are read from it on demand until then). */
    @Override
    public void close() throws IOException {
        if (pages.source() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** Opens, walks and verifies a backup; close it when done (its pages are read on demand). */
    public static Backup read(Path path) throws IOException {
        EvidenceSource file = EvidenceSource.open(path);
        byte[] magic = file.readUpTo(0, 8);
        boolean compressed = new String(magic, StandardCharsets.US_ASCII).equals("MSSQLBAK");
        file.close();
        ByteSource src = compressed ? CompressedBackup.open(path) : EvidenceSource.open(path);
        List<String> notes = new ArrayList<>();
        if (compressed) {
            CompressedBackup cb = (CompressedBackup) src;
            notes.add(String.format(Locale.ROOT, "compressed (MSSQLBAK): %d MS-XCA chunks expand to a %,d-byte MTF stream", cb.chunks().size(), cb.size()));
            notes.addAll(cb.notes());
        }
        Mtf.Walk walk = Mtf.walk(src);
        FindingSink sink = new FindingSink();
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
            software = string(h, 80);
        }
        String kind = null;
        Mtf.Dblk sset = walk.first("SSET");
        if (sset != null) {
            long attr = Bytes.u32(sset.header(), 0) == 0 ? 0 : Bytes.u32(src.readUpTo(sset.offset() + 52, 4), 0);
            kind = (attr & 0x8) != 0 ? "differential" : (attr & 0x2) != 0 ? "copy-only" : (attr & 0x4) != 0 ? "full (normal)" : "attributes 0x" + Long.toHexString(attr);
        }
        String sw = null;
        Integer dbv = null;
        for (Mtf.Stream s : walk.streams("MQCI")) {
            byte[] b = src.readUpTo(s.dataOffset(), (int) Math.min(s.length(), 1 << 20));
            int i = indexOf(b, "SCIN".getBytes(StandardCharsets.US_ASCII));
            if (i >= 0 && i + 0x60 <= b.length) {
                sw = Bytes.u8(b, i + 0x1B) + "." + Bytes.u8(b, i + 0x1A) + "." + Bytes.u16(b, i + 0x18);
                dbv = Bytes.u16(b, i + 0x5E);
                break;
            }
        }
        BackupPageStore store = new BackupPageStore(src, walk);
        PageCounts.Counter c = new PageCounts.Counter();
        byte[] page = new byte[Page.SIZE];
        for (var e : store.all().entrySet()) {
            for (PageCopy copy : e.getValue()) {
                int n = src.read(copy.provenance().offset(), page, 0, Page.SIZE);
                if (n < Page.SIZE) {
                    sink.add(new Finding(Rules.FILE_TRUNCATED, "page " + copy.id() + " is cut short by the end of the backup",
                            new Location(path, copy.id().fileId(), copy.id().pageId(), copy.provenance().offset(), 0, 0)));
                    continue;
                }
                verify(path, page, copy, c, sink);
            }
        }
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
        return new Backup(path, compressed, walk, software, kind, sw, dbv, store, counts, sink, notes);
    }

    private static void verify(Path path, byte[] b, PageCopy copy, PageCounts.Counter c, FindingSink sink) {
        c.total++;
        if (Bytes.allZero(b, 0, Page.HEADER_SIZE)) {
            c.empty++;
            return;
        }
        PageVerification v = PageVerification.verify(b, 0, null);
        Location loc = new Location(path, copy.id().fileId(), copy.id().pageId(), copy.provenance().offset(), 0x3C, 4);
        switch (v.protection()) {
            case CHECKSUM -> {
                c.checksumProtected++;
                if (v.checksumOk()) {
                    c.checksumOk++;
                } else {
                    c.checksumBad++;
                    sink.add(new Finding(Rules.PAGE_CHECKSUM, Severity.ERROR, String.format("page %s in the backup at 0x%X: stored checksum 0x%08X, computed 0x%08X",
                            copy.id(), copy.provenance().offset(), v.checksumStored(), v.checksumComputed()), loc));
                }
            }
            case TORN -> {
                c.tornProtected++;
                if (v.isTorn()) {
                    c.torn++;
                    sink.add(new Finding(Rules.PAGE_TORN, String.format("page %s in the backup at 0x%X: torn sector(s) %s", copy.id(),
                            copy.provenance().offset(), v.torn().tornSectors()), loc));
                } else {
                    c.tornOk++;
                }
            }
            case NONE -> c.unprotected++;
        }
    }

    private static String string(byte[] h, int tapeAddress) {
        int size = Bytes.u16(h, tapeAddress);
        int off = Bytes.u16(h, tapeAddress + 2);
        if (size <= 0 || off + size > h.length) {
            return null;
        }
        return new String(h, off, size, StandardCharsets.UTF_16LE).replace("\0", "").trim();
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

    /** The boot page copies (1:9) in stream order; the last is what a restore applies. */
    public List<PageCopy> bootCopies() {
        return pages.copies(new PageId(1, 9));
    }
}

package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pagelens.core.backup.Backup;
import pagelens.core.backup.CompressedBackup;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.findings.Severity;
import pagelens.core.scan.PageCounts;

/** Every .bak of the samples read without a restore: counts, versions, boot page copies equal MANIFEST.md. */
class BackupTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | checksum | ok | torn | unprotected | software | db version | name | boot copies
        "northwind2005-xandelima/Northwind.bak       | 0   | 0   | 385 | 5 | 9.0.1399   | 611 | Northwind     | 1",
        "pubs2012-dwipnandi/pubs.bak                 | 346 | 346 | 0   | 3 | 11.0.6020  | 706 | pubs          | 1",
        "northwind2008r2-victorcobden/Northwind.bak  | 405 | 405 | 0   | 3 | 10.50.2500 | 661 | Northwind     | 1",
        "studentdb2014-gabrujo/StudentDB2017.bak     | 318 | 318 | 0   | 2 | 12.0.4522  | 782 | StudentDB2017 | 1",
        "quanlymypham2022-huycoder/Database.bak      | 268 | 268 | 0   | 2 | 16.0.1000  | 957 | QuanLyMyPham  | 2",
        "inventory2019-yoppaii/Database.bak          | 146 | 146 | 0   | 2 | 15.0.2000  | 904 | Inventory2DB  | 2",
        "liblib2017/Database.bak                     | 314 | 314 | 0   | 2 | 14.0.1000  | 869 | MyLib         | 1",
        "demo2context2016-nimble85/Demo_2Context.bak | 267 | 267 | 0   | 3 | 13.0.4001  | 852 | books         | 1",
    })
    void everyBackupMatchesManifest(String file, long checksum, long ok, long torn, long unprotected, String software, int dbVersion,
            String name, int bootCopies) throws Exception {
        try (Backup b = Backup.read(Samples.get(file))) {
            check(b, checksum, ok, torn, unprotected, software, dbVersion, name, bootCopies);
        }
    }

    private static void check(Backup b, long checksum, long ok, long torn, long unprotected, String software, int dbVersion, String name,
            int bootCopies) throws Exception {
        PageCounts c = b.counts();
        assertEquals(checksum, c.checksumProtected(), "checksum-flagged");
        assertEquals(ok, c.checksumOk(), "checksums that verify");
        assertEquals(torn, c.tornProtected(), "torn-page flagged");
        assertEquals(0, c.torn(), "torn");
        assertEquals(unprotected, c.unprotected(), "unprotected");
        assertEquals(software, b.softwareVersion());
        assertEquals(dbVersion, b.databaseVersion());
        assertEquals(bootCopies, b.bootCopies().size());
        assertEquals(0, b.findings().count(Severity.ERROR) + b.findings().count(Severity.CRITICAL), () -> b.findings().findings().toString());
        assertEquals(java.util.List.of(), b.walk().damage());
        byte[] boot = b.pages().read(b.bootCopies().get(b.bootCopies().size() - 1));
        BootPage bp = BootPage.decode(boot, BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "t");
        assertEquals(name, bp.databaseName());
        assertEquals(dbVersion, bp.dbiVersion(), "SCIN database version equals the boot page's dbi_version");
        assertEquals("ok", bp.hekaton().verdict().id());
    }

    /**
     * The SFIN file list of every plain sample backup (values read by hand from the chunks, docs/format-notes.md "Backup
     * file list"), its types, filegroup and the size cross-check against the pages in the stream; the headers-only read
     * finds the same set facts and boot page copies.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | data size | log size | logical data name | physical data file (end) | boot copies
        "northwind2005-xandelima/Northwind.bak       | 3801088 | 4325376 | Northwind     | \\northwnd.mdf      | 1",
        "pubs2012-dwipnandi/pubs.bak                 | 3211264 | 802816  | pubs          | \\DATA\\pubs.mdf   | 1",
        "northwind2008r2-victorcobden/Northwind.bak  | 4456448 | 1048576 | Northwind     | \\DATA\\northwnd.mdf | 1",
        "studentdb2014-gabrujo/StudentDB2017.bak     | 4194304 | 1048576 | StudentDB2017 | D:\\Databases\\StudentDB2017.mdf | 1",
        "quanlymypham2022-huycoder/Database.bak      | 8388608 | 8388608 | QuanLyMyPham  | \\QuanLyMyPham.mdf  | 2",
        "inventory2019-yoppaii/Database.bak          | 8388608 | 8388608 | Inventory2DB  | \\Inventory2DB.mdf  | 2",
        "liblib2017/Database.bak                     | 8388608 | 8388608 | MyLib         | \\DATA\\MyLib.mdf  | 1",
        "demo2context2016-nimble85/Demo_2Context.bak | 8388608 | 8388608 | books         | C:\\Users\\admin\\books.mdf | 1",
    })
    void fileListOfEverySample(String file, long dataSize, long logSize, String name, String physicalEnd, int bootCopies) throws Exception {
        try (Backup b = Backup.read(Samples.get(file))) {
            var files = b.catalog().files();
            assertEquals(2, files.size(), files.toString());
            var data = files.get(0);
            var log = files.get(1);
            assertEquals(1, data.fileId());
            assertEquals(name, data.logicalName());
            assertTrue(data.physicalName().endsWith(physicalEnd), data.physicalName());
            assertEquals(dataSize, data.size());
            assertEquals("D", b.typeOf(data).letter());
            assertEquals("PRIMARY", b.catalog().filegroupName(data));
            assertEquals(2, log.fileId());
            assertEquals(name + "_log", log.logicalName());
            assertEquals(logSize, log.size());
            assertEquals("L", b.typeOf(log).letter());
            assertTrue(b.pages().pageLimit(1) * 8192 <= data.size(), "every page of file 1 in the stream lies inside the listed size");
            long[] ext = Backup.missingExtents(b.pages(), 1, b.catalog());
            if (b.pages().copies(new pagelens.core.page.PageId(1, 2)).isEmpty()) {
                // the uncompressed 2019 and 2022 samples hold no page 1:0..1:7 (format notes): no GAM, so no extent check
                assertTrue(file.startsWith("quanlymypham2022") || file.startsWith("inventory2019"), file);
                assertEquals(0, ext[1]);
            } else {
                assertTrue(ext[1] > 10, "the GAM inside the backup marks extents allocated: " + ext[1]);
                assertEquals(0, ext[0], "every extent the GAM marks allocated is in the backup (a full backup copies them all)");
            }
            assertEquals(XtpFilegroup.ABSENT, b.xtpFilegroup(), b.xtpFilegroupReason());
            assertTrue(!b.xtp().present(), b.xtp().summary());
            assertTrue(b.xtp().memoryEstimate().startsWith("none"));
            try (Backup h = Backup.readHeaders(Samples.get(file))) {
                assertTrue(h.headersOnly());
                assertEquals(b.softwareVersion(), h.softwareVersion());
                assertEquals(b.databaseVersion(), h.databaseVersion());
                assertEquals(b.catalog().files(), h.catalog().files());
                assertEquals(bootCopies, h.bootCopies().size(), "the boot page copies lie at the start of the data streams");
                assertEquals(b.bootCopies().get(bootCopies - 1).provenance().offset(), h.bootCopies().get(bootCopies - 1).provenance().offset());
                assertEquals(XtpFilegroup.ABSENT, h.xtpFilegroup());
            }
        }
    }

    /** The two boot page copies of the 2022 and 2019 backups differ as a backup in progress explains (format notes). */
    @Test
    void bootCopiesDifferWhereTheBackupMovedOn() throws Exception {
        try (Backup b = Backup.read(Samples.get("quanlymypham2022-huycoder/Database.bak"))) {
            var d = b.bootCopyDifferences(BootLayouts.builtIn());
            assertEquals(5, d.size(), d.toString());
            var lsn = d.stream().filter(x -> x.offset() == 0x1BC).findFirst().orElseThrow();
            assertEquals("39:2154:1", lsn.before());
            assertEquals("39:2157:1", lsn.after());
            assertTrue(d.stream().noneMatch(x -> x.hekaton()), "no Hekaton field differs");
        }
        try (Backup b = Backup.read(Samples.get("inventory2019-yoppaii/Database.bak"))) {
            var d = b.bootCopyDifferences(BootLayouts.builtIn());
            assertEquals(3, d.size(), d.toString());
            assertEquals("37:1664:1", d.stream().filter(x -> x.offset() == 0x1D4).findFirst().orElseThrow().after());
        }
        try (Backup b = Backup.read(Samples.get("pubs2012-dwipnandi/pubs.bak"))) {
            assertEquals(java.util.List.of(), b.bootCopyDifferences(BootLayouts.builtIn()), "one copy: nothing to compare");
        }
    }

    /**
     * What is verified of the compressed sample: every chunk found decompresses, the stream starts with TAPE
     * then SSET, and the boot page inside decodes. MANIFEST.md speaks of 28 chunks and a 1,482,752-byte
     * stream; this indexer finds 64 valid chunks (3,895,296 bytes): an open question (docs/format-notes.md),
     * so the page counts of the compressed backup are not asserted yet.
     */
    @Test
    void compressedBackupDecompressesAndItsBootPageDecodes() throws Exception {
        try (CompressedBackup cb = CompressedBackup.open(Samples.get("datatable-compressed-peterezz/Database.bak"))) {
            assertEquals(64, cb.chunks().size());
            assertEquals("TAPE", new String(cb.readUpTo(0, 4), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("SSET", new String(cb.readUpTo(4096, 4), java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buf = new byte[65536];
            for (long p = 0; p < cb.size(); p += buf.length) {
                cb.read(p, buf, 0, buf.length); // every chunk decompresses without error
            }
        }
        try (Backup b = Backup.read(Samples.get("datatable-compressed-peterezz/Database.bak"))) {
            assertTrue(b.compressed());
            assertEquals("15.0.2000", b.softwareVersion());
            assertEquals(904, b.databaseVersion());
            assertEquals(b.counts().checksumProtected(), b.counts().checksumOk(), "every checksum verifies");
            // independent truth: samples/MANIFEST.md (corrected 2026-11-29 from a complete decode of all 64 chunks) gives 370
            // checksum-flagged slots and 4 unprotected pages; it once said 121 pages (a partial decode), which PageLens
            // contradicted (docs/format-notes.md)
            assertEquals(370, b.counts().checksumProtected());
            assertEquals(4, b.counts().unprotected(), "MANIFEST.md's 4 unprotected pages");
            assertEquals(2, b.bootCopies().size(), "like the uncompressed 2019 sample: in the data stream and in the trailing system pages");
            assertEquals(java.util.List.of(), b.walk().damage());
            var files = b.catalog().files();
            assertEquals("School", files.get(0).logicalName());
            assertEquals("School_log", files.get(1).logicalName());
            assertEquals(8L << 20, files.get(0).size());
            assertEquals("D", b.typeOf(files.get(0)).letter());
            assertEquals(XtpFilegroup.ABSENT, b.xtpFilegroup());
            long[] ext = Backup.missingExtents(b.pages(), 1, b.catalog());
            assertTrue(ext[1] > 10, "GAM present: " + ext[1]);
            assertEquals(0, ext[0], "every allocated extent is in the compressed backup");
            BootPage bp = BootPage.decode(b.pages().read(b.bootCopies().get(b.bootCopies().size() - 1)), BootLayouts.builtIn(),
                    XtpFilegroup.NOT_STATED, "t");
            assertEquals("School", bp.databaseName());
            assertEquals(904, bp.dbiVersion());
        }
    }

    @Test
    void damagedBackupsGiveFindingsAndTheRestIsRead() throws Exception {
        Path src = Samples.get("pubs2012-dwipnandi/pubs.bak");
        // a corrupted block header (the MSCI block at 0x2800) and a bit flip in a page
        Path bad = Files.copy(src, tmp.resolve("bad.bak"));
        byte[] b = Files.readAllBytes(bad);
        b[0x2800 + 10] ^= 0x40;
        b[0x16000 + 3000] ^= 0x01; // a byte of the boot page
        Files.write(bad, b);
        Backup r = Backup.read(bad);
        r.close();
        assertTrue(r.walk().damage().stream().anyMatch(d -> d.contains("MSCI at 0x2800")), r.walk().damage().toString());
        assertTrue(r.findings().findings().stream().anyMatch(f -> f.ruleId().equals("page.checksum-mismatch") && f.location().pageId() == 9),
                r.findings().findings().toString());
        assertEquals(345, r.counts().checksumOk(), "the other pages are still read and verified");

        // truncated: the end of the data stream and everything after it is missing
        Path cut = tmp.resolve("cut.bak");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(src), 0x200000));
        Backup c = Backup.read(cut);
        c.close();
        assertTrue(c.findings().total() > 0);
        assertTrue(c.walk().damage().stream().anyMatch(d -> d.contains("past the end")), c.walk().damage().toString());

        // a file that merely starts with TAPE
        Path fake = Files.writeString(tmp.resolve("fake.bak"), "TAPE and nothing else, not even a header checksum");
        Backup f = Backup.read(fake);
        f.close();
        assertTrue(f.findings().findings().stream().anyMatch(x -> x.ruleId().equals("backup.block-damaged")));
        assertTrue(f.findings().findings().stream().anyMatch(x -> x.ruleId().equals("backup.no-boot-page")));

        // garbage inside a compressed chunk (the one at file offset 118,636, stream 0xE3000): a finding, zeros for its
        // 64 KiB, and the rest of the backup still read
        Path cz = Files.copy(Samples.get("datatable-compressed-peterezz/Database.bak"), tmp.resolve("cz.bak"));
        byte[] z = Files.readAllBytes(cz);
        for (int i = 118_636 + 28 + 300; i < 118_636 + 28 + 2000; i++) {
            z[i] = (byte) (i * 7);
        }
        Files.write(cz, z);
        try (Backup g = Backup.read(cz)) {
            assertTrue(g.findings().findings().stream().anyMatch(x -> x.ruleId().equals("backup.cannot-decode") && x.title().contains("0x1CF6C")),
                    g.findings().findings().toString());
            assertEquals(2, g.bootCopies().size(), "the boot page copies elsewhere are still read");
            assertTrue(g.counts().checksumOk() > 300, g.counts().toString());
        }
        // a chunk header that claims a huge output (255 x 512 bytes): not taken as a chunk, the rest read, memory bounded
        Path huge = Files.copy(Samples.get("datatable-compressed-peterezz/Database.bak"), tmp.resolve("huge.bak"));
        byte[] hz = Files.readAllBytes(huge);
        hz[118_636 + 1] = (byte) 0xFF;
        Files.write(huge, hz);
        try (Backup g = Backup.read(huge)) {
            assertTrue(g.notes().stream().anyMatch(n -> n.contains("skipped")), g.notes().toString());
            assertTrue(g.findings().total() > 0, "the stream now has a gap: damage is reported");
            assertTrue(g.counts().checksumOk() > 100, g.counts().toString());
        }
        // MSSQLBAK followed by bytes that are no XPRESS chunk (as an encrypted or QAT/ZSTD backup looks to PageLens)
        byte[] enc = new byte[256 * 1024];
        new java.util.Random(5).nextBytes(enc);
        System.arraycopy("MSSQLBAK".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, enc, 0, 8);
        Path encrypted = Files.write(tmp.resolve("encrypted.bak"), enc);
        try (Backup g = Backup.read(encrypted)) {
            assertTrue(g.findings().findings().stream().anyMatch(x -> x.ruleId().equals("backup.cannot-decode")), g.findings().findings().toString());
        }
    }
}

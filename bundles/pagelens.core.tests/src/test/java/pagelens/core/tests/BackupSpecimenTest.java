package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.backup.Backup;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;

/** The backup specimen reads back through the same reader as the real samples, with the data file's own counts. */
class BackupSpecimenTest {
    @TempDir
    Path tmp;

    @Test
    void specimenBackupReadsBackLikeItsDataFile() throws Exception {
        DataFileSpecimen.Spec spec = DataFileSpecimen.Spec.defaults(4096).withName("SpecDB").withMixedProtection().withUsedFraction(0.5);
        Path bak = tmp.resolve("spec.bak");
        BackupSpecimen.write(bak, spec, ProgressMonitor.NULL);
        try (Backup b = Backup.read(bak)) {
            assertEquals(List.of(), b.walk().damage());
            assertEquals(0, b.findings().total(), b.findings().findings().toString());
            assertEquals(BackupSpecimen.SOFTWARE, b.softwareVersion());
            assertEquals(957, b.databaseVersion());
            assertEquals("full (normal)", b.backupKind());
            assertEquals(BackupSpecimen.SOFTWARE_NAME, b.softwareName());
            var files = b.catalog().files();
            assertEquals(2, files.size());
            assertEquals("SpecDB", files.get(0).logicalName());
            assertEquals("D:\\SYNTHETIC\\SpecDB.mdf", files.get(0).physicalName());
            assertEquals(4096L * Page.SIZE, files.get(0).size());
            assertEquals("D", b.typeOf(files.get(0)).letter());
            assertEquals("L", b.typeOf(files.get(1)).letter());
            assertEquals(XtpFilegroup.ABSENT, b.xtpFilegroup());
            assertEquals(2, b.bootCopies().size(), "the data stream's copy and the trailing system pages' copy");
            // the backup holds the allocated half of the file: every page the data file's scan verifies, the backup verifies
            long pagesInBackup = b.pages().distinctPages();
            assertEquals(2046, pagesInBackup, "extents 0..255 are allocated; pages 4 and 5 of the specimen are all zero, slots without a page");
            assertEquals(b.counts().checksumProtected(), b.counts().checksumOk());
            assertEquals(0, b.counts().torn());
            assertTrue(b.counts().tornProtected() > 600 && b.counts().unprotected() > 600, b.counts().toString());
            var c = b.counts();
            assertEquals(2048 + 16, c.total(), "2,048 pages and the 16 trailing system pages");
            assertEquals(c.total(), c.checksumProtected() + c.tornProtected() + c.unprotected() + c.empty());
        }
        try (Backup h = Backup.readHeaders(bak)) {
            assertEquals(2, h.bootCopies().size());
            assertEquals(null, h.counts());
            assertEquals("SpecDB", h.catalog().files().get(0).logicalName());
        }
        // a flipped byte in page 1:100 inside the backup: one checksum or torn finding, the rest still verifies
        byte[] all = Files.readAllBytes(bak);
        long at;
        try (Backup b = Backup.read(bak)) {
            at = b.pages().copies(new PageId(1, 99)).get(0).provenance().offset();
        }
        all[(int) at + 4000] ^= 0x10;
        Path bad = Files.write(tmp.resolve("bad.bak"), all);
        try (Backup b = Backup.read(bad)) {
            assertEquals(1, b.findings().total(), b.findings().findings().toString());
            assertEquals(99, b.findings().findings().get(0).location().pageId());
        }
    }

    @Test
    void oneStripeOfTwoMissesHalfTheExtents() throws Exception {
        DataFileSpecimen.Spec spec = DataFileSpecimen.Spec.defaults(1024).withUsedFraction(1.0);
        Path bak = tmp.resolve("stripe1.bak");
        BackupSpecimen.write(bak, spec, true, ProgressMonitor.NULL);
        try (Backup b = Backup.read(bak)) {
            var f = b.findings().findings().stream().filter(x -> x.ruleId().equals("backup.missing-extents")).toList();
            assertEquals(1, f.size(), b.findings().findings().toString());
            // 128 extents allocated; extents 0 and 1 and every even one after them are written: 63 odd extents missing
            assertTrue(f.get(0).title().startsWith("63 of 128 extents"), f.get(0).title());
            assertEquals(24, f.get(0).location().pageId(), "the first missing extent starts at page 24");
        }
        Path full = tmp.resolve("full.bak");
        BackupSpecimen.write(full, spec, false, ProgressMonitor.NULL);
        try (Backup b = Backup.read(full)) {
            assertTrue(b.findings().findings().stream().noneMatch(x -> x.ruleId().equals("backup.missing-extents")));
        }
    }

    /**
     * The same specimen as a compressed backup (MSSQLBAK, MS-XCA chunks): identified as compressed and examined to the same
     * facts as the plain one: page counts, findings, boot page, catalog.
     */
    @Test
    void compressedSpecimenReadsLikeThePlainOne() throws Exception {
        DataFileSpecimen.Spec spec = DataFileSpecimen.Spec.defaults(1024).withName("Squeezed");
        Path plain = tmp.resolve("plain.bak");
        Path packed = tmp.resolve("packed.bak");
        BackupSpecimen.write(plain, spec, pagelens.core.io.ProgressMonitor.NULL);
        BackupSpecimen.writeCompressed(packed, spec, pagelens.core.io.ProgressMonitor.NULL);
        assertTrue(java.nio.file.Files.readString(packed, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("MSSQLBAK"));
        try (pagelens.core.exam.OpenedEvidence a = pagelens.core.exam.OpenedEvidence.open(plain);
                pagelens.core.exam.OpenedEvidence b = pagelens.core.exam.OpenedEvidence.open(packed)) {
            assertEquals(pagelens.core.identify.EvidenceKind.COMPRESSED_BACKUP, b.kind());
            pagelens.core.exam.Examination.Options o = pagelens.core.exam.Examination.Options.defaults(pagelens.core.boot.BootLayouts.builtIn()).withHash(false);
            pagelens.core.exam.Examination x = pagelens.core.exam.Examination.run(a, o, pagelens.core.io.ProgressMonitor.NULL);
            pagelens.core.exam.Examination y = pagelens.core.exam.Examination.run(b, o, pagelens.core.io.ProgressMonitor.NULL);
            assertEquals("compressed backup", y.fileKind());
            assertEquals(x.counts(), y.counts());
            assertEquals(x.findingList().stream().map(f -> f.ruleId() + " " + f.title()).toList(),
                    y.findingList().stream().map(f -> f.ruleId() + " " + f.title()).toList());
            assertEquals("Squeezed", y.boot().databaseName());
            assertEquals(x.catalog().userTables().stream().map(t -> t.name()).toList(), y.catalog().userTables().stream().map(t -> t.name()).toList());
            assertTrue(y.backup().compressed());
        }
    }
}

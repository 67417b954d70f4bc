package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.alloc.AllocationState;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageVerification;
import pagelens.core.page.RecordInfo;
import pagelens.core.page.SlotArray;
import pagelens.core.scan.FileScanner;
import pagelens.core.scan.ScanResult;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.specimen.Protection;
import pagelens.core.store.FilePageStore;

/** Synthetic data files: read as valid, structured like the real ones, and every injected damage found. */
class SpecimenScanTest {

    @TempDir
    Path tmp;

    private Path specimen(String name, DataFileSpecimen.Spec spec) throws IOException {
        Path p = tmp.resolve(name);
        DataFileSpecimen.write(p, spec, ProgressMonitor.NULL);
        return p;
    }

    @Test
    void cleanSpecimensHaveNoFindings() throws IOException {
        for (Protection prot : Protection.values()) {
            Path p = specimen("clean-" + prot + ".mdf", DataFileSpecimen.Spec.defaults(2000).withProtection(prot));
            ScanResult r = new FileScanner().scan(p, ProgressMonitor.NULL);
            assertEquals(0, r.sink().total(), () -> prot + ": " + r.findings());
            assertEquals(2000, r.counts().total());
            switch (prot) {
                case CHECKSUM -> {
                    assertTrue(r.counts().checksumProtected() > 1500);
                    assertEquals(r.counts().checksumProtected(), r.counts().checksumOk());
                }
                case TORN -> {
                    assertTrue(r.counts().tornProtected() > 1500);
                    assertEquals(r.counts().tornProtected(), r.counts().tornOk());
                }
                case NONE -> assertEquals(0, r.counts().checksumProtected() + r.counts().tornProtected());
            }
        }
        Path mixed = specimen("mixed.mdf", DataFileSpecimen.Spec.defaults(900).withMixedProtection());
        ScanResult m = new FileScanner().scan(mixed, ProgressMonitor.NULL);
        assertEquals(0, m.sink().total(), () -> m.findings().toString());
        assertTrue(m.counts().checksumProtected() > 100 && m.counts().tornProtected() > 100 && m.counts().unprotected() > 100);
    }

    @Test
    void specimenIsIdentifiedAndDecodes() throws IOException {
        Path p = specimen("ident.mdf", DataFileSpecimen.Spec.defaults(64).withName("Ünïcødé 顧客").withVersion(904, 869));
        Identification id = Identifier.identify(p);
        assertEquals(EvidenceKind.DATA_FILE, id.kind());
        assertEquals("Ünïcødé 顧客", id.databaseName());
        assertEquals(904, id.databaseVersion());
        assertEquals(869, id.createVersion());
        try (EvidenceSource s = EvidenceSource.open(p)) {
            byte[] boot = s.readFully(9 * 8192L, 8192);
            assertEquals(96 + 1768, PageHeader.parse(boot).freeData(), "2019 boot record length");
            byte[] data = s.readFully(40 * 8192L, 8192); // a page of the table (16..31 hold the catalog)
            PageHeader h = PageHeader.parse(data);
            int[] slots = SlotArray.read(data, 0, h.slotCount());
            for (int at : slots) {
                RecordInfo ri = RecordInfo.decode(data, 0, at, h.freeData());
                assertEquals(List.of(), ri.problems());
                assertEquals("primary", ri.typeName());
                assertEquals(6, ri.columnCount());
                assertEquals(2, ri.varCount());
            }
        }
    }

    /** The map pages of a specimen have the layout of the real samples' map pages. */
    @Test
    void mapPagesMatchRealLayout() throws IOException {
        Path real = Samples.get("aspnetdb-tractis/aspnetdb.mdf");
        Path spec = specimen("layout.mdf", DataFileSpecimen.Spec.defaults(280));
        try (EvidenceSource r = EvidenceSource.open(real); EvidenceSource s = EvidenceSource.open(spec)) {
            for (long page : new long[] { 1, 2, 3, 6, 7, 9 }) {
                byte[] a = r.readFully(page * 8192, 8192);
                byte[] b = s.readFully(page * 8192, 8192);
                PageHeader ha = PageHeader.parse(a);
                PageHeader hb = PageHeader.parse(b);
                assertEquals(ha.type(), hb.type(), "type of page " + page);
                assertEquals(ha.slotCount(), hb.slotCount(), "slots of page " + page);
                assertEquals(ha.pminlen(), hb.pminlen(), "pminlen of page " + page);
                assertEquals(ha.objId(), hb.objId(), "m_objId of page " + page);
                assertArrayEquals(SlotArray.read(a, 0, ha.slotCount()), SlotArray.read(b, 0, hb.slotCount()), "slot array of page " + page);
                if (page != 9) {
                    assertEquals(ha.freeData(), hb.freeData(), "m_freeData of page " + page);
                    assertArrayEquals(Arrays.copyOfRange(a, 0x60, 0x64), Arrays.copyOfRange(b, 0x60, 0x64), "record 0 header of page " + page);
                }
                if (page == 2 || page == 3 || page == 6 || page == 7) {
                    assertArrayEquals(Arrays.copyOfRange(a, 0xBE, 0xC2), Arrays.copyOfRange(b, 0xBE, 0xC2), "bitmap record header");
                }
            }
        }
        try (FilePageStore st = FilePageStore.open(spec)) {
            AllocationState a = AllocationState.read(st, 1, 280);
            assertEquals(0, a.unreadableMaps());
            assertEquals(AllocationState.State.ALLOCATED, a.state(20));
            assertEquals(AllocationState.State.UNALLOCATED, a.state(279), "the tail extents are free");
        }
    }

    @Test
    void tornPageNamesTheTornSectors() throws IOException {
        Path p = specimen("torn.mdf", DataFileSpecimen.Spec.defaults(400).withProtection(Protection.TORN));
        Corruptor.tearSecondHalf(p, 100, 101);
        ScanResult r = new FileScanner().scan(p, ProgressMonitor.NULL);
        List<Finding> errors = r.findings().stream().filter(f -> f.severity().atLeast(Severity.ERROR)).toList();
        assertEquals(1, errors.size(), errors.toString());
        Finding f = errors.get(0);
        assertEquals("page.torn", f.ruleId());
        assertEquals(100, f.location().pageId());
        assertTrue(f.title().contains("[8, 9, 10, 11, 12, 13, 14, 15]"), f.title());
        assertEquals(1, r.counts().torn());
    }

    @Test
    void misdirectedWriteAndStalePage() throws IOException {
        Path p = specimen("ids.mdf", DataFileSpecimen.Spec.defaults(800).withUsedFraction(0.5));
        Corruptor.misdirect(p, 200, 201); // allocated: error
        Corruptor.misdirect(p, 700, 202); // free extent: a stale page, info
        ScanResult r = new FileScanner().scan(p, ProgressMonitor.NULL);
        assertEquals(List.of("200 page.id-mismatch error", "700 page.id-mismatch-unallocated info"),
                r.findings().stream().map(f -> f.location().pageId() + " " + f.ruleId() + " " + f.severity().id()).toList());
    }

    @Test
    void badInputFinishesWithFindings() throws IOException {
        Path zero = Files.write(tmp.resolve("zero.mdf"), new byte[8192 * 20]);
        ScanResult z = new FileScanner().scan(zero, ProgressMonitor.NULL);
        assertEquals(20, z.counts().empty());
        assertEquals(List.of("file.not-a-database-file"), z.findings().stream().map(Finding::ruleId).toList());

        byte[] rnd = new byte[8192 * 10 + 123];
        new Random(7).nextBytes(rnd);
        ScanResult r = new FileScanner().scan(Files.write(tmp.resolve("random.bin"), rnd), ProgressMonitor.NULL);
        assertEquals(10, r.counts().total());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("file.truncated-page")));
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("page.bad-header")));

        ScanResult tiny = new FileScanner().scan(Files.write(tmp.resolve("tiny.mdf"), new byte[] { 1, 15, 0 }), ProgressMonitor.NULL);
        assertEquals(0, tiny.counts().total());
        assertTrue(tiny.findings().stream().anyMatch(f -> f.ruleId().equals("file.truncated-page")));
    }

    @Test
    void sparseGigabyteFileScansWithBoundedFindings() throws IOException {
        Path p = tmp.resolve("sparse.mdf");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        ScanResult r = new FileScanner().scan(p, ProgressMonitor.NULL);
        assertEquals((1L << 30) / 8192, r.counts().empty());
        assertEquals(1, r.sink().total(), r.findings().toString());
    }

    @Test
    void verificationReportsBothVariantsAndSectorXors() throws IOException {
        Path p = specimen("v.mdf", DataFileSpecimen.Spec.defaults(64));
        try (EvidenceSource s = EvidenceSource.open(p)) {
            byte[] b = s.readFully(20 * 8192L, 8192);
            PageVerification v = PageVerification.verify(b, 0, null);
            assertTrue(v.checksumOk());
            assertEquals("standard", v.checksumVariant());
            assertEquals(16, v.sectorXors().length);
            long combined = 0;
            for (int k = 0; k < 16; k++) {
                combined ^= Integer.rotateLeft(v.sectorXors()[k], 15 - k) & 0xFFFFFFFFL;
            }
            assertEquals(Bytes.u32(b, 0x3C), combined);
            b[0x45] = 7; // junk in the reserved header bytes
            PageVerification w = PageVerification.verify(b, 0, null);
            assertTrue(w.checksumOk(), "the variant that skips the reserved bytes still matches");
            assertEquals("reserved bytes skipped", w.checksumVariant());
            b[0x300] ^= 1;
            assertFalse(PageVerification.verify(b, 0, null).checksumOk());
            assertTrue(w.headerProblems().stream().anyMatch(x -> x.contains("reserved")));
            assertEquals(Page.SECTORS, w.sectorXors().length);
        }
    }
}

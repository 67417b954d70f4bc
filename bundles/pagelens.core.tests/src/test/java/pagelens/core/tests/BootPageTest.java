package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pagelens.core.Evidence;
import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.exam.BootSources;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageChecksum;
import pagelens.core.specimen.DataFileSpecimen;

/** The boot page of every real sample decodes to the values its bytes hold, and none is flagged. */
class BootPageTest {

    @TempDir
    Path tmp;

    static final BootLayouts LAYOUTS = BootLayouts.builtIn();

    static BootPage decode(Path p, XtpFilegroup fg) throws IOException, BootPageException {
        return BootPage.decode(BootSources.asRestored(BootSources.read(p)).page(), LAYOUTS, fg, "test");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "aspnetdb-tractis/aspnetdb.mdf                | 611 | 611 | D:\\DESARROLLO\\KSI\\TRACTIS\\DEMO\\TRACTIS_DEMO\\APP_DATA\\ASPNETDB.MDF | 6 | 0x0000D028 | (1:20)",
        "demo2context2016-nimble85/Demo_2Context.bak  | 852 | 852 | books         | 8  | 0x3400D008 | (1:20)",
        "futurescan2014-noureldin/Database1.mdf       | 782 | 782 | 929E8BE3-0ACE-41C2-8659-B3517ADCBF38 | 5 | 0x3400D008 | (1:20)",
        "goldhunter2012-ngrj93-mit/Database1.mdf      | 706 | 706 | C:\\USERS\\NAGARAJ\\DESKTOP\\NAGARAJ POTI_GOLDHUNTER_MCA14078\\GOLDHUNTERSP\\GOLDHUNTERSP\\APP_DATA\\DATABASE1.MDF | 5 | 0x3400D008 | (1:20)",
        "inventory2019-yoppaii/Database.bak           | 904 | 904 | Inventory2DB  | 9  | 0x3400D008 | (1:20)",
        "liblib2017/Database.bak                      | 869 | 869 | MyLib         | 8  | 0x3400D008 | (1:20)",
        "northwind2005-xandelima/Northwind.bak        | 611 | 539 | Northwind     | 6  | 0x3400D008 | (1:19)",
        "northwind2008r2-victorcobden/Northwind.bak   | 661 | 661 | Northwind     | 8  | 0x0000D028 | (1:16)",
        "passwordmgr2008r2-hugomackpaye/Database.mdf  | 661 | 661 | C:\\USERS\\FOULON\\DESKTOP\\W.E.E\\PROJECT\\PASSWORD-MANAGER-ASP\\APP_DATA\\DATABASE.MDF | 6 | 0x3400D008 | (1:16)",
        "prasang2016-hetp1711/Database.mdf            | 852 | 782 | C:\\USERS\\HET\\DESKTOP\\PRASANG 2.0-20220305T084457Z-001\\PRASANG 2.0\\PRASANGFINAL\\APP_DATA\\DATABASE.MDF | 21 | 0x3400D008 | (1:20)",
        "pubs2012-dwipnandi/pubs.bak                  | 706 | 706 | pubs          | 12 | 0x3400D008 | (1:20)",
        "quanlymypham2022-huycoder/Database.bak       | 957 | 957 | QuanLyMyPham  | 5  | 0x3400D008 | (1:20)",
        "studentdb2014-gabrujo/StudentDB2017.bak      | 782 | 782 | StudentDB2017 | 44 | 0x3400D008 | (1:20)",
    })
    void everyRealBootPageDecodesAndIsNotFlagged(String file, int version, int create, String name, int dbid, String collation,
            String firstSysIndexes) throws Exception {
        BootPage b = decode(Samples.get(file), XtpFilegroup.NOT_STATED);
        assertEquals(version, b.dbiVersion());
        assertEquals(create, b.createVersion());
        assertEquals(String.valueOf(version), b.value("dbi_version"));
        assertEquals(String.valueOf(create), b.value("dbi_createVersion"));
        assertEquals(name, b.databaseName());
        assertEquals(String.valueOf(dbid), b.value("dbi_dbid"));
        assertEquals(collation, b.value("dbi_collation"));
        assertEquals(firstSysIndexes, b.value("dbi_firstSysIndexes"));
        assertTrue(b.exactLayout(), b.layoutNote());
        assertEquals(version, b.layout().version());
        assertEquals(HekatonVerdict.Verdict.OK, b.hekaton().verdict(), () -> b.hekaton().headline() + " " + b.hekaton().nonZeroOffsets());
        assertFalse(b.critical());
        assertTrue(b.checksumNote().contains("verifies") || b.checksumNote().contains("torn"), b.checksumNote());
        assertEquals(Evidence.VERIFIED, b.field("dbi_dbname").def().evidence());
    }

    @Test
    void targetRecoveryTimeIsKnownNotHekaton() throws Exception {
        BootPage b = decode(Samples.get("quanlymypham2022-huycoder/Database.bak"), XtpFilegroup.ABSENT);
        assertEquals("60", b.value("target recovery time (seconds)?"));
        assertEquals(Evidence.INFERRED, b.field("target recovery time (seconds)?").def().evidence());
        assertEquals(0x616, b.hekaton().regionStart());
        assertEquals(0x6CC, b.hekaton().regionEnd());
        assertEquals(List.of(), b.hekaton().nonZeroOffsets());
        assertEquals("18:65:69", b.value("Dbi_latestVersioningUpgradeLSN"));
        // the rowset ids of the persistent version store: the values of the published 2022 DBINFO listing (formats.md 3.3,
        // aarsakian), which the sample carries too (this assertion used to compare a constant with itself)
        assertEquals("72057594042908672", b.value("Dbi_pvsRowsetIdRegular"));
        assertEquals("72057594042974208", b.value("Dbi_pvsRowsetIdLongTerm"));
        // the one non-zero byte of the 2022 record no known field explains is shown, not hidden
        assertTrue(b.uncovered().stream().anyMatch(r -> r.start() <= 0x738 && r.end() > 0x738 && r.nonZeroBytes() > 0),
                b.uncovered().toString());
    }

    @Test
    void backupHoldsTwoBootPageCopies() throws Exception {
        List<BootSources.Copy> copies = BootSources.read(Samples.get("quanlymypham2022-huycoder/Database.bak"));
        assertEquals(2, copies.size());
        assertEquals(0x4200, copies.get(0).offset());
        assertEquals(0x2e4a00, copies.get(1).offset());
    }

    @Test
    void unknownVersionIsJudgedOnTheSpanWhereTheHekatonFieldsCanLie() throws Exception {
        byte[] p;
        try (EvidenceSource s = EvidenceSource.open(Samples.get("prasang2016-hetp1711/Database.mdf"))) {
            p = s.readFully(9 * 8192L, 8192);
        }
        p[0x64] = (byte) 851; // dbi_version 851 = 0x353, record length stays 1620 (that of 852)
        p[0x65] = 3;
        BootPage b = BootPage.decode(p, LAYOUTS, XtpFilegroup.NOT_STATED, "test");
        assertFalse(b.exactLayout());
        assertEquals(852, b.layout().version());
        assertTrue(b.layoutNote().contains("851 has no known layout"), b.layoutNote());
        // every byte of the span is zero: the Dbi_hk* fields are zero wherever they lie (a sound OK, said as INFERRED)
        assertEquals(HekatonVerdict.Verdict.OK, b.hekaton().verdict(), b.hekaton().headline());
        assertEquals("boot.hekaton-clear", b.hekaton().rule().id());
        assertTrue(b.hekaton().headline().contains("[INFERRED]"), b.hekaton().headline());
        assertTrue(b.hekaton().explanation().contains("as in the known layout of dbi_version 852"), b.hekaton().explanation());
        // one non-zero byte in the span: not silence, a warning to check with DBCC DBINFO
        p[0x630] = 1;
        BootPage nz = BootPage.decode(p, LAYOUTS, XtpFilegroup.NOT_STATED, "test");
        assertEquals(HekatonVerdict.Verdict.CANNOT_TELL, nz.hekaton().verdict());
        assertEquals("boot.layout-unknown", nz.hekaton().rule().id());
        assertTrue(nz.hekaton().headline().contains("DBCC DBINFO"), nz.hekaton().headline());
        assertEquals(List.of(0x630), nz.hekaton().nonZeroOffsets());
    }

    @Test
    void unknownVersionsOfRealBootPages() throws Exception {
        // the real 2022 boot page called 958 (a release after the last known layout, same record length): clear, INFERRED
        byte[] p = BootSources.asRestored(BootSources.read(Samples.get("quanlymypham2022-huycoder/Database.bak"))).page().clone();
        p[0x64] = (byte) 958;
        p[0x65] = (byte) (958 >> 8);
        BootPage b = BootPage.decode(p, LAYOUTS, XtpFilegroup.NOT_STATED, "test");
        assertFalse(b.exactLayout());
        assertEquals(HekatonVerdict.Verdict.OK, b.hekaton().verdict(), b.hekaton().explanation());
        // a release before 2014 has no Hekaton fields, known layout or not
        byte[] q;
        try (EvidenceSource s = EvidenceSource.open(Samples.get("goldhunter2012-ngrj93-mit/Database1.mdf"))) {
            q = s.readFully(9 * 8192L, 8192);
        }
        q[0x64] = (byte) 700;
        q[0x65] = (byte) (700 >> 8);
        BootPage old = BootPage.decode(q, LAYOUTS, XtpFilegroup.NOT_STATED, "test");
        assertFalse(old.exactLayout());
        assertEquals(HekatonVerdict.Verdict.OK, old.hekaton().verdict());
        assertTrue(old.hekaton().headline().contains("older than SQL Server 2014"), old.hekaton().headline());
    }

    private Path specimen(String name, boolean stale) throws IOException {
        Path p = tmp.resolve(name);
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(64).withStaleHekaton(stale).withName("Moved"), ProgressMonitor.NULL);
        return p;
    }

    @Test
    void staleHekatonSpecimenIsCriticalAndCompareShowsExactlyTheHekatonBytes() throws Exception {
        Path clean = specimen("clean.mdf", false);
        Path moved = specimen("moved.mdf", true);
        BootPage c = decode(clean, XtpFilegroup.NOT_STATED);
        BootPage m = decode(moved, XtpFilegroup.NOT_STATED);
        assertEquals(HekatonVerdict.Verdict.OK, c.hekaton().verdict());
        assertEquals(HekatonVerdict.Verdict.CRITICAL, m.hekaton().verdict());
        assertEquals("boot.hekaton-stale", m.hekaton().rule().id());
        assertTrue(m.hekaton().explanation().contains("not stated"), m.hekaton().explanation());
        assertTrue(m.hekaton().action().contains("create a fresh database"), m.hekaton().action());
        assertEquals(HekatonVerdict.Verdict.EXPECTED, decode(moved, XtpFilegroup.PRESENT).hekaton().verdict());
        assertEquals(HekatonVerdict.Verdict.CRITICAL, decode(moved, XtpFilegroup.ABSENT).hekaton().verdict());
        assertTrue(m.hekaton().nonZeroOffsets().contains(0x630));
        assertTrue(PageChecksum.verifies(m.page(), 0));

        List<BootCompare.Difference> d = BootCompare.compare(c, m);
        assertFalse(d.isEmpty());
        for (BootCompare.Difference x : d) {
            assertTrue(x.hekaton(), "only Hekaton bytes differ: " + x);
        }
        assertEquals(0x630, d.get(0).offset());
        assertTrue(BootCompare.compare(c, c).isEmpty());
    }

    @Test
    void badInput() throws Exception {
        byte[] pfs;
        try (EvidenceSource s = EvidenceSource.open(Samples.get("aspnetdb-tractis/aspnetdb.mdf"))) {
            pfs = s.readFully(8192, 8192);
        }
        BootPageException e = assertThrows(BootPageException.class, () -> BootPage.decode(pfs, LAYOUTS, XtpFilegroup.NOT_STATED, "t"));
        assertTrue(e.getMessage().startsWith("not a boot page: m_headerVersion 1, m_type 11 (PFS)"), e.getMessage());
        byte[] boot;
        try (EvidenceSource s = EvidenceSource.open(Samples.get("aspnetdb-tractis/aspnetdb.mdf"))) {
            boot = s.readFully(9 * 8192L, 8192);
        }
        boot[0x62] = (byte) 0xF0;
        boot[0x63] = (byte) 0x7F;
        BootPageException len = assertThrows(BootPageException.class, () -> BootPage.decode(boot, LAYOUTS, XtpFilegroup.NOT_STATED, "t"));
        assertTrue(len.getMessage().contains("does not fit in the page"), len.getMessage());
        BootPage school = decode(Samples.get("datatable-compressed-peterezz/Database.bak"), XtpFilegroup.NOT_STATED);
        assertEquals("School", school.databaseName());
        assertEquals(HekatonVerdict.Verdict.OK, school.hekaton().verdict(), "the compressed backup's boot page is read through decompression");
        assertNotNull(LAYOUTS.knownVersions());
        assertEquals(List.of(611, 655, 661, 706, 782, 852, 869, 904, 957), LAYOUTS.knownVersions());
    }
}

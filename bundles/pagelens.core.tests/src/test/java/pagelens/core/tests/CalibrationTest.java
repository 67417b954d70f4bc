package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.Evidence;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.exam.BootSources;
import pagelens.core.boot.Calibrator;
import pagelens.core.boot.DbinfoListing;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;

/** DBCC DBINFO listings parsed in both real formats, matched to the bytes, and the layout round trip. */
class CalibrationTest {

    @TempDir
    Path tmp;

    /** A TABLERESULTS listing (ParentObject, Object, Field, VALUE) built from a decoded boot page. */
    static String tableResults(BootPage b) {
        StringBuilder sb = new StringBuilder("ParentObject\tObject\tField\tVALUE\n");
        for (BootField f : b.fields()) {
            if (f.name().startsWith("dbi_") && !f.name().contains("[")) {
                String v = f.value();
                if (f.def().type().equals("pageid")) {
                    String[] p = v.replace("(", "").replace(")", "").split(":");
                    v = String.format("%04x:%08x", Integer.parseInt(p[0]), Long.parseLong(p[1])); // DBCC prints 0001:00000014
                }
                sb.append("DBINFO STRUCTURE:\tDBINFO @0x000000A1F3FFE060\t").append(f.name()).append('\t').append(v).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void roundTripOnARealBootPage() throws Exception {
        byte[] page = BootSources.asRestored(BootSources.read(Samples.get("quanlymypham2022-huycoder/Database.bak"))).page();
        BootPage b = BootPage.decode(page, BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "t");
        DbinfoListing l = DbinfoListing.parse("listing", tableResults(b));
        Calibrator.Result r = Calibrator.calibrate(page, l, "test");
        assertEquals(957, r.version());
        assertEquals(1786, r.recordLength());
        for (String f : new String[] { "dbi_version", "dbi_createVersion", "dbi_dbname", "dbi_dbid", "dbi_crdate", "dbi_firstSysIndexes",
                "dbi_collation", "dbi_svcBrokerGUID", "dbi_modDate" }) {
            Calibrator.Match m = r.matches().stream().filter(x -> x.field().equals(f)).findFirst().orElseThrow();
            assertTrue(m.unique(), f + ": " + m.outcome());
            assertEquals(b.field(f).offset(), m.offset(), f);
        }
        Path dir = Files.createDirectories(tmp.resolve("layouts"));
        Files.writeString(dir.resolve("dbi-957.tsv"), r.layoutText());
        BootLayouts cal = BootLayouts.withUserFolder(dir);
        assertEquals(java.util.List.of(), cal.loadProblems());
        BootPage c = BootPage.decode(page, cal, XtpFilegroup.NOT_STATED, "t");
        assertTrue(c.layoutNote().startsWith("calibrated layout"), c.layoutNote());
        assertEquals("QuanLyMyPham", c.databaseName());
        assertEquals(b.value("dbi_crdate"), c.value("dbi_crdate"));
        assertEquals(b.value("dbi_svcBrokerGUID"), c.value("dbi_svcBrokerGUID"));
        assertEquals(Evidence.VERIFIED, c.field("dbi_crdate").def().evidence());
        assertEquals(HekatonVerdict.Verdict.OK, c.hekaton().verdict());
    }

    @Test
    void pageStyle3TextAndHekatonFieldsCalibrate() throws Exception {
        Path moved = tmp.resolve("moved.mdf");
        DataFileSpecimen.write(moved, DataFileSpecimen.Spec.defaults(64).withStaleHekaton(true).withName("Moved"), ProgressMonitor.NULL);
        byte[] page = BootSources.asRestored(BootSources.read(moved)).page();
        String style3 = """
                DBINFO @0x000000A1F3FFE060

                dbi_version = 957                   dbi_createVersion = 957             dbi_SEVersion = 0
                dbi_dbid = 5                        dbi_dbname = Moved
                Dbi_latestVersioningUpgradeLSN = 18:65:69 (0x00000012:00000041:0045)
                Dbi_hkRecoveryLSN = 36:1587:1 (0x00000024:00000633:0001)
                Dbi_hkLogTruncationLSN = 36:1600:4 (0x00000024:00000640:0004)
                Dbi_hkUndeployLSN = 0:0:0 (0x00000000:00000000:0000)
                """;
        DbinfoListing l = DbinfoListing.parse("style3", style3);
        assertEquals("Moved", l.value("dbi_dbname"));
        Calibrator.Result r = Calibrator.calibrate(page, l, "test");
        Calibrator.Match hk = r.matches().stream().filter(x -> x.field().equals("Dbi_hkRecoveryLSN")).findFirst().orElseThrow();
        assertEquals(0x630, hk.offset());
        Calibrator.Match undeploy = r.matches().stream().filter(x -> x.field().equals("Dbi_hkUndeployLSN")).findFirst().orElseThrow();
        assertTrue(undeploy.outcome().contains("zero"), undeploy.outcome());
        Path dir = Files.createDirectories(tmp.resolve("cal"));
        Files.writeString(dir.resolve("dbi-957.tsv"), r.layoutText());
        BootPage c = BootPage.decode(page, BootLayouts.withUserFolder(dir), XtpFilegroup.ABSENT, "t");
        assertEquals(HekatonVerdict.Verdict.CRITICAL, c.hekaton().verdict());
        assertEquals(2, c.hekaton().hekatonFields().size());
        assertEquals("36:1587:1", c.value("Dbi_hkRecoveryLSN"));
        assertEquals(java.util.List.of(), c.hekaton().nonZeroOffsets(), "every non-zero byte is now explained by a Hekaton field");
    }

    @Test
    void badListings() throws Exception {
        IOException trunc = assertThrows(IOException.class, () -> DbinfoListing.parse("cut", "ParentObject\tObject\tField\tVALUE\nDBINFO STRUCTURE:\tDBINFO @0x1\tdbi_dbid\t5\n"));
        assertTrue(trunc.getMessage().contains("truncated"), trunc.getMessage());
        byte[] page = BootSources.asRestored(BootSources.read(Samples.get("pubs2012-dwipnandi/pubs.bak"))).page();
        DbinfoListing other = DbinfoListing.parse("other", "dbi_version = 706   dbi_dbname = Northwind\n");
        BootPageException e = assertThrows(BootPageException.class, () -> Calibrator.calibrate(page, other, "t"));
        assertTrue(e.getMessage().contains("'Northwind'") && e.getMessage().contains("'pubs'"), e.getMessage());
        DbinfoListing ver = DbinfoListing.parse("v", "dbi_version = 957\n");
        assertThrows(BootPageException.class, () -> Calibrator.calibrate(page, ver, "t"));
    }
}

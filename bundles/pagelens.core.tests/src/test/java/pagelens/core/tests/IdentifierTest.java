package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;

class IdentifierTest {

    @TempDir
    Path tmp;

    /** Every file in ../shared/samples, with the facts of samples/MANIFEST.md. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "northwind2005-xandelima/Northwind.bak          | backup            | 611 | 539 | Northwind    | 9.0.1399",
        "aspnetdb-tractis/aspnetdb.mdf                  | data-file         | 611 | 611 | D:\\DESARROLLO\\KSI\\TRACTIS\\DEMO\\TRACTIS_DEMO\\APP_DATA\\ASPNETDB.MDF | -",
        "aspnetdb-tractis/aspnetdb_log.ldf              | log-file          | -   | -   | -            | -",
        "pubs2012-dwipnandi/pubs.bak                    | backup            | 706 | 706 | pubs         | 11.0.6020",
        "northwind2008r2-victorcobden/Northwind.bak     | backup            | 661 | 661 | Northwind    | 10.50.2500",
        "studentdb2014-gabrujo/StudentDB2017.bak        | backup            | 782 | 782 | StudentDB2017| 12.0.4522",
        "quanlymypham2022-huycoder/Database.bak         | backup            | 957 | 957 | QuanLyMyPham | 16.0.1000",
        "inventory2019-yoppaii/Database.bak             | backup            | 904 | 904 | Inventory2DB | 15.0.2000",
        "liblib2017/Database.bak                        | backup            | 869 | 869 | MyLib        | 14.0.1000",
        "datatable-compressed-peterezz/Database.bak     | compressed-backup | -   | -   | -            | -",
        "prasang2016-hetp1711/Database.mdf              | data-file         | 852 | 782 | C:\\USERS\\HET\\DESKTOP\\PRASANG 2.0-20220305T084457Z-001\\PRASANG 2.0\\PRASANGFINAL\\APP_DATA\\DATABASE.MDF | -",
        "demo2context2016-nimble85/Demo_2Context.bak    | backup            | 852 | 852 | books        | 13.0.4001",
        "passwordmgr2008r2-hugomackpaye/Database.mdf    | data-file         | 661 | 661 | C:\\USERS\\FOULON\\DESKTOP\\W.E.E\\PROJECT\\PASSWORD-MANAGER-ASP\\APP_DATA\\DATABASE.MDF | -",
        "futurescan2014-noureldin/Database1.mdf         | data-file         | 782 | 782 | 929E8BE3-0ACE-41C2-8659-B3517ADCBF38 | -",
        "mastlog2019-solisatos/mastlog.ldf              | log-file          | -   | -   | -            | -",
        "goldhunter2012-ngrj93-mit/Database1.mdf        | data-file         | 706 | 706 | C:\\USERS\\NAGARAJ\\DESKTOP\\NAGARAJ POTI_GOLDHUNTER_MCA14078\\GOLDHUNTERSP\\GOLDHUNTERSP\\APP_DATA\\DATABASE1.MDF | -",
        "goldhunter2012-ngrj93-mit/Database1_log.ldf    | log-file          | -   | -   | -            | -",
    })
    void identifiesEveryRealSample(String file, String kind, Integer version, Integer create, String name, String software) {
        Path p = Samples.get(file);
        Identification id = Identifier.identify(p);
        assertEquals(kind, id.kind().id(), () -> file + ": " + id.details());
        assertTrue(id.readable());
        assertEquals(version, id.databaseVersion(), "database version");
        assertEquals(create, id.createVersion(), "create version");
        assertEquals(name, id.databaseName(), "database name");
        assertEquals(software, id.softwareVersion(), "software version");
        assertEquals(p.toFile().length(), id.size());
    }

    @Test
    void realBootPageChecksumsAreReported() {
        Identification id = Identifier.identify(Samples.get("aspnetdb-tractis/aspnetdb.mdf"));
        assertTrue(id.details().contains("boot page checksum verifies"), id.details().toString());
        Identification nw = Identifier.identify(Samples.get("northwind2005-xandelima/Northwind.bak"));
        assertTrue(nw.details().contains("boot page 1:9 at 0x13a00"), nw.details().toString());
        assertTrue(nw.details().contains("boot page is torn-page protected"), nw.details().toString());
    }

    @Test
    void logFileNamesItsFirstVlf() {
        Identification id = Identifier.identify(Samples.get("mastlog2019-solisatos/mastlog.ldf"));
        assertTrue(id.summary().contains("first VLF sequence number 201"), id.summary());
    }

    @Test
    void missingPath() {
        Identification id = Identifier.identify(tmp.resolve("nope.mdf"));
        assertFalse(id.readable());
        assertEquals(EvidenceKind.UNKNOWN, id.kind());
        assertEquals("no such file or folder", id.summary());
    }

    @Test
    void emptyAndOneByteFiles() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.mdf"));
        Identification e = Identifier.identify(empty);
        assertFalse(e.readable());
        assertTrue(e.summary().startsWith("empty file"));
        Path one = Files.write(tmp.resolve("one.bak"), new byte[] { 0x54 });
        Identification o = Identifier.identify(one);
        assertTrue(o.readable());
        assertEquals(EvidenceKind.UNKNOWN, o.kind());
        assertEquals("too small (1 byte) to be a SQL Server file", o.summary());
    }

    @Test
    void randomBytesAndZeros() throws IOException {
        byte[] r = new byte[100_000];
        new Random(42).nextBytes(r);
        r[0] = 7; // not header version 1
        assertEquals(EvidenceKind.UNKNOWN, Identifier.identify(Files.write(tmp.resolve("random.bin"), r)).kind());
        Identification z = Identifier.identify(Files.write(tmp.resolve("zero.mdf"), new byte[81920]));
        assertEquals(EvidenceKind.UNKNOWN, z.kind());
        assertTrue(z.summary().startsWith("all-zero"));
    }

    @Test
    void fileThatMerelyStartsWithTape() throws IOException {
        Path p = Files.write(tmp.resolve("tape.bak"), "TAPE and nothing else".getBytes(StandardCharsets.US_ASCII));
        Identification id = Identifier.identify(p);
        assertEquals(EvidenceKind.BACKUP, id.kind());
        assertNull(id.databaseVersion());
        assertTrue(id.details().stream().anyMatch(d -> d.contains("no SCIN chunk")), id.details().toString());
    }

    @Test
    void folders() throws IOException {
        Path c = Files.createDirectories(tmp.resolve("container/$HKv2"));
        Files.createDirectories(tmp.resolve("container/$FSLOG"));
        Identification x = Identifier.identify(c.getParent());
        assertEquals(EvidenceKind.XTP_CONTAINER, x.kind());
        assertTrue(x.summary().contains("$HKv2"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("readme.txt"), "hello");
        Identification u = Identifier.identify(other);
        assertEquals(EvidenceKind.UNKNOWN, u.kind());
        assertTrue(u.readable());
        assertTrue(u.summary().contains("not an In-Memory OLTP container"), u.summary());
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = Files.write(tmp.resolve("secret.mdf"), new byte[8192]);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(p)) {
            // running as root: permissions do not stop reads; nothing to check here
            return;
        }
        Identification id = Identifier.identify(p);
        assertFalse(id.readable());
        assertTrue(id.summary().startsWith("permission denied"));
    }

    @Test
    void dbccPageDump() throws IOException {
        String text = """
                PAGE: (1:9)

                BUFFER:

                BUF @0x000001E1E6F6B600

                PAGE HEADER:

                Page @0x000001E1DC7A2000

                m_pageId = (1:9)                    m_headerVersion = 1                 m_type = 13
                """;
        Identification id = Identifier.identify(Files.writeString(tmp.resolve("page.txt"), text));
        assertEquals(EvidenceKind.DBCC_PAGE_DUMP, id.kind());
    }
}

package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;

/** {@code pagelens objects}, the owner in {@code pagelens page} and {@code pagelens scan --by-object}. */
class ObjectsCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void objectsOfPubsNameTablesIndexesKeysAndPages() throws IOException {
        Path pubs = IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak");
        Cli r = Cli.run("objects", pubs.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("schema dbo"), r.out());
        assertTrue(r.out().contains("table authors"), r.out());
        assertTrue(r.out().contains("index 1 UPKCL_auidind clustered (au_id): partition 1, 23 rows"), r.out());
        assertTrue(r.out().contains("index 2 aunmind nonclustered (au_lname, au_fname)"), r.out());
        assertTrue(r.out().contains("index 1 employee_ind clustered (lname, fname, minit)"), r.out());
        assertTrue(r.out().contains("heap: partition 1, 3 rows"), "discounts is a heap: " + r.out());
        JsonNode j = M.readTree(Cli.run("objects", "--json", pubs.toString()).out());
        JsonNode authors = null;
        for (JsonNode t : j.get("catalog").get("tables")) {
            if (t.get("name").asText().equals("authors")) {
                authors = t;
            }
        }
        assertEquals("dbo", authors.get("schema").asText());
        JsonNode p1 = authors.get("partitions").get(0);
        assertEquals("UPKCL_auidind", p1.get("indexName").asText());
        assertEquals(23, p1.get("rows").asLong());
        assertEquals(2, p1.get("allocationUnits").get(0).get("usedPages").asLong());
        assertTrue(j.get("objects").get("allocationChecked").asBoolean());
        assertEquals("ABSENT", j.get("catalog").get("memoryOptimizedFilegroup").asText());
    }

    @Test
    void pageNamesItsOwner() throws IOException {
        Path spec = tmp.resolve("owned.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(400), ProgressMonitor.NULL);
        Cli r = Cli.run("page", spec.toString(), "1:40");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("OWNER: dbo.Customers, index 1 PK_Customers clustered, partition 1, in-row data, allocation unit "), r.out());
        Cli boot = Cli.run("page", spec.toString(), "1:9");
        assertTrue(boot.out().contains("OWNER: none by design"), boot.out());
    }

    @Test
    void scanNamesTheOwnerOfDamageAndGroupsByObject() throws IOException {
        Path spec = tmp.resolve("damaged.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(400), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 100, 3000, 2);
        Corruptor.flipBit(spec, 17, 300, 1); // the catalog page of sysschobjs
        Cli r = Cli.run("scan", "--no-hash", spec.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("catalog.page-damaged"), r.out());
        // the table's name was on the damaged catalog page: the owner is given by its ids, and the page that cost the name
        assertTrue(r.out().contains("object " + DataFileSpecimen.TABLE_OBJECT_ID), r.out());
        assertTrue(r.out().contains("sysschobjs page 1:17"), r.out());
        assertTrue(r.out().contains("SYSTEM CATALOG"), r.out());
        Cli by = Cli.run("scan", "--no-hash", "--by-object", spec.toString());
        assertTrue(by.out().contains("object " + DataFileSpecimen.TABLE_OBJECT_ID + ", index 1 " + DataFileSpecimen.INDEX_NAME), by.out());
        JsonNode j = M.readTree(Cli.run("scan", "--json", "--no-hash", spec.toString()).out());
        boolean found = false;
        for (JsonNode f : j.get("findings")) {
            if (f.get("pageId").asLong() == 100 && f.get("rule").asText().equals("page.checksum-mismatch")) {
                JsonNode o = f.get("object");
                assertEquals(DataFileSpecimen.TABLE_OBJECT_ID, o.get("objectId").asInt());
                assertEquals(1, o.get("indexId").asInt());
                assertEquals(DataFileSpecimen.INDEX_NAME, o.get("indexName").asText());
                assertTrue(o.get("name").isNull());
                assertTrue(o.get("unavailable").asText().contains("1:17"));
                found = true;
            }
        }
        assertTrue(found, "page 1:100 reported with its owner");
    }

    @Test
    void pagesNamedByTheServerBesidePageLensVerdict() throws IOException {
        Path spec = tmp.resolve("named.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(400), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 50, 3000, 2);
        Path log = tmp.resolve("ERRORLOG");
        java.nio.file.Files.writeString(log, """
                2026-11-20 10:00:00.12 spid51      Error: 824, Severity: 24, State: 2.
                2026-11-20 10:00:00.12 spid51      SQL Server detected a logical consistency-based I/O error: incorrect checksum. It occurred during a read of page (1:50) in database ID 5.
                2026-11-20 10:01:00.12 spid51      Error: 824, Severity: 24, State: 2.
                2026-11-20 10:01:00.12 spid51      SQL Server detected a logical consistency-based I/O error: incorrect checksum. It occurred during a read of page (1:70) in database ID 5.
                """);
        Cli r = Cli.run("scan", "--no-hash", "--pages-from", log.toString(), spec.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("pages named in ERRORLOG: 2, 1 where PageLens's verdict differs from the server's"), r.out());
        assertTrue(r.out().contains("PageLens: DAMAGED (page.checksum-mismatch)"), r.out());
        assertTrue(r.out().contains("DIFFERS: the server reports this page; PageLens finds this copy healthy"), r.out());
        JsonNode j = M.readTree(Cli.run("scan", "--json", "--no-hash", "--pages-from", log.toString(), spec.toString()).out());
        JsonNode n = j.get("namedPages");
        assertEquals(2, n.size());
        assertEquals("1:50", n.get(0).get("page").asText());
        assertEquals(824, n.get(0).get("error").asInt());
        assertEquals("damaged", n.get(0).get("pagelens").asText());
        assertEquals(false, n.get(0).get("differs").asBoolean());
        assertEquals("verifies", n.get(1).get("pagelens").asText());
        assertEquals(true, n.get(1).get("differs").asBoolean());
        assertEquals(DataFileSpecimen.TABLE_NAME, n.get(1).get("object").get("name").asText());
    }

    /** Every data file of a database in one command: the table's pages of both files; the primary alone says a file is missing. */
    @Test
    void objectsOfADatabaseOfTwoFiles() throws IOException {
        Path mdf = tmp.resolve("two.mdf");
        Path ndf = tmp.resolve("two_2.ndf");
        DataFileSpecimen.writeWithSecondary(mdf, ndf, DataFileSpecimen.Spec.defaults(400), 200, ProgressMonitor.NULL);
        Cli both = Cli.run("objects", ndf.toString(), mdf.toString());
        assertEquals(0, both.exit(), both.err());
        assertTrue(both.out().startsWith(mdf + " and 1 more file(s) of the database: " + ndf), both.out());
        assertTrue(both.out().contains("file 3 PageLensSpecimen_2: rows, filegroup 1, 200 pages"), both.out());
        assertTrue(!both.out().contains("FILES:"), both.out());
        JsonNode j = M.readTree(Cli.run("objects", "--json", mdf.toString(), ndf.toString()).out());
        assertEquals(2, j.get("files").size());
        long tableBoth = tablePages(j);
        Cli alone = Cli.run("objects", mdf.toString());
        assertEquals(1, alone.exit(), "a file of the database is missing: " + alone.out());
        assertTrue(alone.out().contains("FILES: file 3 (PageLensSpecimen_2"), alone.out());
        long tableAlone = tablePages(M.readTree(Cli.run("objects", "--json", mdf.toString()).out()));
        assertTrue(tableBoth > tableAlone + 150, tableBoth + " pages with both files, " + tableAlone + " with the primary alone");
        Cli secondary = Cli.run("objects", ndf.toString());
        assertEquals(2, secondary.exit());
        assertTrue(secondary.err().contains("is a secondary data file (file id 3)"), secondary.err());
    }

    private static long tablePages(JsonNode objects) {
        long n = 0;
        for (JsonNode g : objects.get("objects").get("groups")) {
            if (g.path("object").path("name").asText().equals(DataFileSpecimen.TABLE_NAME)) {
                n += g.get("pages").asLong();
            }
        }
        return n;
    }
}

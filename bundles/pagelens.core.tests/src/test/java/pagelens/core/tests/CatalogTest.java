package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.catalog.BaseTables;
import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Owner;
import pagelens.core.catalog.Ownership;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;

/**
 * The system catalog read from the evidence (docs/catalog.md), checked against what is publicly known of the real samples
 * (the Northwind and pubs sample databases) and against synthetic specimens with planted damage.
 */
class CatalogTest {
    private static final Set<String> PUBS = Set.of("authors", "titles", "publishers", "sales", "stores", "employee", "jobs", "titleauthor", "roysched",
            "discounts", "pub_info");
    private static final Set<String> NORTHWIND = Set.of("Customers", "Orders", "Order Details", "Products", "Employees", "Categories", "Suppliers",
            "Shippers", "Region", "Territories", "EmployeeTerritories", "CustomerDemographics", "CustomerCustomerDemo");
    /** The complete real samples (every catalog page present). */
    private static final List<String> COMPLETE = List.of("aspnetdb-tractis/aspnetdb.mdf", "goldhunter2012-ngrj93-mit/Database1.mdf",
            "futurescan2014-noureldin/Database1.mdf", "passwordmgr2008r2-hugomackpaye/Database.mdf", "prasang2016-hetp1711/Database.mdf",
            "northwind2005-xandelima/Northwind.bak", "northwind2008r2-victorcobden/Northwind.bak", "pubs2012-dwipnandi/pubs.bak",
            "studentdb2014-gabrujo/StudentDB2017.bak", "liblib2017/Database.bak", "demo2context2016-nimble85/Demo_2Context.bak",
            "datatable-compressed-peterezz/Database.bak");
    /** Stripes of backups written to several files (catalog.md 8): their catalog is incomplete. */
    private static final List<String> STRIPES = List.of("inventory2019-yoppaii/Database.bak", "quanlymypham2022-huycoder/Database.bak");

    private static <T> T examined(Path p, java.util.function.Function<Examination, T> f) {
        try (OpenedEvidence ev = OpenedEvidence.open(p)) {
            return f.apply(Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Catalog.DbObject table(Catalog c, String name) {
        return c.userTables().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Catalog.AllocationUnit inRow(Catalog c, int objectId, int indexId) {
        Catalog.Rowset r = c.rowsetsOf(objectId).stream().filter(x -> x.indexId() == indexId).findFirst().orElseThrow();
        return c.unitsOf(r.id()).stream().filter(u -> u.type() == 1).findFirst().orElseThrow();
    }

    private static List<Finding> allocFindings(Examination e) {
        return e.findingList().stream().filter(f -> f.ruleId().startsWith("alloc.")).toList();
    }

    /** Pages counted per allocation unit by the ownership map. */
    private static Map<Long, Long> pagesByUnit(Ownership o) {
        Map<Long, Long> m = new TreeMap<>();
        for (Ownership.Group g : o.groups()) {
            m.merge(g.owner().allocationUnitId(), g.pages(), Long::sum);
        }
        return m;
    }

    @Test
    void pubsTablesIndexesKeysAndPages() {
        examined(Samples.get("pubs2012-dwipnandi/pubs.bak"), e -> {
            Catalog c = e.catalog();
            assertEquals(Catalog.Generation.Y2008, c.generation());
            Set<String> names = c.userTables().stream().map(Catalog.DbObject::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(PUBS), "pubs tables: " + names);
            assertEquals(18, names.size(), "11 pubs tables + 7 the owner added (catalog.md 8)");
            Catalog.DbObject authors = table(c, "authors");
            assertEquals("dbo", c.schemaName(authors.schemaId()));
            Catalog.Index pk = c.index(authors.id(), 1);
            assertEquals("UPKCL_auidind", pk.name());
            assertEquals(Owner.IndexKind.CLUSTERED, pk.kind());
            assertEquals(List.of(1), pk.keyColumns(), "clustered on au_id");
            assertEquals("aunmind", c.index(authors.id(), 2).name());
            assertEquals(List.of(2, 3), c.index(authors.id(), 2).keyColumns(), "au_lname, au_fname");
            // employee is clustered on (lname, fname, minit) = column ids 4, 2, 3 (catalog.md 2.4)
            assertEquals(List.of(4, 2, 3), c.index(table(c, "employee").id(), 1).keyColumns());
            assertEquals(23, c.rowsetsOf(authors.id()).get(0).rows());
            assertEquals(18, c.rowsetsOf(table(c, "titles").id()).get(0).rows());
            assertEquals(21, c.rowsetsOf(table(c, "sales").id()).get(0).rows());
            assertEquals("emp_id", c.columns(table(c, "employee").id()).get(0).name());
            // the declared layouts equal the base tables' own description, column for column
            assertEquals(10, c.selfCheck().tables());
            assertTrue(c.selfCheck().columns() >= 100, "columns compared: " + c.selfCheck().columns());
            assertEquals(List.of(), c.selfCheck().mismatches());
            assertEquals(XtpFilegroup.ABSENT, c.memoryOptimizedFilegroup());
            assertEquals(List.of("pubs", "pubs_log"), c.files().stream().map(Catalog.DatabaseFile::logicalName).toList());
            // every user table's in-row pages, counted by header owner, equal sysallocunits.pcused (data + index + IAM)
            Map<Long, Long> byUnit = pagesByUnit(e.ownership());
            for (String t : PUBS) {
                Catalog.DbObject o = table(c, t);
                int ix = c.rowsetsOf(o.id()).get(0).indexId();
                Catalog.AllocationUnit u = inRow(c, o.id(), ix);
                assertEquals(u.usedPages(), byUnit.getOrDefault(u.id(), 0L), t + " pages");
                Owner first = e.ownerOf(u.first());
                assertEquals(t, first.objectName());
                assertEquals(Owner.By.HEADER, first.by());
            }
            assertEquals("UPKCL_auidind", e.ownerOf(inRow(c, authors.id(), 1).first()).indexName());
            assertEquals(List.of(), allocFindings(e));
            return null;
        });
    }

    @Test
    void northwind2005LegacyIdsAndRowCounts() {
        examined(Samples.get("northwind2005-xandelima/Northwind.bak"), e -> {
            Catalog c = e.catalog();
            assertEquals(Catalog.Generation.Y2005, c.generation());
            Set<String> names = c.userTables().stream().map(Catalog.DbObject::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(NORTHWIND), "Northwind tables: " + names);
            assertEquals(830, c.rowsetsOf(table(c, "Orders").id()).get(0).rows());
            assertEquals(2155, c.rowsetsOf(table(c, "Order Details").id()).get(0).rows());
            assertEquals(91, c.rowsetsOf(table(c, "Customers").id()).get(0).rows());
            Catalog.AllocationUnit orders = inRow(c, table(c, "Orders").id(), 1);
            // created on SQL Server 2000: a legacy id below 2^56 whose leaf pages carry m_indexId 0 (catalog.md 1.4)
            assertTrue(orders.id() < (1L << 56), "legacy allocation unit id " + orders.id());
            Owner o = e.ownerOf(orders.first());
            assertEquals("Orders", o.objectName());
            assertEquals("PK_Orders", o.indexName());
            assertEquals(Owner.By.HEADER, o.by());
            assertEquals("sysdbfiles", c.files().get(0).table());
            assertEquals(List.of(), allocFindings(e));
            return null;
        });
    }

    /** catalog.md 7: on every complete file every page falls into owned, no owner by design, or free. */
    @Test
    void everyPageOfACompleteSampleHasAnOwner() {
        for (String s : COMPLETE) {
            examined(Samples.get(s), e -> {
                assertTrue(e.ownership().checked(), s + ": allocation checks ran");
                assertEquals(List.of(), allocFindings(e), s);
                long unknown = e.ownership().groups().stream().filter(g -> g.owner().by() == Owner.By.HEADER_ONLY).mapToLong(Ownership.Group::pages).sum();
                assertEquals(0, unknown, s + ": pages of units the catalog does not list");
                assertTrue(e.ownership().groups().stream().anyMatch(g -> g.owner().systemCatalog()), s);
                assertFalse(e.findingList().stream().anyMatch(f -> f.ruleId().startsWith("catalog.")), s + ": no catalog finding");
                return null;
            });
        }
    }

    @Test
    void stripesSayTheirCatalogIsIncomplete() {
        for (String s : STRIPES) {
            examined(Samples.get(s), e -> {
                assertFalse(e.ownership().checked(), s + ": no allocation check on a partial catalog");
                assertEquals(List.of(), allocFindings(e), s);
                assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("catalog.incomplete")), s);
                assertEquals(XtpFilegroup.NOT_STATED, e.catalog().memoryOptimizedFilegroup(), s + ": an incomplete catalog cannot say absent");
                return null;
            });
        }
        // inventory2019: sysallocunits entirely in another stripe; the base tables are found by their fixed ids
        examined(Samples.get("inventory2019-yoppaii/Database.bak"), e -> {
            assertTrue(e.catalog().allocationUnits().isEmpty());
            assertEquals(1525, e.catalog().objects().size(), "sysschobjs rows (catalog.md 8)");
            return null;
        });
    }

    @Test
    void everyDeclaredColumnHasAKnownType() {
        for (BaseTables.Table t : BaseTables.get().all()) {
            assertTrue(t.fixedEnd() > 4, t.name());
            for (BaseTables.Column c : t.columns()) {
                assertTrue(c.fixed() ? c.size() > 0 : c.size() == -1, t.name() + "." + c.name());
            }
        }
        // positions follow from the order: the documented offsets of catalog.md 2.2 and 2.5
        assertEquals(39, BaseTables.get().table("sysallocunits").column("pgfirstiam").leaf());
        assertEquals(17, BaseTables.get().table("sysschobjs").column("type").leaf());
        assertEquals(44, BaseTables.get().table("sysrscols").column("offset").leaf());
        assertEquals(-1, BaseTables.get().table("sysschobjs").column("name").leaf());
    }

    private static Path specimen(Path dir) throws IOException {
        Path p = dir.resolve("catalog.mdf");
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(2000), ProgressMonitor.NULL);
        return p;
    }

    @Test
    void specimenHasACatalog(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        examined(p, e -> {
            Catalog c = e.catalog();
            Catalog.DbObject t = table(c, DataFileSpecimen.TABLE_NAME);
            assertEquals(DataFileSpecimen.TABLE_OBJECT_ID, t.id());
            assertEquals(DataFileSpecimen.INDEX_NAME, c.index(t.id(), 1).name());
            assertEquals(List.of("CustomerId", "Amount", "Created", "Code", "Name", "Note"),
                    c.columns(t.id()).stream().map(Catalog.Column::name).toList());
            Owner o = e.ownerOf(new PageId(1, 40));
            assertEquals("dbo", o.schema());
            assertEquals(DataFileSpecimen.TABLE_NAME, o.objectName());
            assertEquals(Owner.IndexKind.CLUSTERED, o.indexKind());
            assertEquals(Owner.UnitType.IN_ROW_DATA, o.unitType());
            assertEquals("sysschobjs", e.ownerOf(new PageId(1, 17)).objectName());
            assertNull(e.ownerOf(new PageId(1, 1)), "the PFS page has no owner by design");
            assertTrue(e.ownership().checked());
            assertEquals(List.of(), allocFindings(e));
            assertEquals(XtpFilegroup.ABSENT, c.memoryOptimizedFilegroup());
            return null;
        });
    }

    @Test
    void damagedCatalogPageGivesIdsAndTheRestWorks(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        Corruptor.flipBit(p, 17, 200, 3); // a byte of a sysschobjs row: the page checksum fails
        examined(p, e -> {
            List<Finding> damaged = e.findingList().stream().filter(f -> f.ruleId().equals("catalog.page-damaged")).toList();
            assertEquals(1, damaged.size(), e.findingList().toString());
            assertEquals(17, damaged.get(0).location().pageId());
            Owner o = e.ownerOf(new PageId(1, 40));
            assertNull(o.objectName(), "the table's name was on the damaged page");
            assertEquals(DataFileSpecimen.TABLE_OBJECT_ID, o.objectId());
            assertEquals(DataFileSpecimen.INDEX_NAME, o.indexName(), "sysidxstats is intact");
            assertTrue(o.unavailable().contains("1:17"), o.unavailable());
            assertNotNull(e.boot(), "the boot verdict still stands");
            assertTrue(e.counts().checksumBad() >= 1);
            // the damaged catalog page is counted as damage of the system catalog itself
            assertTrue(e.ownership().groups().stream().anyMatch(g -> g.owner().systemCatalog() && g.damaged() == 1));
            return null;
        });
    }

    @Test
    void headerNamingAnotherOwnerIsFound(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        Corruptor.reassign(p, 41, 1, 34); // page 1:41 of the table now says sysschobjs, with a valid checksum
        examined(p, e -> {
            List<Finding> f = allocFindings(e);
            assertEquals(1, f.size(), f.toString());
            assertEquals("alloc.owner-mismatch", f.get(0).ruleId());
            assertEquals(41, f.get(0).location().pageId());
            assertTrue(f.get(0).title().contains(DataFileSpecimen.TABLE_NAME), f.get(0).title());
            return null;
        });
    }

    @Test
    void unitTheCatalogDoesNotListIsNamedById(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        Corruptor.reassign(p, 42, 256, 4242); // an allocation unit sysallocunits does not list
        examined(p, e -> {
            Owner o = e.ownerOf(new PageId(1, 42));
            // the IAM still places the page in the table; the header's unit is unknown
            assertEquals(DataFileSpecimen.TABLE_NAME, o.objectName());
            assertEquals(Owner.By.IAM, o.by());
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("alloc.owner-mismatch") && f.location().pageId() == 42));
            return null;
        });
    }

    @Test
    void extentClaimedByTwoIamsOrFreeInTheGam(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        // the IAM of sysrowsets (1:24) also claims extent 5 (pages 40..47, the table's): bitmap byte 0, bit 5
        Corruptor.rewrite(p, 24, 0xC2, 1 << 5);
        examined(p, e -> {
            List<Finding> f = allocFindings(e).stream().filter(x -> x.ruleId().equals("alloc.extent-two-owners")).toList();
            assertEquals(1, f.size(), allocFindings(e).toString());
            assertEquals(40, f.get(0).location().pageId());
            assertTrue(f.get(0).title().contains("sysrowsets") && f.get(0).title().contains(DataFileSpecimen.TABLE_NAME), f.get(0).title());
            return null;
        });
        Path q = dir.resolve("gam.mdf");
        DataFileSpecimen.write(q, DataFileSpecimen.Spec.defaults(2000), ProgressMonitor.NULL);
        // the GAM (1:2) marks extent 6 (pages 48..55) free while the table's IAM allocates it
        Corruptor.rewrite(q, 2, 0xC2, 1 << 6);
        examined(q, e -> {
            assertTrue(allocFindings(e).stream().anyMatch(x -> x.ruleId().equals("alloc.extent-two-owners") && x.location().pageId() == 48
                    && x.title().contains("the GAM marks it free")), allocFindings(e).toString());
            return null;
        });
    }

    /** The IAM bitmap read in place, a word at a time, gives the extents bit-by-bit reading gives (random and edge bitmaps). */
    @Test
    void extentBitsReadInPlaceMatchBitByBit() {
        java.util.Random r = new java.util.Random(13);
        for (int round = 0; round < 50; round++) {
            byte[] page = new byte[pagelens.core.page.Page.SIZE];
            pagelens.core.alloc.ExtentBitmap bm = pagelens.core.alloc.ExtentBitmap.empty();
            int bits = round == 0 ? 0 : round == 1 ? pagelens.core.alloc.ExtentBitmap.EXTENTS : r.nextInt(200);
            for (int k = 0; k < bits; k++) {
                bm.set(round == 1 ? k : r.nextInt(pagelens.core.alloc.ExtentBitmap.EXTENTS), true);
            }
            bm.set(pagelens.core.alloc.ExtentBitmap.EXTENTS - 1, round % 2 == 0); // the last 4 bytes are not a whole word
            bm.writeTo(page, 2);
            java.util.List<Integer> expected = new java.util.ArrayList<>();
            pagelens.core.alloc.ExtentBitmap back = pagelens.core.alloc.ExtentBitmap.read(page, 2);
            for (int e = 0; e < pagelens.core.alloc.ExtentBitmap.EXTENTS; e++) {
                if (back.get(e)) {
                    expected.add(e);
                }
            }
            assertEquals(expected, java.util.Arrays.stream(pagelens.core.alloc.ExtentBitmap.setExtents(page, 2)).boxed().toList(), "round " + round);
        }
    }

    /**
     * A database of two data files (a SYNTHETIC primary of 2,048 pages and a secondary, file 3, of 1,024 pages holding more of
     * the same table, its IAM chain crossing from 1:8 to 3:8): each file alone says what it can and no more; both together
     * give the table every page of both files, checked against the chain.
     */
    @Test
    void databaseOfTwoFiles(@TempDir Path dir) throws IOException {
        Path mdf = dir.resolve("two.mdf");
        Path ndf = dir.resolve("two_2.ndf");
        DataFileSpecimen.writeWithSecondary(mdf, ndf, DataFileSpecimen.Spec.defaults(2048), 1024, ProgressMonitor.NULL);
        long table = ((long) 256 << 48) | (1000L << 16);
        // the primary alone: the catalog names the missing file; the chain stops at its border without a finding
        long primaryPages = examined(mdf, e -> {
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("catalog.file-not-given") && f.title().contains("file 3")),
                    e.findingList().toString());
            assertEquals(List.of(), allocFindings(e));
            assertFalse(e.findingList().stream().anyMatch(f -> f.severity().atLeast(pagelens.core.findings.Severity.ERROR)), e.findingList().toString());
            assertEquals(Set.of(3), e.ownership().filesNotGiven());
            return pagesByUnit(e.ownership()).get(table);
        });
        // the secondary alone: its pages verified, no catalog to read and no failure for it
        examined(ndf, e -> {
            assertNull(e.catalog());
            assertEquals(1024, e.counts().total());
            assertEquals(List.of(), e.findingList(), "a healthy secondary file alone");
            return null;
        });
        // both: one database
        List<OpenedEvidence> evs = List.of(OpenedEvidence.open(ndf), OpenedEvidence.open(mdf));
        try {
            pagelens.core.exam.DatabaseExamination d = pagelens.core.exam.DatabaseExamination.run(evs,
                    Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertEquals(mdf, d.path(), "the primary names the database");
            assertEquals(List.of(1, 3), d.store().fileIds());
            assertEquals(List.of(), d.problems());
            assertEquals(List.of("boot.hekaton-clear"), d.allFindings().stream().map(Finding::ruleId).toList(), "a healthy database of two files");
            assertTrue(d.ownership().checked());
            assertEquals(Set.of(), d.ownership().filesNotGiven());
            assertEquals(List.of(1, 2, 3), d.catalog().files().stream().map(Catalog.DatabaseFile::fileId).toList());
            long both = pagesByUnit(d.ownership()).get(table);
            // the secondary's pages whose header names the table (its IAM page, single pages 9..15, then 80 % of its extents)
            long secondaryTable = 0;
            for (long p = 0; p < 1024; p++) {
                byte[] b = d.store().readPage(3, p);
                if (b[0] == 1 && pagelens.core.catalog.IamPage.headerAuid(b) == table) {
                    secondaryTable++;
                }
            }
            assertTrue(secondaryTable > 700, secondaryTable + " table pages in the secondary");
            assertEquals(primaryPages + secondaryTable, both);
            Owner o = d.ownership().ownerOf(new PageId(3, 100));
            assertEquals(DataFileSpecimen.TABLE_NAME, o.objectName());
            assertEquals(Owner.By.HEADER, o.by());
        } finally {
            for (OpenedEvidence ev : evs) {
                ev.close();
            }
        }
        // damage in the secondary: a page whose header names another owner is found there, and located in that file
        Corruptor.reassign(ndf, 200, 1, 34);
        evs = List.of(OpenedEvidence.open(mdf), OpenedEvidence.open(ndf));
        try {
            pagelens.core.exam.DatabaseExamination d = pagelens.core.exam.DatabaseExamination.run(evs,
                    Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            List<Finding> alloc = d.allFindings().stream().filter(f -> f.ruleId().startsWith("alloc.")).toList();
            assertEquals(1, alloc.size(), alloc.toString());
            assertEquals("alloc.owner-mismatch", alloc.get(0).ruleId());
            assertEquals(3, alloc.get(0).location().fileId());
            assertEquals(200, alloc.get(0).location().pageId());
            assertEquals(ndf, alloc.get(0).location().evidence());
        } finally {
            for (OpenedEvidence ev : evs) {
                ev.close();
            }
        }
        // two primaries, or a file given twice: refused with the reason
        try (OpenedEvidence a = OpenedEvidence.open(mdf); OpenedEvidence b = OpenedEvidence.open(mdf)) {
            IOException x = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> pagelens.core.exam.DatabaseExamination.run(
                    List.of(a, b), Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL));
            assertTrue(x.getMessage().contains("both primary"), x.getMessage());
        }
    }
}

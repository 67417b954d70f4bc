package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableReader;
import pagelens.core.rows.TableSchema;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;

/**
 * A table's rows read from the evidence (docs/catalog.md 4 and 5): the public Northwind and pubs data on the real samples,
 * the values the specimen generator wrote, and what planted damage costs.
 */
class RowsTest {

    /** The rows of every user table, by name, with the reading's summary under "name#summary". */
    private static Map<String, Object> read(Path evidence, String... only) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (OpenedEvidence ev = OpenedEvidence.open(evidence)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            Catalog c = e.catalog();
            TableReader tr = new TableReader(ev.pages(ProgressMonitor.NULL), c);
            for (Catalog.DbObject t : c.userTables()) {
                if (only.length > 0 && !List.of(only).contains(t.name())) {
                    continue;
                }
                List<Row> rows = new ArrayList<>();
                TableReader.Summary s = tr.read(t, TableReader.Options.all(), (schema, r) -> rows.add(r), ProgressMonitor.NULL);
                out.put(t.name(), rows);
                out.put(t.name() + "#summary", s);
                out.put(t.name() + "#schema", tr.schema(t));
                out.put(t.name() + "#catalogRows", c.rowsetsOf(t.id()).stream().filter(r -> r.indexId() <= 1).mapToLong(Catalog.Rowset::rows).sum());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(Map<String, Object> m, String table) {
        return (List<Row>) m.get(table);
    }

    private static Object value(Map<String, Object> m, String table, Row r, String column) {
        TableSchema s = (TableSchema) m.get(table + "#schema");
        for (int i = 0; i < s.columns().size(); i++) {
            if (s.columns().get(i).name().equals(column)) {
                return r.values()[i];
            }
        }
        throw new AssertionError("no column " + column + " in " + table);
    }

    /** Every user table of the evidence decodes to the row count its own catalog keeps; returns how many tables. */
    private static int everyTableAsItsCatalogCounts(Map<String, Object> m) {
        int n = 0;
        for (String k : m.keySet()) {
            if (k.endsWith("#catalogRows")) {
                String t = k.substring(0, k.length() - "#catalogRows".length());
                assertEquals(m.get(k), (long) rows(m, t).size(), t + ": the catalog's own row count");
                n++;
            }
        }
        return n;
    }

    private static void counts(Map<String, Object> m, Map<String, Integer> expected) {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue().longValue(), rows(m, e.getKey()).size(), e.getKey());
            assertEquals(m.get(e.getKey() + "#catalogRows"), (long) rows(m, e.getKey()).size(), e.getKey() + ": the catalog's own row count");
            TableReader.Summary s = (TableReader.Summary) m.get(e.getKey() + "#summary");
            assertEquals(List.of(), s.lost(), e.getKey());
            assertEquals(0, s.fromDamaged(), e.getKey());
            assertTrue(s.complete());
        }
    }

    @Test
    void northwind2005HasThePublicData() throws IOException {
        Map<String, Object> m = read(Samples.get("northwind2005-xandelima/Northwind.bak"));
        counts(m, Map.ofEntries(Map.entry("Customers", 91), Map.entry("Orders", 830), Map.entry("Order Details", 2155), Map.entry("Products", 77),
                Map.entry("Employees", 9), Map.entry("Categories", 8), Map.entry("Suppliers", 29), Map.entry("Shippers", 3), Map.entry("Region", 4),
                Map.entry("Territories", 53), Map.entry("EmployeeTerritories", 49), Map.entry("CustomerDemographics", 0),
                Map.entry("CustomerCustomerDemo", 0)));
        assertEquals(16, everyTableAsItsCatalogCounts(m));
        Row alfki = rows(m, "Customers").get(0); // clustered on CustomerID: key order
        assertEquals("ALFKI", value(m, "Customers", alfki, "CustomerID"));
        assertEquals("Alfreds Futterkiste", value(m, "Customers", alfki, "CompanyName"));
        assertEquals("Maria Anders", value(m, "Customers", alfki, "ContactName"));
        assertNull(value(m, "Customers", alfki, "Region"), "Region is NULL for ALFKI");
        assertEquals("WOLZA", value(m, "Customers", rows(m, "Customers").get(90), "CustomerID"));
        Row order = rows(m, "Orders").get(0);
        assertEquals(10248, value(m, "Orders", order, "OrderID"));
        assertEquals("VINET", value(m, "Orders", order, "CustomerID"));
        assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), value(m, "Orders", order, "OrderDate"));
        assertEquals(new BigDecimal("32.3800"), value(m, "Orders", order, "Freight"));
        Row chai = rows(m, "Products").get(0);
        assertEquals("Chai", value(m, "Products", chai, "ProductName"));
        assertEquals(new BigDecimal("18.0000"), value(m, "Products", chai, "UnitPrice"));
        assertEquals(Boolean.FALSE, value(m, "Products", chai, "Discontinued"));
        // image through a text pointer to a LARGE_ROOT_SHILOH on this 2000-created database (catalog.md 4.5)
        Row beverages = rows(m, "Categories").get(0);
        assertEquals("Beverages", value(m, "Categories", beverages, "CategoryName"));
        assertEquals(10_746, ((byte[]) value(m, "Categories", beverages, "Picture")).length);
        assertEquals("Soft drinks, coffees, teas, beers, and ales", value(m, "Categories", beverages, "Description"));
        // every value traceable to its bytes
        int cid = 0;
        assertTrue(alfki.starts()[cid] > alfki.offset() && alfki.starts()[cid] + alfki.lengths()[cid] <= alfki.offset() + alfki.length());
    }

    @Test
    void northwind2008r2AsItsOwnerLeftIt() throws IOException {
        // this copy was changed by its owner (97 customers, 6 shippers, a table of its own): every table as its catalog counts it
        Map<String, Object> m = read(Samples.get("northwind2008r2-victorcobden/Northwind.bak"));
        counts(m, Map.ofEntries(Map.entry("Customers", 97), Map.entry("Orders", 830), Map.entry("Order Details", 2155), Map.entry("Products", 77),
                Map.entry("Employees", 9), Map.entry("Shippers", 6), Map.entry("titulos_de_contacto", 4)));
        assertEquals(15, everyTableAsItsCatalogCounts(m));
        Row davolio = rows(m, "Employees").get(0);
        assertEquals("Davolio", value(m, "Employees", davolio, "LastName"));
        assertEquals(LocalDateTime.of(1948, 12, 8, 0, 0), value(m, "Employees", davolio, "BirthDate"));
        assertTrue(((String) value(m, "Employees", davolio, "Notes")).startsWith("Education includes a BA in psychology"));
        assertEquals(21_626, ((byte[]) value(m, "Employees", davolio, "Photo")).length);
    }

    @Test
    void pubsHasThePublicData() throws IOException {
        Map<String, Object> m = read(Samples.get("pubs2012-dwipnandi/pubs.bak"));
        counts(m, Map.ofEntries(Map.entry("authors", 23), Map.entry("titles", 18), Map.entry("publishers", 8), Map.entry("sales", 21),
                Map.entry("stores", 6), Map.entry("employee", 43), Map.entry("jobs", 14), Map.entry("titleauthor", 25), Map.entry("roysched", 86),
                Map.entry("discounts", 3), Map.entry("pub_info", 8)));
        assertEquals(18, everyTableAsItsCatalogCounts(m));
        Row white = rows(m, "authors").get(0);
        assertEquals("172-32-1176", value(m, "authors", white, "au_id"));
        assertEquals("White", value(m, "authors", white, "au_lname"));
        assertEquals("Johnson", value(m, "authors", white, "au_fname"));
        assertEquals(Boolean.TRUE, value(m, "authors", white, "contract"));
        List<Object> discounts = rows(m, "discounts").stream().map(r -> value(m, "discounts", r, "discount")).toList();
        assertEquals(List.of(new BigDecimal("10.50"), new BigDecimal("6.70"), new BigDecimal("5.00")), discounts);
        // pr_info of 0736: a level-1 LARGE_ROOT_YUKON, an INTERNAL node and DATA fragments, 64,123 bytes (catalog.md 4.5)
        Row p0736 = rows(m, "pub_info").stream().filter(r -> "0736".equals(value(m, "pub_info", r, "pub_id"))).findFirst().orElseThrow();
        String pr = (String) value(m, "pub_info", p0736, "pr_info");
        assertEquals(64_123, pr.length());
        assertTrue(pr.startsWith("This is sample text data for New Moon Books, publisher 0736 in the pubs database."));
        assertFalse(p0736.hasGaps());
    }

    /** The specimen table decodes to the values the generator wrote (DataFileSpecimen.dataRecord). */
    @Test
    void specimenRowsAreWhatTheGeneratorWrote(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("rows.mdf");
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(512), ProgressMonitor.NULL);
        Map<String, Object> m = read(p, DataFileSpecimen.TABLE_NAME);
        List<Row> rows = rows(m, DataFileSpecimen.TABLE_NAME);
        assertTrue(rows.size() > 20_000, rows.size() + " rows");
        assertEquals((long) m.get(DataFileSpecimen.TABLE_NAME + "#catalogRows"), rows.size(), "the specimen's catalog counts the rows it holds");
        long previous = -1;
        for (Row r : rows) {
            int id = (Integer) value(m, "Customers", r, "CustomerId");
            long at = r.page().pageId() << 16 | r.slot();
            assertTrue(at > previous, "leaf-chain order: page by page, slot by slot");
            previous = at;
            // the generator numbers the rows of page p from p x 100, slot by slot
            assertEquals(r.page().pageId() * 100 + r.slot(), id, "row " + id + " is where the generator put it");
            assertEquals((long) id * 37 % 100_000, value(m, "Customers", r, "Amount"));
            assertEquals(String.format("C%07d", id % 10_000_000), value(m, "Customers", r, "Code"));
            assertEquals("Customer " + id, value(m, "Customers", r, "Name"));
            Object note = value(m, "Customers", r, "Note");
            assertEquals(id % 11 == 0 ? null : id % 7 == 0 ? "Ünïcødé ✓ 顧客 " + id : "note " + id, note);
            LocalDateTime created = LocalDateTime.of(1900, 1, 1, 0, 0).plusDays(45_000 + id % 365).plusNanos(Math.round(id % 300 * 10.0 / 3.0) * 1_000_000L);
            assertEquals(created, value(m, "Customers", r, "Created"));
            byte[] name = ("Customer " + id).getBytes(StandardCharsets.US_ASCII);
            assertEquals(name.length, r.lengths()[4], "Name's byte range");
            assertNull(r.damage());
        }
    }

    /** Planted damage: every other row is still read; the damaged pages' rows are marked; a lost page is named. */
    @Test
    void damageCostsOnlyItsPages(@TempDir Path dir) throws IOException {
        Path clean = dir.resolve("clean.mdf");
        Path bad = dir.resolve("bad.mdf");
        DataFileSpecimen.write(clean, DataFileSpecimen.Spec.defaults(512), ProgressMonitor.NULL);
        DataFileSpecimen.write(bad, DataFileSpecimen.Spec.defaults(512), ProgressMonitor.NULL);
        Corruptor.flipBit(bad, 40, 3000, 3);
        Corruptor.zeroPage(bad, 44);
        List<Row> good = rows(read(clean, "Customers"), "Customers");
        Map<String, Object> m = read(bad, "Customers");
        List<Row> got = rows(m, "Customers");
        TableReader.Summary s = (TableReader.Summary) m.get("Customers#summary");
        assertEquals(List.of(new PageId(1, 44)), s.lost().stream().map(TableReader.LostPage::page).toList());
        List<Row> fromOthers = got.stream().filter(r -> r.page().pageId() != 40).toList();
        List<Row> expected = good.stream().filter(r -> r.page().pageId() != 40 && r.page().pageId() != 44).toList();
        assertEquals(expected.size(), fromOthers.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).values(), fromOthers.get(k).values());
            assertNull(fromOthers.get(k).damage());
        }
        List<Row> flipped = got.stream().filter(r -> r.page().pageId() == 40).toList();
        assertFalse(flipped.isEmpty(), "rows of the page with a flipped bit are still decoded");
        assertTrue(flipped.stream().allMatch(r -> r.damage() != null && r.damage().contains("checksum")), flipped.get(0).damage());
        assertEquals(flipped.size(), s.fromDamaged());
    }
}

package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableReader;
import pagelens.core.rows.TableSchema;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;

/**
 * The specimen's table of every type, dbo.TypeSamples (SYNTHETIC, written by the generator from catalog.md's layouts): each
 * value decodes to the literal below; NULLs, empty strings, maxima and minima, a row-overflow value, a value on two LOB pages,
 * a text value, a deleted (ghost) row and a forwarded row; damage on an off-row page is a gap in that value only.
 */
class TypedSpecimenTest {

    private record Read(Examination exam, Catalog catalog, TableSchema schema, List<Row> rows, TableReader.Summary summary) {
        Object v(Row r, String column) {
            List<TableColumn> cols = schema.columns();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals(column)) {
                    return r.values()[i];
                }
            }
            throw new AssertionError("no column " + column);
        }

        String gap(Row r, String column) {
            List<TableColumn> cols = schema.columns();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals(column)) {
                    return r.gaps()[i];
                }
            }
            throw new AssertionError("no column " + column);
        }

        Row id(int id) {
            return rows.stream().filter(r -> Integer.valueOf(id).equals(v(r, "Id"))).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
        }
    }

    private static Read read(Path p) throws IOException {
        try (OpenedEvidence ev = OpenedEvidence.open(p)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            Catalog c = e.catalog();
            Catalog.DbObject t = c.userTables().stream().filter(o -> o.name().equals("TypeSamples")).findFirst()
                    .orElseThrow(() -> new AssertionError("no TypeSamples in " + c.userTables()));
            TableReader tr = new TableReader(ev.pages(ProgressMonitor.NULL), c);
            List<Row> rows = new ArrayList<>();
            TableReader.Summary s = tr.read(t, new TableReader.Options(true, 0), (schema, r) -> rows.add(r), ProgressMonitor.NULL);
            long rcrows = c.rowsetsOf(t.id()).stream().filter(r -> r.indexId() <= 1).mapToLong(Catalog.Rowset::rows).sum();
            assertEquals(7, rcrows, "the catalog's row count (the deleted row not counted)");
            return new Read(e, c, tr.schema(t), rows, s);
        }
    }

    private static Path specimen(Path dir) throws IOException {
        Path p = dir.resolve("typed.mdf");
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(512), ProgressMonitor.NULL);
        return p;
    }

    @Test
    void everyTypeDecodesToWhatTheGeneratorWrote(@TempDir Path dir) throws IOException {
        Read r = read(specimen(dir));
        // a clean specimen: nothing found on the table's pages, nothing worse than info anywhere
        for (Finding f : r.exam().findingList()) {
            assertFalse(f.severity().atLeast(pagelens.core.findings.Severity.WARNING), f.toString());
        }
        assertEquals(List.of("Id", "Flag", "Flag2", "Tiny", "Small", "Big", "Dec", "Mon", "SMon", "Re", "Fl", "Dt", "SDt", "D", "T", "Dt2", "Dto", "G",
                "Ts", "Ch", "NCh", "Bin", "VcLatin", "VcCyr", "VcJp", "NVc", "VBin", "Var", "Long", "Max", "Txt", "X"),
                r.schema().columns().stream().map(TableColumn::name).toList());
        // heap order: page 33 (rows 1-5 and 7; the stub of row 6 is no row), then page 34 (row 6 forwarded there, row 8)
        assertEquals(List.of(1, 2, 3, 4, 5, 7, 6, 8), r.rows().stream().map(x -> (Integer) r.v(x, "Id")).toList());
        assertEquals(8, r.summary().rows());
        assertEquals(1, r.summary().deleted());
        assertEquals(0, r.summary().fromDamaged());
        assertTrue(r.summary().lost().isEmpty());

        Row one = r.id(1);
        assertEquals(Row.Kind.ROW, one.kind());
        assertEquals(new PageId(1, 33), one.page());
        assertEquals(0, one.slot());
        assertEquals(true, r.v(one, "Flag"));
        assertEquals(false, r.v(one, "Flag2"));
        assertEquals(42, r.v(one, "Tiny"));
        assertEquals(-1234, r.v(one, "Small"));
        assertEquals(1234567890123L, r.v(one, "Big"));
        assertEquals(new BigDecimal("-12345.6789"), r.v(one, "Dec"));
        assertEquals(new BigDecimal("18.0000"), r.v(one, "Mon"));
        assertEquals(new BigDecimal("-3.5000"), r.v(one, "SMon"));
        assertEquals(1.5f, r.v(one, "Re"));
        assertEquals(-2.25, r.v(one, "Fl"));
        assertEquals(LocalDateTime.of(1996, 7, 4, 13, 45, 30, 123_000_000), r.v(one, "Dt"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59), r.v(one, "SDt"));
        assertEquals(LocalDate.of(2023, 9, 27), r.v(one, "D"));
        assertEquals(LocalTime.of(12, 34, 56, 123_456_700), r.v(one, "T"));
        assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 678_000_000), r.v(one, "Dt2"));
        assertEquals(OffsetDateTime.of(2021, 6, 30, 22, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), r.v(one, "Dto"));
        assertEquals(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), r.v(one, "G"));
        assertArrayEquals(new byte[] { 0, 0, 0, 0, 0, 0, 0x07, (byte) 0xD1 }, (byte[]) r.v(one, "Ts"));
        assertEquals("ALFKI     ", r.v(one, "Ch"), "char(10) is padded with spaces");
        assertEquals("été ", r.v(one, "NCh"), "nchar(4) is padded with spaces");
        assertArrayEquals(new byte[] { (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF }, (byte[]) r.v(one, "Bin"));
        assertEquals("Café crème €5", r.v(one, "VcLatin"), "windows-1252");
        assertEquals("Привет", r.v(one, "VcCyr"), "windows-1251 from the column's collation");
        assertEquals("日本語テキスト", r.v(one, "VcJp"), "windows-31j (932) from the column's collation");
        assertEquals("Ünïcødé ✓ 顧客", r.v(one, "NVc"));
        assertArrayEquals(new byte[] { 1, 2, 3 }, (byte[]) r.v(one, "VBin"));
        assertEquals(123456789L, r.v(one, "Var"), "sql_variant of base type bigint");
        assertEquals("short in-row varchar(8000)", r.v(one, "Long"));
        assertEquals("in-row nvarchar(max)", r.v(one, "Max"));
        assertEquals("a text value on a LOB page", r.v(one, "Txt"), "text through its 16-byte pointer to a SMALL_ROOT on page 39");
        assertArrayEquals(new byte[] { (byte) 0xDF, (byte) 0xFF, 0x01, (byte) 0xB0, 0x04 }, (byte[]) r.v(one, "X"));
        assertFalse(one.hasGaps());
        assertNull(one.damage());
        // every value knows its bytes: Id at R+4 (4 bytes), Txt is its 16-byte pointer
        int idCol = r.schema().columns().indexOf(r.schema().columns().stream().filter(c -> c.name().equals("Id")).findFirst().orElseThrow());
        assertEquals(one.offset() + 4, one.starts()[idCol]);
        assertEquals(4, one.lengths()[idCol]);
        int txtCol = r.schema().columns().indexOf(r.schema().columns().stream().filter(c -> c.name().equals("Txt")).findFirst().orElseThrow());
        assertEquals(16, one.lengths()[txtCol]);

        Row two = r.id(2);
        assertEquals(255, r.v(two, "Tiny"));
        assertEquals(32767, r.v(two, "Small"));
        assertEquals(Long.MAX_VALUE, r.v(two, "Big"));
        assertEquals(new BigDecimal("999999999999999.9999"), r.v(two, "Dec"));
        assertEquals(new BigDecimal("922337203685477.5807"), r.v(two, "Mon"));
        assertEquals(new BigDecimal("214748.3647"), r.v(two, "SMon"));
        assertEquals(Float.MAX_VALUE, r.v(two, "Re"));
        assertEquals(Double.MAX_VALUE, r.v(two, "Fl"));
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000), r.v(two, "Dt"));
        assertEquals(LocalDateTime.of(2079, 6, 6, 23, 59), r.v(two, "SDt"));
        assertEquals(LocalDate.of(9999, 12, 31), r.v(two, "D"));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_900), r.v(two, "T"));
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000), r.v(two, "Dt2"));
        assertEquals(OffsetDateTime.of(9999, 12, 31, 9, 59, 59, 999_999_900, ZoneOffset.ofHours(-14)), r.v(two, "Dto"));
        assertEquals(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), r.v(two, "G"));
        assertEquals("x".repeat(50), r.v(two, "VcLatin"));
        assertEquals("Я".repeat(50), r.v(two, "VcCyr"));
        assertEquals("ア".repeat(25), r.v(two, "VcJp"));
        assertEquals("nvarchar in a variant", r.v(two, "Var"), "sql_variant of base type nvarchar");
        assertEquals("M".repeat(1000), r.v(two, "Max"));
        assertNull(r.v(two, "Txt"), "a trailing NULL");

        Row three = r.id(3);
        assertEquals(0, r.v(three, "Tiny"));
        assertEquals(-32768, r.v(three, "Small"));
        assertEquals(Long.MIN_VALUE, r.v(three, "Big"));
        assertEquals(new BigDecimal("-999999999999999.9999"), r.v(three, "Dec"));
        assertEquals(new BigDecimal("-922337203685477.5808"), r.v(three, "Mon"));
        assertEquals(new BigDecimal("-214748.3648"), r.v(three, "SMon"));
        assertEquals(-Float.MAX_VALUE, r.v(three, "Re"));
        assertEquals(Double.MIN_VALUE, r.v(three, "Fl"));
        assertEquals(LocalDateTime.of(1753, 1, 1, 0, 0), r.v(three, "Dt"));
        assertEquals(LocalDateTime.of(1900, 1, 1, 0, 0), r.v(three, "SDt"));
        assertEquals(LocalDate.of(1, 1, 1), r.v(three, "D"));
        assertEquals(LocalTime.MIDNIGHT, r.v(three, "T"));
        assertEquals(LocalDateTime.of(1, 1, 1, 0, 0), r.v(three, "Dt2"));
        assertEquals(OffsetDateTime.of(1, 1, 1, 14, 0, 0, 0, ZoneOffset.ofHours(14)), r.v(three, "Dto"));
        assertEquals(new UUID(0, 0), r.v(three, "G"));
        assertEquals("          ", r.v(three, "Ch"));
        for (String empty : List.of("VcLatin", "VcCyr", "VcJp", "NVc", "Long", "Max")) {
            assertEquals("", r.v(three, empty), empty + ": an empty string, not NULL");
        }
        assertArrayEquals(new byte[0], (byte[]) r.v(three, "VBin"));
        assertArrayEquals(new byte[0], (byte[]) r.v(three, "X"));
        assertEquals(0, r.v(three, "Var"), "sql_variant of base type int");

        Row four = r.id(4);
        for (TableColumn c : r.schema().columns()) {
            if (!c.name().equals("Id")) {
                assertNull(r.v(four, c.name()), c.name() + " is NULL");
            }
        }

        Row five = r.id(5);
        assertEquals(Row.Kind.DELETED, five.kind(), "a ghost record is a deleted row");
        assertEquals("Café crème €5", r.v(five, "VcLatin"), "a deleted row's values are still there");

        Row six = r.id(6);
        assertEquals(Row.Kind.FORWARDED, six.kind());
        assertEquals(new PageId(1, 34), six.page(), "read where it was forwarded to, once (the stub on 1:33 is no row)");
        assertEquals("moved: this row was forwarded", r.v(six, "VcLatin"));
        assertEquals(new BigDecimal("-12345.6789"), r.v(six, "Dec"));

        Row seven = r.id(7);
        String overflow = (String) r.v(seven, "Long");
        assertEquals(5000, overflow.length(), "the row-overflow value, read from page 36");
        assertTrue(overflow.startsWith("RRRR") && overflow.endsWith("0123456789"));
        String max = (String) r.v(seven, "Max");
        assertEquals(6000, max.length(), "nvarchar(max) of 12,000 bytes on two LOB pages");
        assertEquals("Å".repeat(3000) + "Ж".repeat(3000), max);
        assertFalse(seven.hasGaps());

        Row eight = r.id(8);
        assertNull(r.v(eight, "VcLatin"), "NULL in the middle of the variable columns");
        assertEquals("after the forwarded record", r.v(eight, "NVc"));
        assertEquals(new PageId(1, 34), eight.page());
    }

    /** Damage on an off-row page is a gap in that value: the row and its other values stand. */
    @Test
    void aLostOverflowPageIsAGapInOneValue(@TempDir Path dir) throws IOException {
        Path p = specimen(dir);
        Corruptor.zeroPage(p, 36);
        Read r = read(p);
        Row seven = r.id(7);
        assertNotNull(r.gap(seven, "Long"), "the row-overflow value's page is gone");
        assertNull(r.gap(seven, "Max"));
        assertEquals(6000, ((String) r.v(seven, "Max")).length());
        assertEquals(new BigDecimal("-12345.6789"), r.v(seven, "Dec"));
        assertEquals(8, r.rows().size(), "every row is still read");
        assertTrue(r.exam().findingList().stream().anyMatch(f -> f.location() != null && f.location().pageId() == 36 && f.rule().id().equals("page.zero-filled")),
                "the zeroed page is a finding: " + r.exam().findingList());
        assertTrue(Arrays.stream(r.rows().toArray(Row[]::new)).filter(x -> x != seven).noneMatch(Row::hasGaps));
    }
}

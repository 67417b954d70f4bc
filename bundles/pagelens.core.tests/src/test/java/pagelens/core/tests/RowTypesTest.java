package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.rows.LobReader;
import pagelens.core.rows.Row;
import pagelens.core.rows.RowDecoder;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableSchema;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.store.Provenance;

/**
 * Every data type PageLens decodes, written here from the encodings in docs/catalog.md section 5 (an encoder of this test's
 * own, not the decoder run backwards) into SYNTHETIC FixedVar records, with minimum and maximum values, NULLs, empty strings,
 * a column added after the record was written, a deleted (ghost) record, and LOB values on text pages (a (max) value in two
 * DATA fragments through an in-row root, a text value through a text pointer to a SMALL_ROOT, a broken chain).
 */
class RowTypesTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final int COLLATION = 0x3400D008; // SQL_Latin1_General_CP1_CI_AS: code page 1252

    /** A column: name, xtype, max length, precision, scale, and the fixed size when fixed (-1 variable, 0 bit). */
    private record Col(String name, int xtype, int length, int precision, int scale, int fixed) {
    }

    private static final List<Col> COLS = List.of(new Col("b", 104, 1, 0, 0, 0), new Col("ti", 48, 1, 0, 0, 1), new Col("si", 52, 2, 0, 0, 2),
            new Col("i", 56, 4, 0, 0, 4), new Col("bi", 127, 8, 0, 0, 8), new Col("d", 106, 9, 18, 4, 9), new Col("n", 108, 17, 38, 10, 17),
            new Col("m", 60, 8, 0, 0, 8), new Col("sm", 122, 4, 0, 0, 4), new Col("r", 59, 4, 0, 0, 4), new Col("f", 62, 8, 0, 0, 8),
            new Col("dt", 61, 8, 0, 0, 8), new Col("sdt", 58, 4, 0, 0, 4), new Col("da", 40, 3, 0, 0, 3), new Col("t", 41, 5, 0, 7, 5),
            new Col("dt2", 42, 7, 0, 3, 7), new Col("dto", 43, 10, 0, 7, 10), new Col("c", 175, 10, 0, 0, 10), new Col("nc", 239, 10, 0, 0, 10),
            new Col("bin", 173, 4, 0, 0, 4), new Col("g", 36, 16, 0, 0, 16), new Col("ts", 189, 8, 0, 0, 8), new Col("vc", 167, 50, 0, 0, -1),
            new Col("nvc", 231, 100, 0, 0, -1), new Col("vb", 165, 20, 0, 0, -1), new Col("sv", 98, 8016, 0, 0, -1),
            new Col("vmax", 167, 0, 0, 0, -1), new Col("tx", 35, 16, 0, 0, -1), new Col("added", 56, 4, 0, 0, 4));

    /** The schema the records are written by: fixed columns packed from R+4 in order, variable columns numbered in order. */
    private static TableSchema schema() {
        List<TableColumn> out = new ArrayList<>();
        int at = 4;
        int var = 0;
        int bitByte = -1;
        for (int k = 0; k < COLS.size(); k++) {
            Col c = COLS.get(k);
            int leaf;
            int bitPos = 0;
            if (c.fixed() == 0) {
                bitByte = at;
                leaf = at++;
            } else if (c.fixed() > 0) {
                leaf = at;
                at += c.fixed();
            } else {
                leaf = -(++var);
            }
            out.add(new TableColumn(c.name(), k + 1, c.xtype(), c.length(), c.precision(), c.scale(), COLLATION, leaf, k + 1, bitPos, 0));
        }
        assertTrue(bitByte > 0);
        return TableSchema.of(out);
    }

    // ---------------------------------------------------------------- an encoder written from catalog.md section 5

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] decimal(BigDecimal v, int scale, int size) {
        BigInteger mag = v.setScale(scale).unscaledValue().abs();
        byte[] be = mag.toByteArray();
        byte[] out = new byte[size];
        out[0] = (byte) (v.signum() < 0 ? 0 : 1);
        for (int i = 0; i < be.length && i < size - 1; i++) {
            out[1 + i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] datetime(LocalDateTime t) {
        long days = ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1), t.toLocalDate());
        long ticks = Math.round(t.toLocalTime().toNanoOfDay() / 1e9 * 300);
        byte[] b = new byte[8];
        System.arraycopy(le(ticks, 4), 0, b, 0, 4);
        System.arraycopy(le(days, 4), 0, b, 4, 4);
        return b;
    }

    private static byte[] date3(LocalDate d) {
        return le(ChronoUnit.DAYS.between(LocalDate.of(1, 1, 1), d), 3);
    }

    private static byte[] time(LocalTime t, int scale, int bytes) {
        return le(t.toNanoOfDay() / (long) Math.pow(10, 9 - scale), bytes);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static byte[] guid(UUID u) {
        long hi = u.getMostSignificantBits();
        return cat(le(hi >>> 32, 4), le(hi >>> 16 & 0xFFFF, 2), le(hi & 0xFFFF, 2), java.nio.ByteBuffer.allocate(8).putLong(u.getLeastSignificantBits()).array());
    }

    /** Values of one row, by column name; absent names are NULL. Complex var columns are given as Complex. */
    private record Complex(byte[] bytes) {
    }

    /** A FixedVar record by the schema (catalog.md 4.1): fixed part, column count, null bitmap, variable columns. */
    private static byte[] record(TableSchema s, Map<String, byte[]> fixed, Map<String, Object> var, Map<String, Boolean> bits, int columnCount,
            int storedVars, boolean ghost) {
        List<TableColumn> cols = s.stored();
        int fixedEnd = 4;
        for (TableColumn c : cols) {
            if (c.leafOffset() > 0 && c.nullBit() <= columnCount) {
                int size = c.xtype() == 104 ? 1 : COLS.get(c.columnId() - 1).fixed();
                fixedEnd = Math.max(fixedEnd, c.leafOffset() + size);
            }
        }
        byte[] fx = new byte[fixedEnd];
        byte[] nulls = new byte[(columnCount + 7) / 8];
        List<byte[]> vars = new ArrayList<>();
        List<Boolean> complex = new ArrayList<>();
        for (TableColumn c : cols) {
            if (c.nullBit() > columnCount) {
                continue;
            }
            boolean isNull;
            if (c.xtype() == 104) {
                Boolean v = bits.get(c.name());
                isNull = v == null;
                if (v != null && v) {
                    fx[c.leafOffset()] |= (byte) (1 << c.bitPos());
                }
            } else if (c.leafOffset() > 0) {
                byte[] v = fixed.get(c.name());
                isNull = v == null;
                if (v != null) {
                    System.arraycopy(v, 0, fx, c.leafOffset(), v.length);
                }
            } else {
                Object v = var.get(c.name());
                isNull = v == null;
                int n = -c.leafOffset();
                while (vars.size() < n) {
                    vars.add(new byte[0]);
                    complex.add(false);
                }
                if (v instanceof Complex cx) {
                    vars.set(n - 1, cx.bytes());
                    complex.set(n - 1, true);
                } else if (v != null) {
                    vars.set(n - 1, (byte[]) v);
                }
            }
            if (isNull) {
                nulls[(c.nullBit() - 1) / 8] |= (byte) (1 << ((c.nullBit() - 1) % 8));
            }
        }
        int nv = Math.min(storedVars, vars.size());
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        fx[0] = (byte) ((ghost ? 6 << 1 : 0) | 0x10 | (nv > 0 ? 0x20 : 0));
        fx[2] = (byte) fixedEnd;
        fx[3] = (byte) (fixedEnd >>> 8);
        o.writeBytes(fx);
        o.writeBytes(le(columnCount, 2));
        o.writeBytes(nulls);
        if (nv > 0) {
            o.writeBytes(le(nv, 2));
            int end = o.size() + 2 * nv;
            for (int k = 0; k < nv; k++) {
                end += vars.get(k).length;
                o.writeBytes(le(end | (complex.get(k) ? 0x8000 : 0), 2));
            }
            for (int k = 0; k < nv; k++) {
                o.writeBytes(vars.get(k));
            }
        }
        return o.toByteArray();
    }

    /** A page holding one record at offset 96, slot 0. */
    private static byte[] page(int type, PageId id, byte[] record) {
        byte[] p = new byte[Page.SIZE];
        p[0] = 1;
        p[1] = (byte) type;
        System.arraycopy(le(id.pageId(), 4), 0, p, 0x20, 4);
        System.arraycopy(le(id.fileId(), 2), 0, p, 0x24, 2);
        System.arraycopy(le(1, 2), 0, p, 0x16, 2);
        System.arraycopy(le(96 + record.length, 2), 0, p, 0x1E, 2);
        System.arraycopy(le(Page.SIZE - 96 - record.length - 2, 2), 0, p, 0x1C, 2);
        System.arraycopy(record, 0, p, 96, record.length);
        System.arraycopy(le(96, 2), 0, p, Page.SIZE - 2, 2);
        return p;
    }

    /** A blob fragment record (catalog.md 4.5): status 0x08, fixed end, blob id, type, then the type's layout. */
    private static byte[] fragment(int type, byte[] body) {
        byte[] head = cat(new byte[] { 0x08, 0 }, le(4 + 10 + body.length, 2), le(0x1234_5678L, 8), le(type, 2));
        return cat(head, body);
    }

    /** Pages in memory (the text pages the LOB values lie on). */
    private static final class MemoryStore implements PageStore {
        final Map<PageId, byte[]> pages = new HashMap<>();

        @Override
        public Path evidence() {
            return Path.of("synthetic");
        }

        @Override
        public String description() {
            return "pages in memory";
        }

        @Override
        public List<Integer> fileIds() {
            return List.of(1);
        }

        @Override
        public long pageLimit(int fileId) {
            return 1000;
        }

        @Override
        public List<PageCopy> copies(PageId id) {
            return pages.containsKey(id) ? List.of(new PageCopy(id, new Provenance(evidence(), id.pageId() * Page.SIZE, 0))) : List.of();
        }

        @Override
        public byte[] read(PageCopy copy) throws IOException {
            return pages.get(copy.id()).clone();
        }

        @Override
        public void close() {
        }
    }

    private static Object value(TableSchema s, Row r, String name) {
        for (int i = 0; i < s.columns().size(); i++) {
            if (s.columns().get(i).name().equals(name)) {
                return r.values()[i];
            }
        }
        throw new AssertionError(name);
    }

    private static String gap(TableSchema s, Row r, String name) {
        for (int i = 0; i < s.columns().size(); i++) {
            if (s.columns().get(i).name().equals(name)) {
                return r.gaps()[i];
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void everyTypeDecodesToTheValueWritten() throws IOException {
        TableSchema s = schema();
        MemoryStore store = new MemoryStore();
        // a varchar(max) value in two DATA fragments on text pages 1:100 and 1:101, through an in-row root (kind 4)
        String big = "x".repeat(5000) + "é" + "y".repeat(4000);
        byte[] bigBytes = big.getBytes(CP1252);
        store.pages.put(new PageId(1, 100), page(3, new PageId(1, 100), fragment(3, java.util.Arrays.copyOfRange(bigBytes, 0, 6000))));
        store.pages.put(new PageId(1, 101), page(3, new PageId(1, 101), fragment(3, java.util.Arrays.copyOfRange(bigBytes, 6000, bigBytes.length))));
        byte[] root = cat(new byte[] { 4, 0, 0, 0 }, le(1, 4), le(2, 4), le(6000, 4), le(100, 4), le(1, 2), le(0, 2), le(bigBytes.length, 4),
                le(101, 4), le(1, 2), le(0, 2));
        // a text value through a text pointer to a SMALL_ROOT on 1:102 slot 0
        byte[] textBytes = "Ünïcødé text in code page 1252 ‰".getBytes(CP1252);
        store.pages.put(new PageId(1, 102), page(3, new PageId(1, 102), fragment(0, cat(le(textBytes.length, 2), new byte[4], textBytes))));
        byte[] pointer = cat(le(0xABCDEF, 4), le(0, 4), le(102, 4), le(1, 2), le(0, 2));
        RowDecoder dec = new RowDecoder(s, new LobReader(store));

        // row 1: maximum values
        UUID u = UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");
        Map<String, byte[]> fx = new HashMap<>();
        fx.put("ti", le(255, 1));
        fx.put("si", le(Short.MAX_VALUE, 2));
        fx.put("i", le(Integer.MAX_VALUE, 4));
        fx.put("bi", le(Long.MAX_VALUE, 8));
        fx.put("d", decimal(new BigDecimal("99999999999999.9999"), 4, 9));
        fx.put("n", decimal(new BigDecimal("9999999999999999999999999999.9999999999"), 10, 17));
        fx.put("m", le(Long.MAX_VALUE, 8));
        fx.put("sm", le(Integer.MAX_VALUE, 4));
        fx.put("r", le(Float.floatToIntBits(Float.MAX_VALUE), 4));
        fx.put("f", le(Double.doubleToLongBits(Double.MAX_VALUE), 8));
        fx.put("dt", datetime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000)));
        fx.put("sdt", cat(le(1439, 2), le(ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1), LocalDate.of(2079, 6, 6)), 2)));
        fx.put("da", date3(LocalDate.of(9999, 12, 31)));
        fx.put("t", time(LocalTime.of(23, 59, 59, 999_999_900), 7, 5));
        fx.put("dt2", cat(time(LocalTime.of(12, 34, 56, 789_000_000), 3, 4), date3(LocalDate.of(2024, 2, 29))));
        // 2024-02-29 10:00 at +05:30 is stored as UTC 04:30 with offset 330 minutes
        fx.put("dto", cat(time(LocalTime.of(4, 30), 7, 5), date3(LocalDate.of(2024, 2, 29)), le(330, 2)));
        fx.put("c", "abc       ".getBytes(CP1252));
        fx.put("nc", "ñ✓   ".getBytes(StandardCharsets.UTF_16LE));
        fx.put("bin", new byte[] { (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF });
        fx.put("g", guid(u));
        fx.put("ts", new byte[] { 0, 0, 0, 0, 0, 0, 0x07, (byte) 0xD1 });
        Map<String, Object> var = new HashMap<>();
        var.put("vc", "Crème brûlée".getBytes(CP1252));
        var.put("nvc", "顧客 😀 Ω".getBytes(StandardCharsets.UTF_16LE));
        var.put("vb", new byte[] { 1, 2, 3 });
        var.put("sv", cat(new byte[] { (byte) 231, 1 }, le(100, 2), le(COLLATION, 4), "variant ✓".getBytes(StandardCharsets.UTF_16LE)));
        var.put("vmax", new Complex(root));
        var.put("tx", new Complex(pointer));
        Map<String, Boolean> bits = Map.of("b", true);
        int[] slot = { 0 };
        byte[] pg = new byte[Page.SIZE];
        Row max = decodeOne(dec, pg, record(s, fx, var, bits, COLS.size() - 1, 99, false), slot);
        assertEquals(Boolean.TRUE, value(s, max, "b"));
        assertEquals(255, value(s, max, "ti"));
        assertEquals((int) Short.MAX_VALUE, value(s, max, "si"));
        assertEquals(Integer.MAX_VALUE, value(s, max, "i"));
        assertEquals(Long.MAX_VALUE, value(s, max, "bi"));
        assertEquals(new BigDecimal("99999999999999.9999"), value(s, max, "d"));
        assertEquals(new BigDecimal("9999999999999999999999999999.9999999999"), value(s, max, "n"));
        assertEquals(new BigDecimal("922337203685477.5807"), value(s, max, "m"));
        assertEquals(new BigDecimal("214748.3647"), value(s, max, "sm"));
        assertEquals(Float.MAX_VALUE, value(s, max, "r"));
        assertEquals(Double.MAX_VALUE, value(s, max, "f"));
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000), value(s, max, "dt"));
        assertEquals(LocalDateTime.of(2079, 6, 6, 23, 59), value(s, max, "sdt"));
        assertEquals(LocalDate.of(9999, 12, 31), value(s, max, "da"));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_900), value(s, max, "t"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), value(s, max, "dt2"));
        assertEquals(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), value(s, max, "dto"));
        assertEquals("abc       ", value(s, max, "c"));
        assertEquals("ñ✓   ", value(s, max, "nc"));
        assertArrayEquals(new byte[] { (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF }, (byte[]) value(s, max, "bin"));
        assertEquals(u, value(s, max, "g"));
        assertArrayEquals(new byte[] { 0, 0, 0, 0, 0, 0, 0x07, (byte) 0xD1 }, (byte[]) value(s, max, "ts"));
        assertEquals("Crème brûlée", value(s, max, "vc"));
        assertEquals("顧客 😀 Ω", value(s, max, "nvc"));
        assertArrayEquals(new byte[] { 1, 2, 3 }, (byte[]) value(s, max, "vb"));
        assertEquals("variant ✓", value(s, max, "sv"), "sql_variant with its base type nvarchar");
        assertEquals(big, value(s, max, "vmax"), "a (max) value across two text pages");
        assertNull(gap(s, max, "vmax"));
        assertEquals(new String(textBytes, CP1252), value(s, max, "tx"), "text through its text pointer");
        assertNull(value(s, max, "added"), "a column added after the record was written reads as NULL");
        assertEquals(Row.Kind.ROW, max.kind());

        // row 2: minimum values, sql_variant int, empty strings, a NULL in the middle
        fx.clear();
        fx.put("ti", le(0, 1));
        fx.put("si", le(Short.MIN_VALUE, 2));
        fx.put("i", le(Integer.MIN_VALUE, 4));
        fx.put("bi", le(Long.MIN_VALUE, 8));
        fx.put("d", decimal(new BigDecimal("-12.3400"), 4, 9));
        fx.put("n", decimal(new BigDecimal("0E-10"), 10, 17));
        fx.put("m", le(Long.MIN_VALUE, 8));
        fx.put("sm", le(Integer.MIN_VALUE, 4));
        fx.put("r", le(Float.floatToIntBits(-1.5f), 4));
        fx.put("f", le(Double.doubleToLongBits(-Double.MIN_VALUE), 8));
        fx.put("dt", datetime(LocalDateTime.of(1753, 1, 1, 0, 0)));
        fx.put("sdt", cat(le(0, 2), le(0, 2)));
        fx.put("da", date3(LocalDate.of(1, 1, 1)));
        fx.put("t", time(LocalTime.MIDNIGHT, 7, 5));
        fx.put("dt2", cat(time(LocalTime.MIDNIGHT, 3, 4), date3(LocalDate.of(1, 1, 1))));
        fx.put("dto", cat(time(LocalTime.of(23, 0), 7, 5), date3(LocalDate.of(2023, 12, 31)), le(-60, 2)));
        fx.put("c", "          ".getBytes(CP1252));
        fx.put("bin", new byte[4]);
        fx.put("g", guid(new UUID(0, 0)));
        fx.put("ts", new byte[8]);
        fx.put("added", le(0, 4));
        var.clear();
        var.put("vc", new byte[0]);
        var.put("nvc", new byte[0]);
        var.put("sv", cat(new byte[] { 56, 1 }, le(-7, 4)));
        Map<String, Boolean> falseBit = Map.of("b", false);
        Row min = decodeOne(dec, pg, record(s, fx, var, falseBit, COLS.size(), 4, false), slot);
        assertEquals(Boolean.FALSE, value(s, min, "b"));
        assertEquals(0, value(s, min, "ti"));
        assertEquals((int) Short.MIN_VALUE, value(s, min, "si"));
        assertEquals(Integer.MIN_VALUE, value(s, min, "i"));
        assertEquals(Long.MIN_VALUE, value(s, min, "bi"));
        assertEquals(new BigDecimal("-12.3400"), value(s, min, "d"));
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) value(s, min, "n")));
        assertEquals(new BigDecimal("-922337203685477.5808"), value(s, min, "m"));
        assertEquals(new BigDecimal("-214748.3648"), value(s, min, "sm"));
        assertEquals(-1.5f, value(s, min, "r"));
        assertEquals(-Double.MIN_VALUE, value(s, min, "f"));
        assertEquals(LocalDateTime.of(1753, 1, 1, 0, 0), value(s, min, "dt"));
        assertEquals(LocalDateTime.of(1900, 1, 1, 0, 0), value(s, min, "sdt"));
        assertEquals(LocalDate.of(1, 1, 1), value(s, min, "da"));
        assertEquals(LocalTime.MIDNIGHT, value(s, min, "t"));
        assertEquals(OffsetDateTime.of(2023, 12, 31, 22, 0, 0, 0, ZoneOffset.ofHours(-1)), value(s, min, "dto"));
        assertNull(value(s, min, "nc"), "nc not given: NULL");
        assertEquals(new UUID(0, 0), value(s, min, "g"));
        assertEquals("", value(s, min, "vc"), "an empty string is not NULL");
        assertEquals("", value(s, min, "nvc"));
        assertNull(value(s, min, "vb"), "vb NULL");
        assertEquals(-7, value(s, min, "sv"), "sql_variant with its base type int");
        assertNull(value(s, min, "vmax"), "a trailing variable column the record does not store, NULL by its null bit");
        assertEquals(0, value(s, min, "added"), "added: given as 0 in this record");

        // row 3: every column NULL, in a deleted (ghost) record
        Row nulls = decodeOne(dec, pg, record(s, Map.of(), Map.of(), Map.of(), COLS.size(), 0, true), slot);
        assertEquals(Row.Kind.DELETED, nulls.kind());
        for (Object v : nulls.values()) {
            assertNull(v);
        }

        // row 4: a LOB chain that breaks (the second fragment's page is not in the evidence): a stated gap, the bytes read kept
        byte[] broken = cat(new byte[] { 4, 0, 0, 0 }, le(1, 4), le(2, 4), le(6000, 4), le(100, 4), le(1, 2), le(0, 2), le(bigBytes.length, 4),
                le(555, 4), le(1, 2), le(0, 2));
        var.clear();
        var.put("vmax", new Complex(broken));
        Row gapRow = decodeOne(dec, pg, record(s, Map.of("i", le(4, 4)), var, Map.of(), COLS.size() - 1, 99, false), slot);
        assertEquals(6000, ((String) value(s, gapRow, "vmax")).length(), "the first fragment's bytes are kept");
        assertTrue(gap(s, gapRow, "vmax").startsWith("LOB page 1:555 is not in the evidence"), gap(s, gapRow, "vmax"));
    }

    /**
     * A shallow LOB tree that fans out: an INTERNAL node with 400 links to a second INTERNAL node with 400 links to one small
     * DATA fragment (160,401 fragment reads, 1.6 MB). It stops at the fragment budget with a gap, the bytes read kept.
     */
    @Test
    void aLobTreeThatFansOutIsBounded() {
        TableSchema s = schema();
        MemoryStore store = new MemoryStore();
        store.pages.put(new PageId(1, 202), page(3, new PageId(1, 202), fragment(3, "0123456789".getBytes(StandardCharsets.US_ASCII))));
        for (int[] node : new int[][] { { 200, 201 }, { 201, 202 } }) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(le(400, 2)); // maxlinks
            body.writeBytes(le(400, 2)); // curlinks
            body.writeBytes(le(node[0] == 200 ? 1 : 0, 2)); // level
            for (int k = 0; k < 400; k++) {
                long end = node[0] == 200 ? 4000L * (k + 1) : 10L * (k + 1);
                body.writeBytes(cat(le(end, 8), le(node[1], 4), le(1, 2), le(0, 2)));
            }
            store.pages.put(new PageId(1, node[0]), page(3, new PageId(1, node[0]), fragment(2, body.toByteArray())));
        }
        byte[] root = cat(new byte[] { 4, 1, 0, 0 }, le(1, 4), le(2, 4), le(1_600_000, 4), le(200, 4), le(1, 2), le(0, 2));
        Map<String, Object> var = new HashMap<>();
        var.put("vmax", new Complex(root));
        Row r = decodeOne(new RowDecoder(s, new LobReader(store)), new byte[Page.SIZE], record(s, Map.of(), var, Map.of(), COLS.size() - 1, 99, false),
                new int[1]);
        String g = gap(s, r, "vmax");
        assertTrue(g != null && g.contains("more than 16384 fragments"), g);
        assertTrue(((String) value(s, r, "vmax")).startsWith("0123456789012"), "the bytes read before the budget are kept");
    }

    /** Puts a record on a page at offset 96 and decodes it. */
    private static Row decodeOne(RowDecoder dec, byte[] pg, byte[] record, int[] slot) {
        java.util.Arrays.fill(pg, (byte) 0);
        System.arraycopy(record, 0, pg, 96, record.length);
        Row r = dec.decode(pg, new PageId(1, 50), slot[0]++, 96, 96 + record.length, null);
        assertTrue(r != null, "decoded");
        assertEquals(record.length, r.length(), "record length");
        return r;
    }
}

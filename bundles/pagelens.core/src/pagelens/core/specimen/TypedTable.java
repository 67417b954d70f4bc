package pagelens.core.specimen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import pagelens.core.alloc.Pfs;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;

/**
 * The specimen's table of every data type PageLens decodes, {@code dbo.TypeSamples} (SYNTHETIC): a heap in the mixed extent
 * of pages 32..39 of a primary specimen, with its three allocation units (in-row data, row-overflow data, LOB data), each
 * with an IAM page whose single-page slots name its pages. Values are encoded here by the byte layouts of docs/catalog.md
 * sections 4 and 5, independently of the row decoder; the tests compare the decoded rows with literal values.
 * <ul>
 * <li>page 32: IAM of the in-row unit (slots 33, 34); page 33: rows 1-4 (typical values, maximum values, minimum values and
 * empty strings, all NULL), row 5 deleted (a ghost record), the forwarding stub of row 6, row 7 (a row-overflow value and an
 * nvarchar(max) value of 12,000 bytes on two LOB pages); page 34: row 6 (the forwarded record, with its back pointer) and
 * row 8;</li>
 * <li>page 35: IAM of the row-overflow unit (slot 36); page 36: the 5,000-byte row-overflow value of row 7;</li>
 * <li>page 37: IAM of the LOB unit (slots 38, 39); pages 38, 39: the two DATA fragments of row 7's nvarchar(max) value and
 * row 1's text value (a SMALL_ROOT).</li>
 * </ul>
 */
final class TypedTable {

    static final String SCHEMA = "dbo";
    static final String NAME = "TypeSamples";
    static final int OBJECT_ID = 2041058307;
    static final int FIRST_PAGE = 32;
    static final int LAST_PAGE = 39;
    /** The number of rows SQL Server would count (rcrows): every row but the deleted one. */
    static final long ROWS = 7;

    private static final int INDEX_ID = 256;
    /** m_objId of the three units' pages; allocation unit ids as catalog.md 1.4 derives them. */
    private static final long OBJ_IN_ROW = 1001;
    private static final long OBJ_OVERFLOW = 1002;
    private static final long OBJ_LOB = 1003;
    static final long AU_IN_ROW = ((long) INDEX_ID << 48) | (OBJ_IN_ROW << 16);
    static final long AU_OVERFLOW = ((long) INDEX_ID << 48) | (OBJ_OVERFLOW << 16);
    static final long AU_LOB = ((long) INDEX_ID << 48) | (OBJ_LOB << 16);
    static final long ROWSET = 72057594040549376L;

    private static final int IAM_IN_ROW = 32;
    private static final int DATA_A = 33;
    private static final int DATA_B = 34;
    private static final int IAM_OVERFLOW = 35;
    private static final int OVERFLOW_PAGE = 36;
    private static final int IAM_LOB = 37;
    private static final int LOB_1 = 38;
    private static final int LOB_2 = 39;

    private static final int LATIN1 = 0x3400D008;
    private static final int CYRILLIC = 0x3400D015;
    private static final int JAPANESE = 0x3400D010;

    /** A column: name, xtype, max length in bytes (0 for (max)), precision, scale, collation, leaf offset (> 0 fixed, -n the n-th variable column), bit position. */
    record Col(String name, int xtype, int length, int precision, int scale, int collation, int leaf, int bitPos) {
        int ti() {
            return switch (xtype) {
                case 106, 108 -> xtype | precision << 8 | scale << 16;
                case 41, 42, 43 -> xtype | scale << 8;
                case 175, 167, 239, 231, 173, 165, 35, 99, 34, 241, 98 -> xtype | (length & 0xFFFF) << 8;
                default -> xtype;
            };
        }
    }

    /** The columns by column id (1..32); the fixed part ends at 136. */
    static final List<Col> COLUMNS = List.of(new Col("Id", 56, 4, 10, 0, 0, 4, 0), new Col("Flag", 104, 1, 1, 0, 0, 8, 0),
            new Col("Flag2", 104, 1, 1, 0, 0, 8, 1), new Col("Tiny", 48, 1, 3, 0, 0, 9, 0), new Col("Small", 52, 2, 5, 0, 0, 10, 0),
            new Col("Big", 127, 8, 19, 0, 0, 12, 0), new Col("Dec", 106, 9, 19, 4, 0, 20, 0), new Col("Mon", 60, 8, 19, 4, 0, 29, 0),
            new Col("SMon", 122, 4, 10, 4, 0, 37, 0), new Col("Re", 59, 4, 24, 0, 0, 41, 0), new Col("Fl", 62, 8, 53, 0, 0, 45, 0),
            new Col("Dt", 61, 8, 23, 3, 0, 53, 0), new Col("SDt", 58, 4, 16, 0, 0, 61, 0), new Col("D", 40, 3, 10, 0, 0, 65, 0),
            new Col("T", 41, 5, 16, 7, 0, 68, 0), new Col("Dt2", 42, 7, 23, 3, 0, 73, 0), new Col("Dto", 43, 10, 34, 7, 0, 80, 0),
            new Col("G", 36, 16, 0, 0, 0, 90, 0), new Col("Ts", 189, 8, 0, 0, 0, 106, 0), new Col("Ch", 175, 10, 0, 0, LATIN1, 114, 0),
            new Col("NCh", 239, 8, 0, 0, 0, 124, 0), new Col("Bin", 173, 4, 0, 0, 0, 132, 0), new Col("VcLatin", 167, 50, 0, 0, LATIN1, -1, 0),
            new Col("VcCyr", 167, 50, 0, 0, CYRILLIC, -2, 0), new Col("VcJp", 167, 50, 0, 0, JAPANESE, -3, 0), new Col("NVc", 231, 100, 0, 0, 0, -4, 0),
            new Col("VBin", 165, 50, 0, 0, 0, -5, 0), new Col("Var", 98, 8016, 0, 0, 0, -6, 0), new Col("Long", 167, 8000, 0, 0, LATIN1, -7, 0),
            new Col("Max", 231, 0, 0, 0, 0, -8, 0), new Col("Txt", 35, 16, 0, 0, LATIN1, -9, 0), new Col("X", 241, 0, 0, 0, 0, -10, 0));
    private static final int FIXED_END = 136;
    private static final int VAR_COLUMNS = 10;

    /** The row-overflow value of row 7 and the nvarchar(max) value of row 7 (6,000 characters: 12,000 bytes). */
    static final String OVERFLOW_VALUE = "R".repeat(4990) + "0123456789";
    static final String MAX_VALUE = "\u00C5".repeat(3000) + "\u0416".repeat(3000);
    static final String TEXT_VALUE = "a text value on a LOB page";

    private TypedTable() {
    }

    // ------------------------------------------------------------------ the rows, as values by column name

    private static Map<String, Object> typical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", 1);
        m.put("Flag", true);
        m.put("Flag2", false);
        m.put("Tiny", 42);
        m.put("Small", -1234);
        m.put("Big", 1234567890123L);
        m.put("Dec", new BigDecimal("-12345.6789"));
        m.put("Mon", new BigDecimal("18.0000"));
        m.put("SMon", new BigDecimal("-3.5000"));
        m.put("Re", 1.5f);
        m.put("Fl", -2.25);
        m.put("Dt", LocalDateTime.of(1996, 7, 4, 13, 45, 30, 123_000_000)); // .123 is stored as 37 ticks: .1233 -> .123
        m.put("SDt", LocalDateTime.of(2024, 2, 29, 23, 59));
        m.put("D", LocalDate.of(2023, 9, 27));
        m.put("T", LocalTime.of(12, 34, 56, 123_456_700));
        m.put("Dt2", LocalDateTime.of(2020, 1, 2, 3, 4, 5, 678_000_000));
        m.put("Dto", OffsetDateTime.of(2021, 6, 30, 22, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        m.put("G", UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
        m.put("Ts", new byte[] { 0, 0, 0, 0, 0, 0, 0x07, (byte) 0xD1 });
        m.put("Ch", "ALFKI");
        m.put("NCh", "\u00E9t\u00E9");
        m.put("Bin", new byte[] { (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF });
        m.put("VcLatin", "Caf\u00E9 cr\u00E8me \u20AC5");
        m.put("VcCyr", "\u041F\u0440\u0438\u0432\u0435\u0442");
        m.put("VcJp", "\u65E5\u672C\u8A9E\u30C6\u30AD\u30B9\u30C8");
        m.put("NVc", "\u00DCn\u00EFc\u00F8d\u00E9 \u2713 \u9867\u5BA2");
        m.put("VBin", new byte[] { 1, 2, 3 });
        m.put("Var", 123456789L); // sql_variant of base type bigint
        m.put("Long", "short in-row varchar(8000)");
        m.put("Max", "in-row nvarchar(max)");
        m.put("Txt", TEXT_VALUE);
        m.put("X", new byte[] { (byte) 0xDF, (byte) 0xFF, 0x01, (byte) 0xB0, 0x04 });
        return m;
    }

    private static Map<String, Object> maxima() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", 2);
        m.put("Flag", true);
        m.put("Flag2", true);
        m.put("Tiny", 255);
        m.put("Small", 32767);
        m.put("Big", Long.MAX_VALUE);
        m.put("Dec", new BigDecimal("999999999999999.9999"));
        m.put("Mon", new BigDecimal("922337203685477.5807"));
        m.put("SMon", new BigDecimal("214748.3647"));
        m.put("Re", Float.MAX_VALUE);
        m.put("Fl", Double.MAX_VALUE);
        m.put("Dt", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000));
        m.put("SDt", LocalDateTime.of(2079, 6, 6, 23, 59));
        m.put("D", LocalDate.of(9999, 12, 31));
        m.put("T", LocalTime.of(23, 59, 59, 999_999_900));
        m.put("Dt2", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000));
        m.put("Dto", OffsetDateTime.of(9999, 12, 31, 9, 59, 59, 999_999_900, ZoneOffset.ofHours(-14)).withOffsetSameInstant(ZoneOffset.ofHours(-14)));
        m.put("G", UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        m.put("Ts", new byte[] { 0x7F, -1, -1, -1, -1, -1, -1, -1 });
        m.put("Ch", "0123456789");
        m.put("NCh", "\uFFFD\u4E2D\u6587\u00FF");
        m.put("Bin", new byte[] { -1, -1, -1, -1 });
        m.put("VcLatin", "x".repeat(50));
        m.put("VcCyr", "\u042F".repeat(50));
        m.put("VcJp", "\u30A2".repeat(25));
        m.put("NVc", "\u00FF".repeat(50));
        m.put("VBin", filled(50, (byte) 0xAB));
        m.put("Var", "nvarchar in a variant");
        m.put("Long", "L".repeat(300));
        m.put("Max", "M".repeat(1000));
        m.put("X", new byte[] { (byte) 0xDF, (byte) 0xFF });
        return m;
    }

    private static Map<String, Object> minima() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", 3);
        m.put("Flag", false);
        m.put("Flag2", false);
        m.put("Tiny", 0);
        m.put("Small", -32768);
        m.put("Big", Long.MIN_VALUE);
        m.put("Dec", new BigDecimal("-999999999999999.9999"));
        m.put("Mon", new BigDecimal("-922337203685477.5808"));
        m.put("SMon", new BigDecimal("-214748.3648"));
        m.put("Re", -Float.MAX_VALUE);
        m.put("Fl", Double.MIN_VALUE);
        m.put("Dt", LocalDateTime.of(1753, 1, 1, 0, 0));
        m.put("SDt", LocalDateTime.of(1900, 1, 1, 0, 0));
        m.put("D", LocalDate.of(1, 1, 1));
        m.put("T", LocalTime.MIDNIGHT);
        m.put("Dt2", LocalDateTime.of(1, 1, 1, 0, 0));
        m.put("Dto", OffsetDateTime.of(1, 1, 1, 14, 0, 0, 0, ZoneOffset.ofHours(14)));
        m.put("G", new UUID(0, 0));
        m.put("Ts", new byte[8]);
        m.put("Ch", "");
        m.put("NCh", "");
        m.put("Bin", new byte[4]);
        m.put("VcLatin", "");
        m.put("VcCyr", "");
        m.put("VcJp", "");
        m.put("NVc", "");
        m.put("VBin", new byte[0]);
        m.put("Var", 0);
        m.put("Long", "");
        m.put("Max", "");
        m.put("X", new byte[0]);
        return m;
    }

    private static Map<String, Object> onlyId(int id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", id);
        return m;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    // ------------------------------------------------------------------ pages

    /** Whether page {@code p} of a primary specimen with the typed table belongs to it. */
    static boolean owns(long p) {
        return p >= FIRST_PAGE && p <= LAST_PAGE;
    }

    /** The PFS byte of one of its pages: IAM pages and the mixed extent's data and text pages. */
    static int pfsByte(long p) {
        if (p == IAM_IN_ROW || p == IAM_OVERFLOW || p == IAM_LOB) {
            return Pfs.IAM | Pfs.MIXED | Pfs.ALLOCATED;
        }
        return Pfs.MIXED | Pfs.ALLOCATED | (p == LOB_1 ? 4 : 2);
    }

    interface Header {
        PageBuilder page(int type, long p, int indexId, long objId);

        byte[] finish(PageBuilder pb, long p, int pminlen, long prev, long next);
    }

    static byte[] page(long p, int fileId, Header h) {
        return switch ((int) p) {
            case IAM_IN_ROW -> iam(p, OBJ_IN_ROW, fileId, h, DATA_A, DATA_B);
            case IAM_OVERFLOW -> iam(p, OBJ_OVERFLOW, fileId, h, OVERFLOW_PAGE);
            case IAM_LOB -> iam(p, OBJ_LOB, fileId, h, LOB_1, LOB_2);
            case DATA_A -> dataA(fileId, h);
            case DATA_B -> dataB(fileId, h);
            case OVERFLOW_PAGE -> textPage(p, OBJ_OVERFLOW, fileId, h, List.of(dataFragment(11, OVERFLOW_VALUE.getBytes(StandardCharsets.US_ASCII))));
            case LOB_1 -> textPage(p, OBJ_LOB, fileId, h, List.of(dataFragment(21, Arrays.copyOfRange(maxBytes(), 0, 8000))));
            case LOB_2 -> textPage(p, OBJ_LOB, fileId, h, List.of(dataFragment(22, Arrays.copyOfRange(maxBytes(), 8000, 12000)),
                    smallRoot(23, TEXT_VALUE.getBytes(StandardCharsets.US_ASCII))));
            default -> throw new IllegalArgumentException("page " + p + " is not the typed table's");
        };
    }

    private static byte[] maxBytes() {
        return MAX_VALUE.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] iam(long p, long objId, int fileId, Header h, int... singles) {
        PageBuilder pb = h.page(PageType.IAM, p, INDEX_ID, objId);
        byte[] rec0 = new byte[94];
        rec0[2] = 94;
        rec0[4 + 34] = 1;
        rec0[4 + 40] = (byte) fileId; // start page (1:0)
        for (int k = 0; k < singles.length; k++) {
            put(rec0, 4 + 42 + 6 * k, singles[k], 4);
            rec0[4 + 42 + 6 * k + 4] = (byte) fileId;
        }
        pb.addRecord(rec0);
        byte[] rec1 = new byte[4 + pagelens.core.alloc.ExtentBitmap.BYTES];
        put(rec1, 2, rec1.length, 2);
        pb.addRecord(rec1);
        return h.finish(pb, p, 90, -1, -1);
    }

    private static byte[] dataA(int fileId, Header h) {
        PageBuilder pb = h.page(PageType.DATA, DATA_A, INDEX_ID, OBJ_IN_ROW);
        add(pb, record(typical(), 0x30, fileId, null));
        add(pb, record(maxima(), 0x30, fileId, null));
        add(pb, record(minima(), 0x30, fileId, null));
        add(pb, record(onlyId(4), 0x10, fileId, null)); // every column but Id NULL
        Map<String, Object> deleted = typical();
        deleted.put("Id", 5);
        deleted.remove("Txt");
        add(pb, record(deleted, 0x3C, fileId, null)); // a ghost data record (type 6): a deleted row
        byte[] stub = new byte[9];
        stub[0] = 0x04; // forwarding stub (type 2): RID of the forwarded record
        put(stub, 1, DATA_B, 4);
        put(stub, 5, fileId, 2);
        put(stub, 7, 0, 2);
        add(pb, stub);
        Map<String, Object> big = typical();
        big.put("Id", 7);
        big.remove("Txt");
        big.put("Long", new OffRow(2, OVERFLOW_VALUE.length(), OVERFLOW_PAGE, 0));
        big.put("Max", new OffRow(4, 0, 0, 0));
        add(pb, record(big, 0x30, fileId, null));
        return h.finish(pb, DATA_A, FIXED_END, -1, -1);
    }

    /** The slot of the forwarding stub on page 33. */
    static final int STUB_SLOT = 5;

    private static byte[] dataB(int fileId, Header h) {
        PageBuilder pb = h.page(PageType.DATA, DATA_B, INDEX_ID, OBJ_IN_ROW);
        Map<String, Object> forwarded = typical();
        forwarded.put("Id", 6);
        forwarded.put("VcLatin", "moved: this row was forwarded");
        forwarded.remove("Txt");
        add(pb, record(forwarded, 0x32, fileId, new PageId(fileId, DATA_A))); // type 1, with the back pointer to the stub
        Map<String, Object> eight = minima();
        eight.put("Id", 8);
        eight.put("VcLatin", null);
        eight.put("NVc", "after the forwarded record");
        add(pb, record(eight, 0x30, fileId, null));
        return h.finish(pb, DATA_B, FIXED_END, -1, -1);
    }

    private static void add(PageBuilder pb, byte[] rec) {
        if (pb.addRecord(rec) < 0) {
            throw new IllegalStateException("typed table: a record of " + rec.length + " bytes does not fit its page");
        }
    }

    /** A value stored off the row: kind 2 (row-overflow, one link) or 4 (the nvarchar(max) value's two links). */
    private record OffRow(int kind, int length, int page, int slot) {
    }

    /**
     * A FixedVar record (catalog.md 4.1): status A, fixed part, column count, null bitmap, variable column count and end
     * offsets (complex ones with the high bit), variable data; a forwarded record (status 0x32) gets the back pointer as one
     * more complex variable column (4.2).
     */
    private static byte[] record(Map<String, Object> values, int status, int fileId, PageId backTo) {
        int count = COLUMNS.size();
        int nbLen = (count + 7) / 8;
        byte[] fixed = new byte[FIXED_END];
        byte[] nulls = new byte[nbLen];
        List<byte[]> vars = new ArrayList<>();
        List<Boolean> complex = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Col c = COLUMNS.get(i);
            Object v = values.get(c.name());
            if (v == null) {
                nulls[i / 8] |= (byte) (1 << (i % 8));
                if (c.leaf() < 0) {
                    vars.add(new byte[0]);
                    complex.add(false);
                }
                continue;
            }
            if (c.xtype() == 104) {
                if ((Boolean) v) {
                    fixed[c.leaf()] |= (byte) (1 << c.bitPos());
                }
                continue;
            }
            if (c.leaf() > 0) {
                byte[] b = fixedBytes(c, v);
                System.arraycopy(b, 0, fixed, c.leaf(), b.length);
                continue;
            }
            if (v instanceof OffRow o) {
                vars.add(o.kind() == 2 ? root(2, new int[][] { { o.length(), o.page(), fileId, o.slot() } })
                        : root(4, new int[][] { { 8000, LOB_1, fileId, 0 }, { 12000, LOB_2, fileId, 0 } }));
                complex.add(true);
            } else if (c.xtype() == 35) {
                byte[] ptr = new byte[16]; // text pointer: u32 timestamp, u32 unused, RID of the LOB root
                put(ptr, 0, 0x6A3F0000L, 4);
                put(ptr, 8, LOB_2, 4);
                put(ptr, 12, fileId, 2);
                put(ptr, 14, 1, 2);
                vars.add(ptr);
                complex.add(true);
            } else {
                vars.add(varBytes(c, v));
                complex.add(false);
            }
        }
        // trailing NULL variable columns are not stored (catalog.md 4.1)
        int stored = vars.size();
        while (stored > 0 && values.get(varColumn(stored).name()) == null) {
            stored--;
        }
        if (backTo != null) {
            while (vars.size() > stored) {
                vars.remove(vars.size() - 1);
                complex.remove(complex.size() - 1);
            }
            byte[] back = new byte[10];
            put(back, 0, 0x0400, 2);
            put(back, 2, backTo.pageId(), 4);
            put(back, 6, backTo.fileId(), 2);
            put(back, 8, STUB_SLOT, 2);
            vars.add(back);
            complex.add(true);
            stored = vars.size();
        }
        boolean hasVars = stored > 0;
        int varArray = hasVars ? 2 + 2 * stored : 0;
        int varStart = FIXED_END + 2 + nbLen + varArray;
        int total = varStart;
        for (int k = 0; k < stored; k++) {
            total += vars.get(k).length;
        }
        byte[] r = new byte[total];
        System.arraycopy(fixed, 0, r, 0, FIXED_END);
        r[0] = (byte) (hasVars ? status | 0x20 : status & ~0x20);
        r[0] |= 0x10;
        put(r, 2, FIXED_END, 2);
        put(r, FIXED_END, count, 2);
        System.arraycopy(nulls, 0, r, FIXED_END + 2, nbLen);
        if (hasVars) {
            put(r, FIXED_END + 2 + nbLen, stored, 2);
            int end = varStart;
            for (int k = 0; k < stored; k++) {
                byte[] v = vars.get(k);
                System.arraycopy(v, 0, r, end, v.length);
                end += v.length;
                put(r, FIXED_END + 2 + nbLen + 2 + 2 * k, end | (complex.get(k) ? 0x8000 : 0), 2);
            }
        }
        return r;
    }

    private static Col varColumn(int n) {
        for (Col c : COLUMNS) {
            if (c.leaf() == -n) {
                return c;
            }
        }
        throw new IllegalArgumentException("no variable column " + n);
    }

    /** An in-row root (catalog.md 4.4): 12-byte header (kind, level, unused, update sequence, timestamp), then 12-byte links. */
    private static byte[] root(int kind, int[][] links) {
        byte[] b = new byte[12 + 12 * links.length];
        b[0] = (byte) kind;
        put(b, 4, 1, 4); // update sequence
        put(b, 8, 0x1F2E3D4CL, 4); // timestamp
        for (int k = 0; k < links.length; k++) {
            int at = 12 + 12 * k;
            put(b, at, links[k][0], 4);
            put(b, at + 4, links[k][1], 4);
            put(b, at + 8, links[k][2], 2);
            put(b, at + 10, links[k][3], 2);
        }
        return b;
    }

    /** A blob fragment record (status 0x08) of type DATA: blob id u64, type u16 3, the data (catalog.md 4.5). */
    private static byte[] dataFragment(long blobId, byte[] data) {
        byte[] r = new byte[4 + 10 + data.length];
        r[0] = 0x08;
        put(r, 2, r.length, 2);
        put(r, 4, blobId, 8);
        put(r, 12, 3, 2);
        System.arraycopy(data, 0, r, 14, data.length);
        return r;
    }

    /** A SMALL_ROOT fragment: blob id, type 0, length u16, 4 bytes, the data from +16 (catalog.md 4.5). */
    private static byte[] smallRoot(long blobId, byte[] data) {
        byte[] r = new byte[4 + 16 + data.length];
        r[0] = 0x08;
        put(r, 2, r.length, 2);
        put(r, 4, blobId, 8);
        put(r, 12, 0, 2);
        put(r, 14, data.length, 2);
        System.arraycopy(data, 0, r, 20, data.length);
        return r;
    }

    private static byte[] textPage(long p, long objId, int fileId, Header h, List<byte[]> records) {
        PageBuilder pb = h.page(PageType.TEXT_MIX, p, INDEX_ID, objId);
        for (byte[] r : records) {
            add(pb, r);
        }
        return h.finish(pb, p, 0, -1, -1);
    }

    // ------------------------------------------------------------------ value encodings (catalog.md section 5)

    private static final LocalDate Y1900 = LocalDate.of(1900, 1, 1);
    private static final LocalDate Y0001 = LocalDate.of(1, 1, 1);

    private static byte[] fixedBytes(Col c, Object v) {
        byte[] b = new byte[c.length()];
        switch (c.xtype()) {
            case 48, 52, 56, 127 -> put(b, 0, ((Number) v).longValue(), b.length);
            case 106, 108 -> {
                BigDecimal d = (BigDecimal) v;
                b[0] = (byte) (d.signum() < 0 ? 0 : 1);
                byte[] mag = d.abs().setScale(c.scale()).unscaledValue().toByteArray(); // big-endian
                for (int i = 0; i < mag.length && i < b.length - 1; i++) {
                    b[1 + i] = mag[mag.length - 1 - i];
                }
            }
            case 60, 122 -> put(b, 0, ((BigDecimal) v).setScale(4).unscaledValue().longValueExact(), b.length);
            case 59 -> put(b, 0, Float.floatToIntBits((Float) v), 4);
            case 62 -> put(b, 0, Double.doubleToLongBits((Double) v), 8);
            case 61 -> {
                LocalDateTime t = (LocalDateTime) v;
                long ms = t.toLocalTime().toNanoOfDay() / 1_000_000;
                put(b, 0, Math.round(ms * 0.3), 4); // 1/300 s ticks
                put(b, 4, t.toLocalDate().toEpochDay() - Y1900.toEpochDay(), 4);
            }
            case 58 -> {
                LocalDateTime t = (LocalDateTime) v;
                put(b, 0, t.getHour() * 60 + t.getMinute(), 2);
                put(b, 2, t.toLocalDate().toEpochDay() - Y1900.toEpochDay(), 2);
            }
            case 40 -> put(b, 0, ((LocalDate) v).toEpochDay() - Y0001.toEpochDay(), 3);
            case 41 -> put(b, 0, units((LocalTime) v, c.scale()), 5);
            case 42 -> {
                LocalDateTime t = (LocalDateTime) v;
                put(b, 0, units(t.toLocalTime(), c.scale()), 4);
                put(b, 4, t.toLocalDate().toEpochDay() - Y0001.toEpochDay(), 3);
            }
            case 43 -> {
                OffsetDateTime t = (OffsetDateTime) v;
                LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(); // stored in UTC
                put(b, 0, units(utc.toLocalTime(), c.scale()), 5);
                put(b, 5, utc.toLocalDate().toEpochDay() - Y0001.toEpochDay(), 3);
                put(b, 8, t.getOffset().getTotalSeconds() / 60, 2);
            }
            case 36 -> {
                UUID u = (UUID) v;
                long hi = u.getMostSignificantBits();
                put(b, 0, hi >>> 32, 4); // Data1 LE
                put(b, 4, hi >>> 16, 2); // Data2 LE
                put(b, 6, hi, 2); // Data3 LE
                long lo = u.getLeastSignificantBits();
                for (int i = 0; i < 8; i++) {
                    b[8 + i] = (byte) (lo >>> (56 - 8 * i)); // as stored
                }
            }
            case 189, 173 -> System.arraycopy((byte[]) v, 0, b, 0, b.length);
            case 175 -> {
                Arrays.fill(b, (byte) ' ');
                byte[] t = ((String) v).getBytes(codePage(c.collation()));
                System.arraycopy(t, 0, b, 0, t.length);
            }
            case 239 -> {
                for (int i = 0; i < b.length; i += 2) {
                    b[i] = ' ';
                }
                byte[] t = ((String) v).getBytes(StandardCharsets.UTF_16LE);
                System.arraycopy(t, 0, b, 0, t.length);
            }
            default -> throw new IllegalArgumentException("fixed type " + c.xtype());
        }
        return b;
    }

    private static long units(LocalTime t, int scale) {
        return t.toNanoOfDay() / BigInteger.TEN.pow(9 - scale).longValueExact();
    }

    private static byte[] varBytes(Col c, Object v) {
        return switch (c.xtype()) {
            case 167 -> ((String) v).getBytes(codePage(c.collation()));
            case 231 -> ((String) v).getBytes(StandardCharsets.UTF_16LE);
            case 165, 241 -> (byte[]) v;
            case 98 -> variant(v);
            default -> throw new IllegalArgumentException("variable type " + c.xtype());
        };
    }

    /** sql_variant: base type, version 1, properties, value (catalog.md 5): bigint, int or nvarchar here. */
    private static byte[] variant(Object v) {
        if (v instanceof Long l) {
            byte[] b = new byte[2 + 8];
            b[0] = (byte) 127;
            b[1] = 1;
            put(b, 2, l, 8);
            return b;
        }
        if (v instanceof Integer i) {
            byte[] b = new byte[2 + 4];
            b[0] = 56;
            b[1] = 1;
            put(b, 2, i, 4);
            return b;
        }
        byte[] t = ((String) v).getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[2 + 6 + t.length];
        b[0] = (byte) 231;
        b[1] = 1;
        put(b, 2, 8000, 2); // max length
        put(b, 4, LATIN1, 4); // collation
        System.arraycopy(t, 0, b, 8, t.length);
        return b;
    }

    private static Charset codePage(int collation) {
        return switch (collation & 0xFF) {
            case 0x15 -> Charset.forName("windows-1251");
            case 0x10 -> Charset.forName("windows-31j");
            default -> Charset.forName("windows-1252");
        };
    }

    static void put(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    // ------------------------------------------------------------------ catalog rows

    static void sysallocunits(List<Map<String, Object>> rows, int fileId) {
        rows.add(row("auid", AU_IN_ROW, "type", 1, "ownerid", ROWSET, "status", 0, "fgid", 1, "pgfirst", new PageId(fileId, DATA_A), "pgroot",
                new PageId(fileId, 0), "pgfirstiam", new PageId(fileId, IAM_IN_ROW), "pcused", 3L, "pcdata", 2L, "pcreserved", 3L));
        rows.add(row("auid", AU_OVERFLOW, "type", 3, "ownerid", ROWSET, "status", 0, "fgid", 1, "pgfirst", new PageId(fileId, OVERFLOW_PAGE),
                "pgroot", new PageId(fileId, 0), "pgfirstiam", new PageId(fileId, IAM_OVERFLOW), "pcused", 2L, "pcdata", 1L, "pcreserved", 2L));
        rows.add(row("auid", AU_LOB, "type", 2, "ownerid", ROWSET, "status", 0, "fgid", 1, "pgfirst", new PageId(fileId, LOB_1), "pgroot",
                new PageId(fileId, 0), "pgfirstiam", new PageId(fileId, IAM_LOB), "pcused", 3L, "pcdata", 2L, "pcreserved", 3L));
    }

    static void sysrowsets(List<Map<String, Object>> rows) {
        rows.add(row("rowsetid", ROWSET, "ownertype", 1, "idmajor", OBJECT_ID, "idminor", 0, "numpart", 1, "status", 0x246, "fgidfs", 0, "rcrows",
                ROWS, "cmprlevel", 0));
    }

    static void sysschobjs(List<Map<String, Object>> rows, LocalDateTime created) {
        rows.add(row("id", OBJECT_ID, "name", NAME, "nsid", 1, "nsclass", 0, "status", 0, "type", "U ", "pid", 0, "pclass", 1, "intprop", COLUMNS.size(),
                "created", created, "modified", created));
    }

    static void sysidxstats(List<Map<String, Object>> rows) {
        rows.add(row("id", OBJECT_ID, "indid", 0, "status", 0, "intprop", 0, "fillfact", 0, "type", 0, "tinyprop", 0, "dataspace", 1, "lobds", 1,
                "rowset", ROWSET));
    }

    static void syscolpars(List<Map<String, Object>> rows) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            Col c = COLUMNS.get(i);
            rows.add(row("id", OBJECT_ID, "number", 0, "colid", i + 1, "name", c.name(), "xtype", c.xtype(), "utype", c.xtype(), "length",
                    c.length() == 0 ? -1 : c.length(), "prec", c.precision(), "scale", c.scale(), "collationid", c.collation(), "status", i == 0 ? 0 : 1,
                    "maxinrow", c.length(), "xmlns", 0, "dflt", 0, "chk", 0));
        }
    }

    static void sysrscols(List<Map<String, Object>> rows) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            Col c = COLUMNS.get(i);
            rows.add(row("rsid", ROWSET, "rscolid", i + 1, "hbcolid", i + 1, "rcmodified", 0L, "ti", c.ti(), "cid", 0, "ordkey", 0, "maxinrowlen", 0,
                    "status", 0x80, "offset", c.leaf() & 0xFFFF, "nullbit", i + 1, "bitpos", c.bitPos()));
        }
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

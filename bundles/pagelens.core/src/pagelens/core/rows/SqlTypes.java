package pagelens.core.rows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import pagelens.core.DeclaredLayout;
import pagelens.core.Evidence;
import pagelens.core.page.Bytes;

/**
 * The SQL Server data types as rows store them, described once in {@code sql-types.tsv} (id, name, stored size, evidence,
 * source; docs/catalog.md section 5), and the decoding of a stored value into a typed Java value: Boolean, Integer, Long,
 * BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, String, UUID, byte[] (binary, timestamp,
 * xml, CLR types). No display text: the faces format the values.
 */
public final class SqlTypes {
    /** One type of the table. */
    public record Type(int id, String name, int size, Evidence evidence, String source) {
        /** Whether the type is stored in the variable part of a record (or as a LOB). */
        public boolean variable() {
            return size == -2;
        }
    }

    private static final Map<Integer, Type> BY_ID = new HashMap<>();
    private static final long EPOCH_1900 = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long EPOCH_0001 = LocalDate.of(1, 1, 1).toEpochDay();

    static {
        for (String[] c : DeclaredLayout.rows(SqlTypes.class, "sql-types.tsv", 5)) {
            Type t = new Type(Integer.parseInt(c[0]), c[1], Integer.parseInt(c[2]), Evidence.valueOf(c[3]), c[4]);
            BY_ID.put(t.id(), t);
        }
    }

    private SqlTypes() {
    }

    /** The type of a system type id, or null when PageLens does not know it. */
    public static Type of(int xtype) {
        return BY_ID.get(xtype);
    }

    /** Every type the table describes. */
    public static java.util.Collection<Type> all() {
        return java.util.Collections.unmodifiableCollection(BY_ID.values());
    }

    /** Bytes a fixed-length column of this type takes in the fixed part; -1 for variable and unknown types, 0 for bit. */
    public static int fixedSize(int xtype, int length, int precision, int scale) {
        Type t = BY_ID.get(xtype);
        if (t == null || t.variable()) {
            return -1;
        }
        return switch (t.size()) {
            case -3 -> 0;
            case 0 -> length;
            case -1 -> switch (xtype) {
                case 106, 108 -> precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;
                case 41 -> timeBytes(scale);
                case 42 -> timeBytes(scale) + 3;
                default -> timeBytes(scale) + 5; // datetimeoffset
            };
            default -> t.size();
        };
    }

    private static int timeBytes(int scale) {
        return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
    }

    /**
     * Decodes a stored value (not NULL, not a LOB pointer).
     *
     * @param collation the column's collation id (code page of char, varchar, text); 0: the database default, taken as 1252
     * @throws IllegalArgumentException when the bytes cannot be a value of the type (a length that does not fit)
     */
    public static Object decode(int xtype, byte[] b, int off, int len, int precision, int scale, int collation) {
        return decode(xtype, b, off, len, precision, scale, collation, xtype == 175 || xtype == 167 || xtype == 35 ? charset(collation) : null);
    }

    /** As {@link #decode(int, byte[], int, int, int, int, int)}, with the code page of char, varchar and text already known. */
    public static Object decode(int xtype, byte[] b, int off, int len, int precision, int scale, int collation, Charset cs) {
        switch (xtype) {
            case 48:
                need(len, 1, xtype);
                return Bytes.u8(b, off);
            case 52:
                need(len, 2, xtype);
                return (int) (short) Bytes.u16(b, off);
            case 56:
                need(len, 4, xtype);
                return (int) Bytes.u32(b, off);
            case 127:
                need(len, 8, xtype);
                return Bytes.i64(b, off);
            case 106, 108: {
                if (len < 2) {
                    throw new IllegalArgumentException("decimal of " + len + " bytes");
                }
                byte[] mag = new byte[len - 1];
                for (int i = 0; i < mag.length; i++) {
                    mag[i] = b[off + len - 1 - i]; // little-endian magnitude to big-endian
                }
                BigDecimal v = new BigDecimal(new BigInteger(1, mag), scale);
                return b[off] == 1 ? v : v.negate();
            }
            case 60:
                need(len, 8, xtype);
                return BigDecimal.valueOf(Bytes.i64(b, off), 4);
            case 122:
                need(len, 4, xtype);
                return BigDecimal.valueOf((int) Bytes.u32(b, off), 4);
            case 59:
                need(len, 4, xtype);
                return Float.intBitsToFloat((int) Bytes.u32(b, off));
            case 62:
                need(len, 8, xtype);
                return Double.longBitsToDouble(Bytes.i64(b, off));
            case 61: {
                need(len, 8, xtype);
                long ticks = Bytes.u32(b, off);
                int days = (int) Bytes.u32(b, off + 4);
                // 1/300 s ticks, rounded to the millisecond as SQL Server shows them
                long nanos = Math.round(ticks * 10.0 / 3.0) * 1_000_000L;
                if (nanos >= 86_400_000_000_000L) {
                    return LocalDateTime.of(LocalDate.ofEpochDay(EPOCH_1900 + days), LocalTime.MIDNIGHT).plusNanos(nanos);
                }
                return LocalDateTime.of(LocalDate.ofEpochDay(EPOCH_1900 + days), LocalTime.ofNanoOfDay(nanos));
            }
            case 58:
                need(len, 4, xtype);
                return LocalDateTime.of(LocalDate.ofEpochDay(EPOCH_1900 + Bytes.u16(b, off + 2)), LocalTime.MIDNIGHT).plusMinutes(Bytes.u16(b, off));
            case 40:
                need(len, 3, xtype);
                return LocalDate.ofEpochDay(EPOCH_0001 + u24(b, off));
            case 41:
                need(len, timeBytes(scale), xtype);
                return time(b, off, len, scale);
            case 42: {
                int t = timeBytes(scale);
                need(len, t + 3, xtype);
                return LocalDateTime.of(LocalDate.ofEpochDay(EPOCH_0001 + u24(b, off + t)), time(b, off, t, scale));
            }
            case 43: {
                int t = timeBytes(scale);
                need(len, t + 5, xtype);
                LocalDateTime utc = LocalDateTime.of(LocalDate.ofEpochDay(EPOCH_0001 + u24(b, off + t)), time(b, off, t, scale));
                int minutes = (short) Bytes.u16(b, off + t + 3);
                ZoneOffset z = ZoneOffset.ofTotalSeconds(minutes * 60);
                return OffsetDateTime.of(utc, ZoneOffset.UTC).withOffsetSameInstant(z);
            }
            case 175, 167, 35:
                return singleByte(b, off, len, cs == null ? charset(collation) : cs);
            case 239, 231, 99:
                return utf16(b, off, len & ~1);
            case 36: {
                need(len, 16, xtype);
                long hi = (Bytes.u32(b, off) << 32) | ((long) Bytes.u16(b, off + 4) << 16) | Bytes.u16(b, off + 6);
                long lo = 0;
                for (int i = 8; i < 16; i++) {
                    lo = lo << 8 | (b[off + i] & 0xFF);
                }
                return new UUID(hi, lo);
            }
            case 98:
                return variant(b, off, len);
            default:
                // binary, varbinary, image, timestamp, xml, CLR types, and types PageLens does not know: the bytes
                return java.util.Arrays.copyOfRange(b, off, off + len);
        }
    }

    /** sql_variant: base type, version, type properties, value (catalog.md 5). */
    private static Object variant(byte[] b, int off, int len) {
        if (len < 2) {
            throw new IllegalArgumentException("sql_variant of " + len + " bytes");
        }
        int base = Bytes.u8(b, off);
        int props = switch (base) {
            case 106, 108 -> 2;
            case 165, 173 -> 2;
            case 167, 175, 231, 239 -> 6;
            case 41, 42, 43 -> 1;
            default -> 0;
        };
        int at = off + 2 + props;
        int precision = props == 2 && (base == 106 || base == 108) ? Bytes.u8(b, off + 2) : 0;
        int scale = base == 106 || base == 108 ? Bytes.u8(b, off + 3) : props == 1 ? Bytes.u8(b, off + 2) : 0;
        int collation = props == 6 ? (int) Bytes.u32(b, off + 4) : 0;
        if (at > off + len) {
            throw new IllegalArgumentException("sql_variant properties past its " + len + " bytes");
        }
        return decode(base, b, at, off + len - at, precision, scale, collation);
    }

    /** Text in a code page; ASCII (the common case) without the charset's decoder. */
    private static String singleByte(byte[] b, int off, int len, Charset cs) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return new String(b, off, len, cs);
            }
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** UTF-16LE, unpaired surrogates kept as they are (what SQL Server stores in nvarchar is UCS-2 at heart). */
    private static String utf16(byte[] b, int off, int len) {
        char[] c = new char[len / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ((b[off + 2 * i] & 0xFF) | (b[off + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(c);
    }

    private static LocalTime time(byte[] b, int off, int len, int scale) {
        long units = 0;
        for (int i = len - 1; i >= 0; i--) {
            units = units << 8 | (b[off + i] & 0xFF);
        }
        long nanos = units * (long) Math.pow(10, 9 - scale);
        if (nanos < 0 || nanos >= 86_400_000_000_000L) {
            throw new IllegalArgumentException("time of " + units + " units of 10^-" + scale + " s is past midnight");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static int u24(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16;
    }

    private static void need(int len, int n, int xtype) {
        if (len != n) {
            throw new IllegalArgumentException(BY_ID.get(xtype).name() + " of " + len + " bytes (expected " + n + ")");
        }
    }

    /**
     * The code page of a collation id (catalog.md 5.1: the low byte is the collation family), or windows-1252 when the family
     * is not in the table (the caller says so: {@link #knownCodePage}).
     */
    public static Charset charset(int collation) {
        String cp = CODE_PAGES.get(collation & 0xFF);
        try {
            return Charset.forName(cp == null ? "windows-1252" : cp);
        } catch (RuntimeException e) {
            return Charset.forName("windows-1252");
        }
    }

    /** Whether the collation's family is in catalog.md's table (0: the database default, taken as 1252, is not). */
    public static boolean knownCodePage(int collation) {
        return CODE_PAGES.containsKey(collation & 0xFF);
    }

    /** Collation family (low byte) to code page: catalog.md 5.1 [SRC mssqlbak data_types/09; 0x08 VERIFIED]. */
    private static final Map<Integer, String> CODE_PAGES = Map.ofEntries(Map.entry(0x01, "windows-1256"), Map.entry(0x03, "x-windows-950"),
            Map.entry(0x07, "windows-1253"), Map.entry(0x08, "windows-1252"), Map.entry(0x0C, "windows-1255"), Map.entry(0x10, "windows-31j"),
            Map.entry(0x11, "x-windows-949"), Map.entry(0x13, "windows-1250"), Map.entry(0x15, "windows-1251"), Map.entry(0x19, "x-windows-874"),
            Map.entry(0x1A, "windows-1254"), Map.entry(0x1F, "windows-1257"), Map.entry(0x20, "windows-1258"), Map.entry(0x24, "GBK"),
            Map.entry(0x28, "windows-1252"));
}

package pagelens.core.catalog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import pagelens.core.page.Bytes;
import pagelens.core.page.PageId;
import pagelens.core.page.RecordInfo;

/**
 * One row of a base table, read by the table's declared columns (docs/catalog.md 4.1-4.3). A column past the record's
 * column count or fixed end is absent (the record was written before an upgrade added it) and reads as null, as a NULL
 * does. Nothing is read outside the record as {@link RecordInfo} bounded it.
 */
public final class CatalogRecord {
    private final byte[] page;
    private final RecordInfo r;
    private final BaseTables.Table table;
    private final int varStart;

    private CatalogRecord(byte[] page, RecordInfo r, BaseTables.Table table) {
        this.page = page;
        this.r = r;
        this.table = table;
        int afterBitmap = r.nullBitmapAt() >= 0 ? r.nullBitmapAt() + r.nullBitmapLen() - r.offset() : r.fixedEnd();
        this.varStart = afterBitmap + 2 + 2 * Math.max(0, r.varCount());
    }

    /**
     * The row at page offset {@code at}, or null when the record is not a live data row (ghost, stub, index record) or
     * does not fit the page.
     */
    public static CatalogRecord read(byte[] page, int at, int limit, BaseTables.Table table) {
        RecordInfo r = RecordInfo.decode(page, 0, at, limit);
        if (!r.problems().isEmpty() || r.fixedEnd() < 4) {
            return null;
        }
        int type = r.type();
        if (type != 0 && type != 1) {
            return null; // primary and forwarded records are rows; stubs, ghosts and index records are not
        }
        return new CatalogRecord(page, r, table);
    }

    public RecordInfo info() {
        return r;
    }

    /** Whether the column holds a value in this record (not NULL, not absent). */
    public boolean has(BaseTables.Column c) {
        if (r.hasNullBitmap()) {
            if (c.ordinal() > r.columnCount()) {
                return false;
            }
            int bit = c.ordinal() - 1;
            if (bit / 8 < r.nullBitmapLen() && (page[r.nullBitmapAt() + bit / 8] >> (bit % 8) & 1) != 0) {
                return false;
            }
        }
        if (c.fixed()) {
            return c.leaf() + c.size() <= r.fixedEnd();
        }
        return -c.leaf() <= Math.max(0, r.varCount());
    }

    /** The column's bytes, or null when NULL or absent. */
    public byte[] bytes(String name) {
        BaseTables.Column c = table.column(name);
        if (!has(c)) {
            return null;
        }
        if (c.fixed()) {
            return java.util.Arrays.copyOfRange(page, r.offset() + c.leaf(), r.offset() + c.leaf() + c.size());
        }
        int k = -c.leaf() - 1;
        int start = k == 0 ? varStart : r.varOffsets()[k - 1];
        int end = r.varOffsets()[k];
        if (end < start || r.offset() + end > page.length) {
            return null;
        }
        return java.util.Arrays.copyOfRange(page, r.offset() + start, r.offset() + end);
    }

    /** An integer column (tinyint unsigned, others signed), or null. */
    public Long number(String name) {
        byte[] b = bytes(name);
        if (b == null) {
            return null;
        }
        return switch (b.length) {
            case 1 -> (long) Bytes.u8(b, 0);
            case 2 -> (long) (short) Bytes.u16(b, 0);
            case 4 -> (long) Bytes.i32(b, 0);
            case 8 -> Bytes.i64(b, 0);
            default -> null;
        };
    }

    public long number(String name, long absent) {
        Long v = number(name);
        return v == null ? absent : v;
    }

    public int integer(String name, int absent) {
        Long v = number(name);
        return v == null ? absent : (int) (long) v;
    }

    /** sysname / nvarchar / nchar (UTF-16LE, trailing pad spaces of nchar removed) or char (cp1252), or null. */
    public String text(String name) {
        byte[] b = bytes(name);
        if (b == null) {
            return null;
        }
        String type = table.column(name).type();
        if (type.startsWith("char")) {
            return new String(b, java.nio.charset.Charset.forName("windows-1252")).stripTrailing();
        }
        String s = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
        return type.startsWith("nchar") ? s.stripTrailing() : s;
    }

    /** A 6-byte page pointer, or null. */
    public PageId pageId(String name) {
        byte[] b = bytes(name);
        return b == null || b.length != 6 ? null : PageId.read(b, 0);
    }

    /** A datetime (1/300 s ticks since midnight, days since 1900-01-01; catalog.md 5), or null. */
    public LocalDateTime dateTime(String name) {
        byte[] b = bytes(name);
        if (b == null || b.length != 8) {
            return null;
        }
        long ticks = Bytes.u32(b, 0);
        int days = Bytes.i32(b, 4);
        long millis = Math.round(ticks * 10.0 / 3.0);
        return LocalDateTime.of(1900, 1, 1, 0, 0).plusDays(days).plusNanos(millis * 1_000_000L);
    }
}

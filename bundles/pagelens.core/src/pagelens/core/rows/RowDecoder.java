package pagelens.core.rows;

import java.util.List;

import pagelens.core.page.Bytes;
import pagelens.core.page.PageId;
import pagelens.core.page.RecordInfo;

/**
 * Decodes FixedVar records (catalog.md 4.1-4.4) by a rowset's stored columns: fixed columns at their leaf offset, bit
 * columns in their shared byte, variable columns by number, NULL from the null bitmap, columns added after a record was
 * written (beyond its column count) as NULL, trailing variable columns a record does not store as NULL or empty, LOB and
 * row-overflow values through {@link LobReader}.
 */
public final class RowDecoder {
    private final TableSchema schema;
    private final LobReader lobs;

    /** Per column of {@link TableSchema#columns()}: its fixed size (-1 variable) and code page (char types), worked out once. */
    private final int[] sizes;
    private final java.nio.charset.Charset[] charsets;

    public RowDecoder(TableSchema schema, LobReader lobs) {
        this.schema = schema;
        this.lobs = lobs;
        List<TableColumn> cols = schema.columns();
        sizes = new int[cols.size()];
        charsets = new java.nio.charset.Charset[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            TableColumn c = cols.get(i);
            sizes[i] = SqlTypes.fixedSize(c.xtype(), c.length(), c.precision(), c.scale());
            charsets[i] = SqlTypes.charset(c.collation());
        }
    }

    /**
     * The row in the record at page offset {@code at}, or null when the record is no data row (an index record, a forwarding
     * stub, a blob fragment, a record whose header does not fit the page).
     *
     * @param limit  the end of the record area (m_freeData or the page end)
     * @param damage why the page is suspect, or null
     */
    public Row decode(byte[] page, PageId id, int slot, int at, int limit, String damage) {
        RecordInfo r = RecordInfo.decode(page, 0, at, limit);
        int type = r.type();
        if (type != 0 && type != 1 && type != 6 || r.fixedEnd() < 4 || (r.statusA() & 1) != 0) {
            return null; // stubs, index and blob records; bit 0 is the CD (compressed) format, never set in FixedVar
        }
        if (!r.problems().isEmpty() && r.fixedEnd() > Math.min(limit, page.length) - at) {
            return null;
        }
        List<TableColumn> cols = schema.columns();
        Object[] values = new Object[cols.size()];
        int[] starts = new int[cols.size()];
        int[] lengths = new int[cols.size()];
        String[] gaps = new String[cols.size()]; // (small: escape analysis and the young generation take it)
        int varStart = -1;
        if (r.hasVariableColumns() && r.varCount() >= 0) {
            int countAt = r.hasNullBitmap() && r.nullBitmapAt() >= 0 ? r.nullBitmapAt() + r.nullBitmapLen() : at + r.fixedEnd();
            varStart = countAt + 2 + 2 * r.varCount();
        }
        for (int i = 0; i < cols.size(); i++) {
            TableColumn c = cols.get(i);
            starts[i] = -1;
            try {
                value(page, at, r, varStart, c, i, values, starts, lengths, gaps);
            } catch (RuntimeException e) {
                // bytes that are no value of the column's type (a date past 9999, an offset past 18 hours, a length that
                // does not fit): this value is a gap, the row and the rest of its values stand
                values[i] = null;
                gaps[i] = "cannot be read: " + e.getMessage();
            }
        }
        Row.Kind kind = type == 6 ? Row.Kind.DELETED : type == 1 ? Row.Kind.FORWARDED : Row.Kind.ROW;
        String d = damage;
        if (!r.problems().isEmpty()) {
            d = (d == null ? "" : d + "; ") + "record: " + String.join("; ", r.problems());
        }
        return new Row(id, slot, at, r.length(), kind, values, starts, lengths, gaps, d);
    }

    private void value(byte[] page, int at, RecordInfo r, int varStart, TableColumn c, int i, Object[] values, int[] starts, int[] lengths,
            String[] gaps) {
        boolean isNull = false;
        boolean absent = false;
        if (r.hasNullBitmap() && r.nullBitmapAt() >= 0 && c.nullBit() > 0) {
            if (c.nullBit() > r.columnCount()) {
                absent = true; // a column added after this record was written
            } else {
                int nb = c.nullBit() - 1;
                isNull = (page[r.nullBitmapAt() + nb / 8] >> (nb % 8) & 1) != 0;
            }
        }
        if (isNull || absent && c.leafOffset() > 0) {
            return;
        }
        if (c.leafOffset() > 0) {
            int off = at + c.leafOffset();
            if (c.xtype() == 104) {
                if (c.leafOffset() >= r.fixedEnd()) {
                    gaps[i] = "bit byte past the fixed part";
                    return;
                }
                values[i] = (page[off] >> c.bitPos() & 1) != 0;
                starts[i] = off;
                lengths[i] = 1;
                return;
            }
            int size = sizes[i];
            if (size < 0) {
                gaps[i] = "fixed column of type " + c.xtype() + ", which PageLens does not know";
                return;
            }
            if (c.leafOffset() + size > r.fixedEnd()) {
                gaps[i] = "fixed column at R+" + c.leafOffset() + " of " + size + " bytes past the fixed part (" + r.fixedEnd() + ")";
                return;
            }
            starts[i] = off;
            lengths[i] = size;
            values[i] = SqlTypes.decode(c.xtype(), page, off, size, c.precision(), c.scale(), c.collation(), charsets[i]);
            return;
        }
        int n = -c.leafOffset();
        if (varStart < 0 || n > r.varCount()) {
            // a trailing variable column this record does not store: NULL, or empty when the null bit says not NULL
            if (!absent && c.nullBit() > 0 && r.hasNullBitmap()) {
                values[i] = empty(c);
            }
            return;
        }
        int from = n == 1 ? varStart : at + r.varOffsets()[n - 2];
        int to = at + r.varOffsets()[n - 1];
        if (to < from || to > page.length) {
            gaps[i] = "variable column " + n + " spans " + (from - at) + ".." + (to - at) + " of the record";
            return;
        }
        starts[i] = from;
        lengths[i] = to - from;
        if (r.varComplex()[n - 1]) {
            LobReader.Lob lob;
            int kind = to > from ? page[from] & 0xFF : -1;
            if ((c.xtype() == 35 || c.xtype() == 99 || c.xtype() == 34) && to - from == 16) {
                lob = lobs.fromTextPointer(new PageId(Bytes.u16(page, from + 12), Bytes.u32(page, from + 8)), Bytes.u16(page, from + 14));
            } else if (kind == 2 || kind == 4) {
                lob = lobs.fromInRowRoot(page, from, to - from);
            } else {
                gaps[i] = "complex column of kind " + kind + " (sparse vector or unknown) not decoded";
                values[i] = java.util.Arrays.copyOfRange(page, from, to);
                return;
            }
            gaps[i] = lob.gap();
            values[i] = SqlTypes.decode(c.xtype(), lob.bytes(), 0, textLength(c, lob.bytes().length), c.precision(), c.scale(), c.collation(), charsets[i]);
            return;
        }
        values[i] = SqlTypes.decode(c.xtype(), page, from, to - from, c.precision(), c.scale(), c.collation(), charsets[i]);
    }

    private static int textLength(TableColumn c, int n) {
        return c.xtype() == 99 || c.xtype() == 231 || c.xtype() == 239 ? n & ~1 : n;
    }

    private static Object empty(TableColumn c) {
        return switch (c.xtype()) {
            case 167, 175, 35, 231, 239, 99 -> "";
            default -> new byte[0];
        };
    }
}

package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * A record decoded without a schema (docs/formats.md section 4.3): status bits, record type, fixed part,
 * column count, null bitmap, variable-column end offsets (with the complex-column bit) and the versioning
 * tag. Every length is checked against the page; what does not fit is reported in {@link #problems()}.
 *
 * @param offset         record start (page offset)
 * @param statusA        byte 0
 * @param statusB        byte 1
 * @param fixedEnd       u16 at +2: end of the fixed-length data (record-relative)
 * @param columnCount    u16 at fixedEnd when the null bitmap is present, else -1
 * @param nullBitmapAt   page offset of the null bitmap, or -1
 * @param nullBitmapLen  its length in bytes
 * @param varCount       number of variable-length columns, or -1
 * @param varOffsets     end offsets of the variable columns, record-relative, complex bit removed
 * @param varComplex     whether each variable column has the 0x8000 complex bit
 * @param length         record length in bytes (to the end of the last column, plus the versioning tag)
 * @param problems       what does not fit the page
 */
public record RecordInfo(int offset, int statusA, int statusB, int fixedEnd, int columnCount, int nullBitmapAt,
        int nullBitmapLen, int varCount, int[] varOffsets, boolean[] varComplex, int length, List<String> problems) {

    public static final int VERSION_TAG_SIZE = 14;

    /** Record type from bits 1-3 of status A. */
    public int type() {
        return (statusA >> 1) & 7;
    }

    public String typeName() {
        return switch (type()) {
            case 0 -> "primary";
            case 1 -> "forwarded";
            case 2 -> "forwarding stub";
            case 3 -> "index";
            case 4 -> "blob fragment";
            case 5 -> "ghost index";
            case 6 -> "ghost data";
            case 7 -> "ghost version";
            default -> "?";
        };
    }

    public boolean hasNullBitmap() {
        return (statusA & 0x10) != 0;
    }

    public boolean hasVariableColumns() {
        return (statusA & 0x20) != 0;
    }

    public boolean hasVersioningTag() {
        return (statusA & 0x40) != 0;
    }

    /**
     * Decodes the record at page offset {@code at} of the page starting at {@code off}; nothing is read
     * beyond {@code limit} (page offset, normally m_freeData or the page end).
     */
    public static RecordInfo decode(byte[] b, int off, int at, int limit) {
        List<String> problems = new Problems();
        int lim = Math.min(limit, Page.SIZE);
        if (at < Page.HEADER_SIZE || at + 4 > lim) {
            problems.add("record header at " + at + " does not fit before " + lim);
            return new RecordInfo(at, 0, 0, 0, -1, -1, 0, -1, new int[0], new boolean[0], 0, problems);
        }
        int a = Bytes.u8(b, off + at);
        int bb = Bytes.u8(b, off + at + 1);
        int kind = (a >> 1) & 7;
        if (kind == 3 || kind == 5) {
            // index records have no fixed-end offset: their layout depends on the key columns
            return new RecordInfo(at, a, bb, -1, -1, -1, 0, -1, new int[0], new boolean[0], 0,
                    List.of("index record: layout depends on the index key (not decoded without a schema)"));
        }
        int fixedEnd = Bytes.u16(b, off + at + 2);
        int end = at + Math.max(4, fixedEnd);
        int columnCount = -1;
        int nbAt = -1;
        int nbLen = 0;
        int varCount = -1;
        int[] varOffsets = new int[0];
        boolean[] complex = new boolean[0];
        if (fixedEnd < 4 || at + fixedEnd > lim) {
            problems.add("fixed-length part ends at " + fixedEnd + ", past the record area");
            return new RecordInfo(at, a, bb, fixedEnd, -1, -1, 0, -1, varOffsets, complex, Math.max(4, Math.min(fixedEnd, lim - at)), problems);
        }
        if ((a & 0x10) != 0) {
            if (end + 2 > lim) {
                problems.add("column count past the record area");
            } else {
                columnCount = Bytes.u16(b, off + end);
                nbAt = end + 2;
                nbLen = (columnCount + 7) / 8;
                end = nbAt + nbLen;
                if (end > lim) {
                    problems.add("null bitmap of " + nbLen + " bytes past the record area");
                    end = lim;
                }
            }
        }
        if ((a & 0x20) != 0 && problems.isEmpty()) {
            if (end + 2 > lim) {
                problems.add("variable column count past the record area");
            } else {
                varCount = Bytes.u16(b, off + end);
                int arrayEnd = end + 2 + 2 * varCount;
                if (arrayEnd > lim) {
                    problems.add(varCount + " variable-column offsets do not fit");
                    varCount = Math.max(0, (lim - end - 2) / 2);
                    arrayEnd = end + 2 + 2 * varCount;
                }
                varOffsets = new int[varCount];
                complex = new boolean[varCount];
                int prev = arrayEnd - at;
                for (int i = 0; i < varCount; i++) {
                    int v = Bytes.u16(b, off + end + 2 + 2 * i);
                    complex[i] = (v & 0x8000) != 0;
                    varOffsets[i] = v & 0x7FFF;
                    if (varOffsets[i] < prev && problems.size() < 4) {
                        problems.add("variable column " + i + " ends at " + varOffsets[i] + ", before the previous end " + prev);
                    }
                    prev = Math.max(prev, varOffsets[i]);
                }
                end = varCount > 0 ? at + prev : arrayEnd;
                if (end > lim) {
                    problems.add("variable data ends at " + end + ", past " + lim);
                    end = lim;
                }
            }
        }
        if ((a & 0x40) != 0) {
            end += VERSION_TAG_SIZE;
            if (end > lim) {
                problems.add("versioning tag past the record area");
                end = lim;
            }
        }
        return new RecordInfo(at, a, bb, fixedEnd, columnCount, nbAt, nbLen, varCount, varOffsets, complex, end - at,
                problems.isEmpty() ? List.of() : List.copyOf(problems));
    }

    /** A list that allocates its storage only when a problem is added (most records have none). */
    private static final class Problems extends java.util.AbstractList<String> {
        private ArrayList<String> items;

        @Override
        public boolean add(String p) {
            if (items == null) {
                items = new ArrayList<>(2);
            }
            return items.add(p);
        }

        @Override
        public String get(int i) {
            if (items == null) {
                throw new IndexOutOfBoundsException(i);
            }
            return items.get(i);
        }

        @Override
        public int size() {
            return items == null ? 0 : items.size();
        }
    }
}

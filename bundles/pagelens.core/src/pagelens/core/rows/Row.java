package pagelens.core.rows;

import pagelens.core.page.PageId;

/**
 * One decoded row, traceable to its bytes: the page and slot it was read from, the record's place on the page, each
 * value's byte range on that page, and what is missing or suspect.
 *
 * @param page    the page the record is on
 * @param slot    its slot
 * @param offset  the record's page offset
 * @param length  the record's length
 * @param kind    a live row, a forwarded row (moved out of its home page in a heap), or a deleted (ghost) row
 * @param values  one per {@link TableSchema#columns()} column: null for SQL NULL or a value that could not be read
 * @param starts  page offset of each value's bytes (for a LOB value, of its in-row pointer); -1 for NULL or absent
 * @param lengths length of each value's bytes on the page
 * @param gaps    per value, why it is missing or incomplete (null: read whole)
 * @param damage  why the page it comes from is suspect (its checksum, torn bits, header), or null
 */
public record Row(PageId page, int slot, int offset, int length, Kind kind, Object[] values, int[] starts, int[] lengths, String[] gaps,
        String damage) {

    /** What kind of record a row came from. */
    public enum Kind {
        ROW, FORWARDED, DELETED
    }

    /** Whether any value has a gap. */
    public boolean hasGaps() {
        for (String g : gaps) {
            if (g != null) {
                return true;
            }
        }
        return false;
    }
}

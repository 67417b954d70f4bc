package pagelens.core.boot;

import pagelens.core.Evidence;

/**
 * One DBINFO field of a layout.
 *
 * @param name     DBCC name (or a description for unnamed bytes)
 * @param offset   P+ offset
 * @param size     bytes
 * @param type     u8, u16, u32, u64, hex16, hex32, lsn, pageid, guid, datetime, nchar, bytes, recordheader
 * @param category identity, versions, LSNs, backup, dates, status, log, recovery, hekaton, unknown, record
 * @param evidence how sure the offset is
 * @param source   where the fact comes from
 */
public record FieldDef(String name, int offset, int size, String type, String category, Evidence evidence, String source) {

    public int end() {
        return offset + size;
    }

    public boolean isHekaton() {
        return category.equals("hekaton");
    }
}

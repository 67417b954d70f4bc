package pagelens.core.boot;

import java.util.List;

import pagelens.core.Evidence;

/**
 * The DBINFO layout of one dbi_version.
 *
 * @param version      dbi_version
 * @param recordLength boot record length in bytes for this version
 * @param release      release name
 * @param fields       fields that lie inside the record, by offset
 * @param hekatonStart P+ start of the region that holds the In-Memory OLTP fields, or -1 (none in this version)
 * @param hekatonEnd   P+ end (exclusive) of that region
 * @param regionEvidence evidence of the region bounds
 * @param origin       "built-in" or the calibrated file it was read from
 */
public record BootLayout(int version, int recordLength, String release, List<FieldDef> fields, int hekatonStart, int hekatonEnd,
        Evidence regionEvidence, String origin) {

    public BootLayout {
        fields = List.copyOf(fields);
    }

    /** P+ offset of the end of the record. */
    public int recordEnd() {
        return 0x60 + recordLength;
    }

    public boolean hasHekatonRegion() {
        return hekatonStart >= 0 && hekatonEnd > hekatonStart;
    }

    /** Hekaton fields with an exact offset (only calibrated layouts have them). */
    public List<FieldDef> hekatonFields() {
        return fields.stream().filter(FieldDef::isHekaton).toList();
    }
}

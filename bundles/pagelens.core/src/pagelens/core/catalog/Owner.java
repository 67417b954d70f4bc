package pagelens.core.catalog;

import pagelens.core.Evidence;

/**
 * Who owns a page: the allocation unit and, where the catalog names them, its rowset (partition), object, schema and
 * index. A name the catalog could not give is null, with {@link #unavailable} saying why (a damaged catalog page, a
 * unit the catalog does not list); the ids are always there when the page header or an IAM gave them.
 *
 * @param allocationUnitId the allocation unit id
 * @param unitType         in-row, LOB, row-overflow, or null when the catalog does not list the unit
 * @param rowsetId         the rowset (partition, hobt) id, or 0 when unknown
 * @param objectId         the object id, or 0 when unknown
 * @param schema           the schema name, or null
 * @param objectName       the object name, or null
 * @param objectType       sysschobjs.type trimmed (U, S, V, IT, ...), or null
 * @param indexId          the index id, or -1 when unknown
 * @param indexName        the index name (null for a heap or when unknown)
 * @param indexKind        the index type, or null when unknown
 * @param partition        the partition number, or 0 when unknown
 * @param by               how the owner was found
 * @param evidence         how sure the attribution is
 * @param unavailable      why a name is missing, or null
 */
public record Owner(long allocationUnitId, UnitType unitType, long rowsetId, int objectId, String schema, String objectName,
        String objectType, int indexId, String indexName, IndexKind indexKind, int partition, By by, Evidence evidence,
        String unavailable) {

    /** How a page's owner was found. */
    public enum By {
        /** the page header's allocation unit id, listed in sysallocunits */
        HEADER,
        /** the IAM chain of an allocation unit that holds the page (the header could not be trusted) */
        IAM,
        /** the header's id, which the catalog does not list */
        HEADER_ONLY
    }

    /** sysallocunits.type (catalog.md 2.2). */
    public enum UnitType {
        IN_ROW_DATA(1), LOB_DATA(2), ROW_OVERFLOW_DATA(3);

        private final int code;

        UnitType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static UnitType of(int code) {
            for (UnitType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    /** sysidxstats.type (catalog.md 7.5: 0-2 VERIFIED, the rest from sys.indexes). */
    public enum IndexKind {
        HEAP(0, Evidence.VERIFIED), CLUSTERED(1, Evidence.VERIFIED), NONCLUSTERED(2, Evidence.VERIFIED), XML(3, Evidence.DOC),
        SPATIAL(4, Evidence.DOC), CLUSTERED_COLUMNSTORE(5, Evidence.DOC), NONCLUSTERED_COLUMNSTORE(6, Evidence.DOC),
        NONCLUSTERED_HASH(7, Evidence.DOC);

        private final int code;
        private final Evidence evidence;

        IndexKind(int code, Evidence evidence) {
            this.code = code;
            this.evidence = evidence;
        }

        public int code() {
            return code;
        }

        public Evidence evidence() {
            return evidence;
        }

        public static IndexKind of(int code) {
            for (IndexKind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Whether the owner is a system base table (the catalog itself): damage there keeps a database from attaching. */
    public boolean systemCatalog() {
        return "S".equals(objectType) || objectType == null && objectId > 0 && objectId < 100 && allocationUnitId < (1L << 56);
    }

    /** A key that groups pages by object, index, partition and unit type (for summaries); unknown units by their id. */
    public String groupKey() {
        return objectId == 0 ? Long.toString(allocationUnitId) : objectId + "/" + indexId + "/" + partition + "/" + unitType;
    }
}

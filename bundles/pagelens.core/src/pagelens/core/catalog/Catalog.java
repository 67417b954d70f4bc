package pagelens.core.catalog;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pagelens.core.Evidence;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.page.PageId;

/**
 * The system catalog of one database as its own pages hold it (docs/catalog.md): allocation units, rowsets, objects,
 * schemas, indexes, columns, data spaces (filegroups) and files; what could not be read and why; and the owner of any
 * allocation unit id a page header carries.
 */
public final class Catalog {

    /** Which generation of base tables the database has (catalog.md 2.1). */
    public enum Generation {
        /** SQL Server 2005: sysrowsetcolumns + syshobtcolumns */
        Y2005,
        /** SQL Server 2008 to 2025: sysrscols */
        Y2008,
        /** neither found */
        UNKNOWN
    }

    /** A row of sysallocunits; {@code where} is the catalog page it came from. */
    public record AllocationUnit(long id, int type, long ownerId, int filegroup, PageId first, PageId root, PageId firstIam,
            long usedPages, long dataPages, long reservedPages, PageId where) {
        public Owner.UnitType unitType() {
            return Owner.UnitType.of(type);
        }
    }

    /** A row of sysrowsets (a partition of an index or heap); compression -1 where the generation has no such column. */
    public record Rowset(long id, int objectId, int indexId, int partition, int status, long rows, int compression, int filestreamFilegroup) {
    }

    /** A row of sysschobjs. */
    public record DbObject(int id, String name, int schemaId, String type, int parentId, int status, LocalDateTime created,
            LocalDateTime modified) {
        /** Objects with negative ids are the engine's own (catalog.md 2.5). */
        public boolean system() {
            return id < 0 || "S".equals(type);
        }
    }

    /** A schema (sysclsobjs class 50). */
    public record Schema(int id, String name) {
    }

    /** A data space (sysclsobjs class 31): FG rows, FD FILESTREAM, FX memory-optimized, PS partition scheme. */
    public record DataSpace(int id, String name, String type, int status) {
    }

    /** A row of sysidxstats that is an index (statistics rows are left out); key columns from sysiscols by key ordinal. */
    public record Index(int objectId, int indexId, String name, int type, int status, long rowset, int dataSpace, List<Integer> keyColumns) {
        public Owner.IndexKind kind() {
            return Owner.IndexKind.of(type);
        }
    }

    /** A row of syscolpars for a table or view column (number 0). */
    public record Column(int objectId, int columnId, String name, int xtype, int length, int precision, int scale, int collation, int status) {
    }

    /**
     * A column as a rowset stores it (catalog.md 2.4): sysrscols (2008+, type from the packed ti) or sysrowsetcolumns +
     * syshobtcolumns (2005). {@code columnId} is rscolid (= syscolpars.colid for heap and clustered rowsets; 0 the
     * uniquifier); {@code leafOffset} &gt; 0 a fixed column at R+offset, &lt; 0 variable column number -offset;
     * {@code nullBit} 1-based; {@code bitPos} the bit of a bit column; {@code keyOrdinal} 0 when not a key column.
     * {@code length} is the maximum length in bytes (0: a (max) type; the fixed size for fixed types as the type gives it).
     */
    public record PhysicalColumn(long rowsetId, int columnId, int hobtColumnId, int xtype, int length, int precision, int scale, int collation,
            int leafOffset, int nullBit, int bitPos, int keyOrdinal) {
    }

    /** A database file: from sysprufiles (2008+) or sysdbfiles (2005); type 0 rows, 1 log, 2 FILESTREAM (catalog.md 2.6). */
    public record DatabaseFile(int fileId, int filegroup, int type, long sizePages, String logicalName, String physicalName, String table) {
    }

    /**
     * Something the catalog reader could not read or found wrong.
     *
     * @param kind  damaged page, page not in the evidence, or a broken chain
     * @param table the base table concerned, or null
     * @param page  where, or null
     * @param what  one line
     */
    public record Problem(ProblemKind kind, String table, PageId page, String what) {
    }

    /** What kind of catalog problem. */
    public enum ProblemKind {
        /** a catalog page fails its checksum, torn-page or header checks */
        DAMAGED,
        /** a catalog page the chain or an IAM names is not in the evidence (a backup stripe, a cut file) */
        MISSING,
        /** a chain of catalog pages breaks or loops */
        CHAIN
    }

    /** What was checked of the base tables' own description (catalog.md 2.4): columns compared, mismatches. */
    public record SelfCheck(int tables, int columns, List<String> mismatches) {
    }

    final Map<Long, AllocationUnit> units = new TreeMap<>();
    final Map<Long, Rowset> rowsets = new TreeMap<>();
    final Map<Integer, DbObject> objects = new TreeMap<>();
    final Map<Integer, Schema> schemas = new TreeMap<>();
    final Map<Integer, DataSpace> dataSpaces = new TreeMap<>();
    final Map<Long, Index> indexes = new TreeMap<>();
    final Map<Integer, List<Column>> columns = new TreeMap<>();
    final Map<Long, List<PhysicalColumn>> physical = new HashMap<>();
    final List<DatabaseFile> files = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    /** Base tables whose rows were read, with the pages they came from. */
    final Map<String, List<PageId>> basePages = new TreeMap<>();
    /** Catalog pages that could not be read as such, by base table. */
    final Map<String, List<PageId>> unreadable = new TreeMap<>();
    /** Base tables some of whose pages could not be read or found. */
    final java.util.Set<String> incomplete = new java.util.TreeSet<>();
    Generation generation = Generation.UNKNOWN;
    SelfCheck selfCheck = new SelfCheck(0, 0, List.of());
    boolean bootFound;
    long readNanos;

    Catalog() {
    }

    /** How long reading the catalog took (ms). */
    public double readMillis() {
        return readNanos / 1e6;
    }

    public Generation generation() {
        return generation;
    }

    /** Whether anything of the catalog was read (sysallocunits or a base table found by its fixed id). */
    public boolean readable() {
        return !units.isEmpty() || !objects.isEmpty();
    }

    public Map<Long, AllocationUnit> allocationUnits() {
        return Collections.unmodifiableMap(units);
    }

    public Map<Long, Rowset> rowsets() {
        return Collections.unmodifiableMap(rowsets);
    }

    public Map<Integer, DbObject> objects() {
        return Collections.unmodifiableMap(objects);
    }

    public Map<Integer, Schema> schemas() {
        return Collections.unmodifiableMap(schemas);
    }

    public Map<Integer, DataSpace> dataSpaces() {
        return Collections.unmodifiableMap(dataSpaces);
    }

    /** Indexes by (object id << 32 | index id). */
    public Map<Long, Index> indexes() {
        return Collections.unmodifiableMap(indexes);
    }

    public Index index(int objectId, int indexId) {
        return indexes.get(((long) objectId << 32) | (indexId & 0xFFFF_FFFFL));
    }

    /** The names of an index's key columns in key order ("column N" where syscolpars has no row for it). */
    public List<String> keyColumnNames(Index ix) {
        List<String> out = new ArrayList<>();
        for (int colid : ix.keyColumns()) {
            out.add(columns(ix.objectId()).stream().filter(c -> c.columnId() == colid).map(Column::name).findFirst().orElse("column " + colid));
        }
        return out;
    }

    public List<Column> columns(int objectId) {
        return columns.getOrDefault(objectId, List.of());
    }

    /** The columns a rowset stores, by physical ordinal (hbcolid); empty when its description was not read. */
    public List<PhysicalColumn> physicalColumns(long rowsetId) {
        return physical.getOrDefault(rowsetId, List.of());
    }

    public List<DatabaseFile> files() {
        return Collections.unmodifiableList(files);
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The pages each base table's rows were read from. */
    public Map<String, List<PageId>> baseTablePages() {
        return Collections.unmodifiableMap(basePages);
    }

    /** Catalog pages that could not be read, by base table. */
    public Map<String, List<PageId>> unreadablePages() {
        return Collections.unmodifiableMap(unreadable);
    }

    /** Base tables some of whose rows may be missing (a page absent, damaged, or a chain that broke). */
    public java.util.Set<String> incompleteTables() {
        return Collections.unmodifiableSet(incomplete);
    }

    public SelfCheck selfCheck() {
        return selfCheck;
    }

    /** The user tables (type U, id > 0), by schema and name. */
    public List<DbObject> userTables() {
        List<DbObject> out = new ArrayList<>();
        for (DbObject o : objects.values()) {
            if ("U".equals(o.type()) && o.id() > 0) {
                out.add(o);
            }
        }
        out.sort((a, b) -> (schemaName(a.schemaId()) + "." + a.name()).compareToIgnoreCase(schemaName(b.schemaId()) + "." + b.name()));
        return out;
    }

    public String schemaName(int id) {
        Schema s = schemas.get(id);
        return s == null ? null : s.name();
    }

    /** The rowsets (partitions) of one object, by index id then partition number. */
    public List<Rowset> rowsetsOf(int objectId) {
        List<Rowset> out = new ArrayList<>();
        for (Rowset r : rowsets.values()) {
            if (r.objectId() == objectId) {
                out.add(r);
            }
        }
        out.sort((a, b) -> a.indexId() != b.indexId() ? Integer.compare(a.indexId(), b.indexId()) : Integer.compare(a.partition(), b.partition()));
        return out;
    }

    /** The allocation units of one rowset. */
    public List<AllocationUnit> unitsOf(long rowsetId) {
        List<AllocationUnit> out = new ArrayList<>();
        for (AllocationUnit u : units.values()) {
            if (u.ownerId() == rowsetId) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * The owner of a page whose header carries {@code objId} (m_objId) and {@code indexId} (m_indexId): the unit
     * (index << 48 | obj << 16) when the catalog lists it, else a legacy unit (id below 2^56, created on SQL Server 2000)
     * of the same object whose index is 1 while the header says 0 (catalog.md 1.4), else the ids alone.
     */
    public Owner ownerOfHeader(long objId, int indexId) {
        long auid = ((long) indexId << 48) | (objId << 16);
        Owner o = owner(auid, Owner.By.HEADER);
        if (o.by() != Owner.By.HEADER_ONLY || indexId != 0) {
            return o;
        }
        long legacy = (1L << 48) | (objId << 16);
        if (units.containsKey(legacy)) {
            return owner(legacy, Owner.By.HEADER);
        }
        return o;
    }

    /** The owner of allocation unit {@code auid}, with its names where the catalog has them. */
    public Owner owner(long auid, Owner.By by) {
        AllocationUnit u = units.get(auid);
        Rowset r = u == null ? null : rowsets.get(u.ownerId());
        if (u == null) {
            // a system base table is known by its fixed id even when sysallocunits cannot be read (catalog.md 1.3)
            for (BaseTables.Table t : BaseTables.get().all()) {
                if (t.id() == auid) {
                    DbObject o = objects.get(t.objectId());
                    String name = o != null ? o.name() : t.name();
                    return new Owner(auid, Owner.UnitType.IN_ROW_DATA, auid, t.objectId(), "sys", name, "S", t.indexBits(), null,
                            t.indexBits() == 0 ? Owner.IndexKind.HEAP : Owner.IndexKind.CLUSTERED, 1, Owner.By.HEADER, Evidence.VERIFIED, null);
                }
            }
            String why = units.isEmpty() ? "the allocation units could not be read" : "allocation unit not listed in sysallocunits";
            return new Owner(auid, null, 0, 0, null, null, null, -1, null, null, 0, by == Owner.By.IAM ? by : Owner.By.HEADER_ONLY,
                    Evidence.INFERRED, why);
        }
        if (r == null) {
            return new Owner(auid, u.unitType(), u.ownerId(), 0, null, null, null, -1, null, null, 0, by, Evidence.VERIFIED,
                    "rowset " + u.ownerId() + " not listed in sysrowsets");
        }
        DbObject o = objects.get(r.objectId());
        if (o == null && auid < (1L << 56)) {
            // a system base table is known by its fixed id even when its sysschobjs row is unavailable (catalog.md 1.3)
            for (BaseTables.Table t : BaseTables.get().all()) {
                if (t.objectId() == r.objectId()) {
                    o = new DbObject(t.objectId(), t.name(), 4, "S", 0, 1, null, null);
                }
            }
        }
        Index ix = index(r.objectId(), r.indexId());
        String why = null;
        if (o == null) {
            why = "object " + r.objectId() + " not listed in sysschobjs" + pagesNote("sysschobjs");
        }
        Owner.IndexKind kind = ix != null ? ix.kind() : r.indexId() == 0 ? Owner.IndexKind.HEAP : r.indexId() == 1 ? Owner.IndexKind.CLUSTERED : null;
        return new Owner(auid, u.unitType(), r.id(), r.objectId(), o == null ? null : schemaOr(o), o == null ? null : o.name(),
                o == null ? null : o.type(), r.indexId(), ix == null ? null : ix.name(), kind, r.partition(), by, Evidence.VERIFIED, why);
    }

    /** The schema of a base table known by its fixed id when sysclsobjs is unavailable. */
    private String schemaOr(DbObject o) {
        String s = schemaName(o.schemaId());
        return s == null && "S".equals(o.type()) && o.schemaId() == 4 ? "sys" : s;
    }

    private String pagesNote(String table) {
        List<PageId> bad = unreadable.get(table);
        if (bad == null || bad.isEmpty()) {
            return "";
        }
        return " (" + table + " page" + (bad.size() > 1 ? "s " : " ") + bad.stream().map(PageId::toString).limit(5)
                .reduce((a, b) -> a + ", " + b).orElse("") + " could not be read)";
    }

    /**
     * Whether the database has a memory-optimized filegroup, from its data spaces (a class-31 row of type FX: [SRC]
     * sys.filegroups definition, [DOC] sys.data_spaces; catalog.md 2.6 rule 1): present when such a row exists, absent
     * when the data spaces were read and none is FX (an FX filegroup cannot be removed), not stated when they could not be
     * read. No real sample has an FX filegroup, so the positive case is not verified.
     */
    public XtpFilegroup memoryOptimizedFilegroup() {
        boolean complete = !incomplete.contains("sysallocunits") && !incomplete.contains("sysclsobjs") && !incomplete.contains("sysphfg");
        boolean fx = dataSpaces.values().stream().anyMatch(d -> "FX".equals(d.type()));
        if (dataSpaces.isEmpty() || !fx && !complete) {
            return XtpFilegroup.NOT_STATED;
        }
        for (DataSpace d : dataSpaces.values()) {
            if ("FX".equals(d.type())) {
                return XtpFilegroup.PRESENT;
            }
        }
        return XtpFilegroup.ABSENT;
    }

    /** Why {@link #memoryOptimizedFilegroup()} says what it says, with its evidence level. */
    public String memoryOptimizedFilegroupReason() {
        return switch (memoryOptimizedFilegroup()) {
            case PRESENT -> "the database's catalog lists a MEMORY_OPTIMIZED_DATA (FX) filegroup " + Evidence.SRC.tag();
            case ABSENT -> "the database's catalog lists " + dataSpaces.size() + " data space(s), none memory-optimized (FX) "
                    + Evidence.INFERRED.tag();
            case NOT_STATED -> dataSpaces.isEmpty() ? "the database's data spaces could not be read"
                    : "the database's data spaces could not all be read (catalog pages missing or damaged)";
        };
    }
}

package pagelens.core.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.Evidence;

/**
 * The system base tables PageLens decodes, from {@code base-tables.tsv}: each table's columns in declared order and
 * the leaf position each column takes when the declared columns are packed (fixed columns from R+4 in declared order,
 * variable columns numbered in declared order, null bit = ordinal; docs/catalog.md 2.4).
 */
public final class BaseTables {

    /**
     * One column.
     *
     * @param name     the column's name
     * @param ordinal  1-based declared position (also its null bit)
     * @param type     SQL type as written in the table (int, bigint, sysname, char(2), pageid, ...)
     * @param size     bytes of a fixed column, -1 for a variable one
     * @param leaf     > 0: fixed column at R+leaf; < 0: variable column number -leaf
     * @param evidence how sure the position and meaning are
     * @param source   where the fact comes from
     */
    public record Column(String name, int ordinal, String type, int size, int leaf, Evidence evidence, String source) {
        public boolean fixed() {
            return leaf > 0;
        }
    }

    /**
     * One base table.
     *
     * @param name      sysallocunits, sysrowsets, ...
     * @param objectId  its object id
     * @param indexBits the index bits of its fixed rowset and allocation unit id (0 for the bootstrap tables, 1 for clustered)
     * @param columns   its columns in declared order
     */
    public record Table(String name, int objectId, int indexBits, List<Column> columns) {
        /** The fixed rowset id and in-row allocation unit id: (index bits << 48) | (object id << 16) (catalog.md 1.3). */
        public long id() {
            return ((long) indexBits << 48) | ((long) objectId << 16);
        }

        public Column column(String n) {
            for (Column c : columns) {
                if (c.name().equals(n)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(name + " has no column " + n);
        }

        /** End of the fixed part when every declared column is present. */
        public int fixedEnd() {
            int end = 4;
            for (Column c : columns) {
                if (c.fixed()) {
                    end = Math.max(end, c.leaf() + c.size());
                }
            }
            return end;
        }
    }

    private static final BaseTables INSTANCE = load();

    private final Map<String, Table> tables;

    private BaseTables(Map<String, Table> tables) {
        this.tables = tables;
    }

    public static BaseTables get() {
        return INSTANCE;
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("base-tables.tsv has no table " + name);
        }
        return t;
    }

    public List<Table> all() {
        return List.copyOf(tables.values());
    }

    /** Bytes of a fixed type, or -1 for a variable one; an unknown type is a defect of the table. */
    static int size(String type) {
        switch (type) {
            case "tinyint":
                return 1;
            case "smallint":
                return 2;
            case "int":
                return 4;
            case "bigint", "datetime":
                return 8;
            case "pageid":
                return 6;
            case "uniqueidentifier":
                return 16;
            case "sysname", "nvarchar", "varbinary":
                return -1;
            default:
                if (type.matches("(char|binary)\\(\\d+\\)")) {
                    return Integer.parseInt(type.substring(type.indexOf('(') + 1, type.length() - 1));
                }
                if (type.matches("nchar\\(\\d+\\)")) {
                    return 2 * Integer.parseInt(type.substring(6, type.length() - 1));
                }
                throw new IllegalStateException("base-tables.tsv: unknown type " + type);
        }
    }

    private static BaseTables load() {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] c : pagelens.core.DeclaredLayout.rows(BaseTables.class, "base-tables.tsv", 7)) {
            rows.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c);
        }
        Map<String, Table> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            List<Column> cols = new ArrayList<>();
            int fixedAt = 4;
            int varNo = 0;
            int ordinal = 0;
            String[] first = e.getValue().get(0);
            for (String[] c : e.getValue()) {
                ordinal++;
                int size = size(c[4]);
                int leaf;
                if (size > 0) {
                    leaf = fixedAt;
                    fixedAt += size;
                } else {
                    leaf = -(++varNo);
                }
                cols.add(new Column(c[3], ordinal, c[4], size, leaf, Evidence.valueOf(c[5]), c[6]));
            }
            out.put(e.getKey(), new Table(e.getKey(), Integer.parseInt(first[1]), Integer.parseInt(first[2]), List.copyOf(cols)));
        }
        return new BaseTables(out);
    }
}

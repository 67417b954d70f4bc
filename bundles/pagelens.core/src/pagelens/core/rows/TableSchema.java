package pagelens.core.rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.catalog.Catalog;

/**
 * The columns of one rowset (a heap or a clustered index's leaf level, one partition) as its records store them, named
 * from syscolpars (joined on colid = rscolid, catalog.md 2.4). Columns in the rowset with no syscolpars row are dropped
 * columns (kept: they still take their place in old records); syscolpars columns with no stored column are computed.
 */
public final class TableSchema {
    private final List<TableColumn> stored;
    private final List<TableColumn> visible;

    private TableSchema(List<TableColumn> stored) {
        this.stored = List.copyOf(stored);
        List<TableColumn> v = new ArrayList<>();
        for (TableColumn c : stored) {
            if (c.visible()) {
                v.add(c);
            }
        }
        v.sort((a, b) -> Integer.compare(a.columnId(), b.columnId()));
        this.visible = List.copyOf(v);
    }

    /** The schema of a rowset, or null when the catalog holds no description of it. */
    public static TableSchema of(Catalog c, Catalog.Rowset rowset) {
        List<Catalog.PhysicalColumn> physical = c.physicalColumns(rowset.id());
        if (physical.isEmpty()) {
            return null;
        }
        Map<Integer, Catalog.Column> named = new HashMap<>();
        for (Catalog.Column col : c.columns(rowset.objectId())) {
            named.put(col.columnId(), col);
        }
        List<TableColumn> out = new ArrayList<>();
        for (Catalog.PhysicalColumn p : physical) {
            Catalog.Column col = p.columnId() > 0 ? named.get(p.columnId()) : null;
            int collation = p.collation() != 0 ? p.collation() : col == null ? 0 : col.collation();
            out.add(new TableColumn(col == null ? null : col.name(), p.columnId(), p.xtype(), p.length(), p.precision(), p.scale(), collation,
                    p.leafOffset(), p.nullBit(), p.bitPos(), p.keyOrdinal()));
        }
        return new TableSchema(out);
    }

    /** A schema of given columns (synthetic fixtures, and views that describe a rowset themselves). */
    public static TableSchema of(List<TableColumn> stored) {
        return new TableSchema(stored);
    }

    /** Every column the records store, by physical order (including dropped columns and the uniquifier). */
    public List<TableColumn> stored() {
        return stored;
    }

    /** The table's columns in column-id order (what SELECT * shows). */
    public List<TableColumn> columns() {
        return visible;
    }
}

package pagelens.core.rows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Owner;
import pagelens.core.exam.Examination;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.store.PageStore;

/**
 * What data a damaged page puts at risk: for each page of a user table with an error finding, the rows still decoded from it
 * (their count and the key values of the first few) or, when none can be, the rows its slot count says it held. The ticket
 * then says which rows to check, not only which page.
 */
public final class RowsAtRisk {
    /**
     * One damaged page of a user table.
     *
     * @param page       the page
     * @param owner      its owner
     * @param keyColumns the names of the key columns shown (the clustered index key, else the first column)
     * @param rows       rows decoded from the page (deleted rows not counted)
     * @param firstKeys  the key values of the first rows (typed values, one array per row)
     * @param lostRows   when no row could be decoded: the page's slot count, or -1 when its header is gone too; 0 otherwise
     * @param reason     the first error finding on the page
     */
    public record Page(PageId page, Owner owner, List<String> keyColumns, int rows, List<Object[]> firstKeys, int lostRows, String reason) {
    }

    /** The pages described (at most the limit asked for) and how many damaged pages of user tables there are in all. */
    public record Result(List<Page> pages, int total) {
    }

    private RowsAtRisk() {
    }

    /**
     * The damaged pages of user tables in an examination, in page order, with the first {@code firstN} rows' keys each; at most
     * {@code maxPages} are decoded and described (a report stays readable whatever the damage), all are counted.
     */
    public static Result of(Examination e, int firstN, int maxPages) {
        Catalog c = e.catalog();
        if (c == null) {
            return new Result(List.of(), 0);
        }
        Map<PageId, String> damaged = new LinkedHashMap<>();
        for (Finding f : e.findingList()) {
            if (f.severity().atLeast(Severity.ERROR) && f.location().pageId() >= 0 && f.location().fileId() >= 0) {
                damaged.putIfAbsent(new PageId(f.location().fileId(), f.location().pageId()), f.title());
            }
        }
        List<Page> out = new ArrayList<>();
        PageStore store;
        try {
            store = e.evidence().pages(ProgressMonitor.NULL);
        } catch (IOException | RuntimeException x) {
            return new Result(List.of(), 0);
        }
        TableReader reader = new TableReader(store, c);
        int[] total = new int[1];
        damaged.keySet().stream().sorted().forEach(id -> {
            Owner o = e.ownerOf(id);
            Catalog.DbObject table = o == null ? null : c.objects().get(o.objectId());
            if (table == null || !"U".equals(table.type()) || o.unitType() != Owner.UnitType.IN_ROW_DATA) {
                return; // not a user table's data: the object summary names it
            }
            if (total[0]++ >= maxPages) {
                return;
            }
            List<String> keys = keyColumns(c, table, reader.schema(table));
            List<Row> rows;
            try {
                rows = reader.pageRows(table, id);
            } catch (IOException | RuntimeException x) {
                rows = List.of();
            }
            rows = rows.stream().filter(r -> r.kind() != Row.Kind.DELETED).toList();
            TableSchema schema = reader.schema(table);
            List<Object[]> first = new ArrayList<>();
            for (Row r : rows.subList(0, Math.min(firstN, rows.size()))) {
                Object[] k = new Object[keys.size()];
                for (int i = 0; i < keys.size() && schema != null; i++) {
                    for (int j = 0; j < schema.columns().size(); j++) {
                        if (schema.columns().get(j).name().equals(keys.get(i))) {
                            k[i] = r.values()[j];
                        }
                    }
                }
                first.add(k);
            }
            int lost = 0;
            if (rows.isEmpty()) {
                lost = -1;
                try {
                    byte[] p = store.readPage(id.fileId(), id.pageId());
                    if (p != null && p[0] == 1 && Bytes.u8(p, 1) == PageType.DATA) {
                        lost = Bytes.u16(p, PageHeaderLayout.SLOT_COUNT);
                    }
                } catch (IOException | RuntimeException x) {
                    lost = -1;
                }
            }
            out.add(new Page(id, o, keys, rows.size(), first, lost, damaged.get(id)));
        });
        return new Result(List.copyOf(out), total[0]);
    }

    private static List<String> keyColumns(Catalog c, Catalog.DbObject table, TableSchema schema) {
        Catalog.Index clustered = c.index(table.id(), 1);
        if (clustered != null) {
            List<String> k = c.keyColumnNames(clustered);
            if (!k.isEmpty()) {
                return k;
            }
        }
        return schema == null || schema.columns().isEmpty() ? List.of() : List.of(schema.columns().get(0).name());
    }
}

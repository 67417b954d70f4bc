package pagelens.core.rows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import pagelens.core.alloc.AllocationState;
import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.IamPage;
import pagelens.core.catalog.Owner;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.page.PageVerification;
import pagelens.core.page.SlotArray;
import pagelens.core.page.TornBits;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.PageRules;
import pagelens.core.store.PageStore;

/**
 * Reads a table's rows from any page store (a data file, a backup, several files of one database), streamed: for each
 * partition of the heap or clustered index, the pages of its in-row allocation unit, a clustered index's in key order along
 * its leaf chain (pages the chain does not reach, when it breaks, afterwards in page order), a heap's in allocation order.
 * Pages are checked as the scan checks them; rows of a damaged page are decoded where the bytes allow and marked; a page that
 * cannot be read at all is counted as lost, with its slot count where the header still gives it. Nothing is written.
 */
public final class TableReader {

    /** What to read: deleted (ghost) rows too; at most {@code limit} rows (0: all). */
    public record Options(boolean includeDeleted, long limit) {
        public static Options all() {
            return new Options(false, 0);
        }
    }

    /** A page of the table whose rows could not be read; {@code slots} its slot count, or -1 when the header is gone. */
    public record LostPage(PageId page, int slots, String reason) {
    }

    /**
     * What the reading found.
     *
     * @param rows            rows given to the sink (deleted ones included when asked)
     * @param deleted         of those, deleted (ghost) rows
     * @param fromDamaged     of those, rows read from damaged pages (marked on each row)
     * @param lost            pages whose rows could not be read
     * @param pages           data pages read
     * @param notDecoded      partitions whose rows are not decoded, with the reason (compressed rows, no column description)
     * @param complete        whether every page of the table was read (no limit reached, no cancel)
     */
    public record Summary(long rows, long deleted, long fromDamaged, List<LostPage> lost, long pages, List<String> notDecoded, boolean complete) {
        /** Rows lost by the slot counts of the lost pages (pages without a readable header count 0). */
        public long rowsLostBySlotCount() {
            return lost.stream().mapToLong(l -> Math.max(0, l.slots())).sum();
        }
    }

    /** Receives rows in order; returns false to stop. */
    public interface Sink {
        boolean row(TableSchema schema, Row row);
    }

    private final PageStore store;
    private final Catalog catalog;
    private final Map<Integer, AllocationState> alloc = new HashMap<>();
    private final int[] xors = new int[Page.SECTORS];

    public TableReader(PageStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** The table's schema (its first heap or clustered rowset's columns), or null when the catalog does not describe it. */
    public TableSchema schema(Catalog.DbObject table) {
        for (Catalog.Rowset r : catalog.rowsetsOf(table.id())) {
            if (r.indexId() <= 1) {
                TableSchema s = TableSchema.of(catalog, r);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Reads the rows of {@code table} into {@code sink}. */
    public Summary read(Catalog.DbObject table, Options o, Sink sink, ProgressMonitor monitor) throws IOException {
        long[] n = new long[4]; // rows, deleted, from damaged, pages
        List<LostPage> lost = new ArrayList<>();
        List<String> notDecoded = new ArrayList<>();
        LobReader lobs = new LobReader(store);
        boolean stopped = false;
        for (Catalog.Rowset rowset : catalog.rowsetsOf(table.id())) {
            if (rowset.indexId() > 1 || stopped) {
                continue; // nonclustered indexes hold copies of key columns, not the rows
            }
            if (rowset.compression() > 0) {
                notDecoded.add("partition " + rowset.partition() + ": " + (rowset.compression() == 1 ? "ROW" : rowset.compression() == 2 ? "PAGE"
                        : "level " + rowset.compression()) + "-compressed rows (CD format) not decoded");
                continue;
            }
            TableSchema schema = TableSchema.of(catalog, rowset);
            if (schema == null) {
                notDecoded.add("partition " + rowset.partition() + ": the catalog holds no description of its columns");
                continue;
            }
            RowDecoder decoder = new RowDecoder(schema, lobs);
            for (Catalog.AllocationUnit unit : catalog.unitsOf(rowset.id())) {
                if (unit.unitType() != Owner.UnitType.IN_ROW_DATA || stopped) {
                    continue; // LOB and row-overflow pages are read through the rows that point to them
                }
                for (PageId id : pagesOf(unit, rowset.indexId() == 1, lost)) {
                    monitor.checkCanceled();
                    if (!readPage(id, null, unit.id(), decoder, schema, o, sink, n, lost)) {
                        stopped = true;
                        break;
                    }
                }
            }
        }
        return new Summary(n[0], n[1], n[2], List.copyOf(lost), n[3], List.copyOf(notDecoded), !stopped);
    }

    /**
     * The unit's data pages: candidates from its IAM chain (single-page slots and allocated extents, pages the PFS marks
     * allocated and whose header names the unit); a clustered index's in leaf-chain order from sysallocunits.pgfirst.
     */
    private List<PageId> pagesOf(Catalog.AllocationUnit unit, boolean clustered, List<LostPage> lost) throws IOException {
        TreeSet<PageId> candidates = new TreeSet<>();
        Set<PageId> seenIam = new HashSet<>();
        PageId p = unit.firstIam();
        while (p != null && !p.isNull() && seenIam.add(p)) {
            byte[] page = store.fileIds().contains(p.fileId()) ? store.readPage(p.fileId(), p.pageId()) : null;
            IamPage iam = IamPage.read(p, page);
            if (iam == null) {
                break; // a broken chain: the allocation findings say it; the leaf chain may still reach the pages
            }
            candidates.addAll(iam.singlePages());
            long limit = store.pageLimit(iam.start().fileId());
            for (long first : iam.extents()) {
                for (long k = first; k < first + 8 && k < limit; k++) {
                    candidates.add(new PageId(iam.start().fileId(), k));
                }
            }
            p = iam.next();
        }
        List<PageId> order = new ArrayList<>();
        Set<PageId> placed = new HashSet<>();
        if (clustered && unit.first() != null && !unit.first().isNull()) {
            PageId at = unit.first();
            while (at != null && !at.isNull() && placed.add(at)) {
                order.add(at);
                byte[] page = store.readPage(at.fileId(), at.pageId());
                if (page == null || page[0] != 1 || Bytes.u8(page, 1) != PageType.DATA || !sameUnit(page, unit.id())) {
                    break; // the chain cannot be followed past a page that is not one of the unit's data pages
                }
                at = PageId.read(page, PageHeaderLayout.NEXT_PAGE);
            }
        }
        for (PageId c : candidates) {
            if (!placed.contains(c)) {
                order.add(c);
            }
        }
        return order;
    }

    private boolean readPage(PageId id, byte[] given, long unitId, RowDecoder decoder, TableSchema schema, Options o, Sink sink, long[] n,
            List<LostPage> lost) throws IOException {
        byte[] page = given != null ? given : store.fileIds().contains(id.fileId()) ? store.readPage(id.fileId(), id.pageId()) : null;
        if (page == null) {
            if (allocated(id)) {
                lost.add(new LostPage(id, -1, "not in the evidence"));
            }
            return true;
        }
        boolean formatted = page[0] == 1;
        if (formatted && !sameUnit(page, unitId)) {
            return true; // a page of another unit in one of this unit's mixed extents, or an IAM page
        }
        if (formatted && Bytes.u8(page, 1) != PageType.DATA) {
            return true; // the unit's IAM page, or (clustered) a non-leaf index page
        }
        if (formatted && free(id)) {
            return true; // a page the PFS marks free: a stale image of a deallocated page, not the table's data
        }
        String damage = null;
        if (PageVerification.quick(page, 0, id.fileId(), id.pageId(), xors) == PageVerification.QUICK_NEEDS_DETAIL) {
            // the scan's own rules decide, and their first finding says why
            FindingSink checks = new FindingSink(4);
            byte status = PageRules.check(page, 0, Location.page(store.evidence(), id.fileId(), id.pageId(), -1), true, null, checks,
                    new PageCounts.Counter());
            damage = PageRules.damaged(status) ? checks.findings().isEmpty() ? "the page fails its checks" : checks.findings().get(0).title() : null;
        }
        if (!formatted || Page.HEADER_SIZE > page.length) {
            if (allocated(id)) {
                lost.add(new LostPage(id, -1, damage == null ? "no page header" : damage));
            }
            return true;
        }
        page = TornBits.asRead(page);
        int slots = Bytes.u16(page, PageHeaderLayout.SLOT_COUNT);
        int freeData = Bytes.u16(page, PageHeaderLayout.FREE_DATA);
        int limit = freeData >= Page.HEADER_SIZE && freeData <= Page.SIZE ? freeData : Page.SIZE;
        if (slots > SlotArray.MAX_SLOTS) {
            lost.add(new LostPage(id, -1, damage != null ? damage : "slot count " + slots + " is impossible"));
            return true;
        }
        n[3]++;
        int decoded = 0;
        for (int s = 0; s < slots; s++) {
            int at = Bytes.u16(page, SlotArray.offsetOfSlot(s));
            if (at < Page.HEADER_SIZE || at >= Page.SIZE - 2 * slots) {
                continue; // an empty slot
            }
            Row r = decoder.decode(page, id, s, at, damage != null ? Page.SIZE : Math.max(limit, at + 4), damage);
            if (r == null) {
                continue;
            }
            decoded++;
            if (r.kind() == Row.Kind.DELETED && !o.includeDeleted()) {
                continue;
            }
            n[0]++;
            if (r.kind() == Row.Kind.DELETED) {
                n[1]++;
            }
            if (r.damage() != null) {
                n[2]++;
            }
            if (!sink.row(schema, r) || o.limit() > 0 && n[0] >= o.limit()) {
                return false;
            }
        }
        if (damage != null && decoded == 0 && slots > 0) {
            lost.add(new LostPage(id, slots, damage));
        }
        return true;
    }

    /**
     * The rows of one page of a table (deleted ones too), decoded as {@link #read} decodes them: for views that show a large
     * table a screen at a time and keep only where each row is. Empty when the page is not a data page of the table's heap
     * or clustered index.
     */
    public List<Row> pageRows(Catalog.DbObject table, PageId id) throws IOException {
        return pageRows(table, id, null);
    }

    /** As {@link #pageRows(Catalog.DbObject, PageId)}, decoding {@code bytes} (a page as a view shows it) instead of the store's copy. */
    public List<Row> pageRows(Catalog.DbObject table, PageId id, byte[] bytes) throws IOException {
        for (Catalog.Rowset rowset : catalog.rowsetsOf(table.id())) {
            if (rowset.indexId() > 1 || rowset.compression() > 0) {
                continue;
            }
            for (Catalog.AllocationUnit unit : catalog.unitsOf(rowset.id())) {
                if (unit.unitType() != Owner.UnitType.IN_ROW_DATA) {
                    continue;
                }
                byte[] page = bytes != null ? bytes : store.fileIds().contains(id.fileId()) ? store.readPage(id.fileId(), id.pageId()) : null;
                if (page == null || page[0] != 1 || !sameUnit(page, unit.id())) {
                    continue;
                }
                TableSchema schema = TableSchema.of(catalog, rowset);
                if (schema == null) {
                    return List.of();
                }
                List<Row> rows = new ArrayList<>();
                readPage(id, page, unit.id(), new RowDecoder(schema, new LobReader(store)), schema, new Options(true, 0), (sc, r) -> rows.add(r),
                        new long[4], new ArrayList<>());
                return rows;
            }
        }
        return List.of();
    }

    private boolean sameUnit(byte[] page, long unit) {
        long header = IamPage.headerAuid(page);
        if (header == unit) {
            return true;
        }
        // the legacy rule (catalog.md 1.4): a header with index 0 and the object id of a unit below 2^56
        return unit < (1L << 56) && (header >>> 16 & 0xFFFF_FFFFL) == (unit >>> 16 & 0xFFFF_FFFFL) && (header >>> 48) == 0;
    }

    private AllocationState allocation(int file) {
        return alloc.computeIfAbsent(file, f -> {
            try {
                return AllocationState.read(store, f, store.pageLimit(f));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    private boolean free(PageId id) {
        AllocationState a = allocation(id.fileId());
        return a != null && a.state(id.pageId()) == AllocationState.State.UNALLOCATED;
    }

    private boolean allocated(PageId id) {
        AllocationState a = allocation(id.fileId());
        return a == null || a.state(id.pageId()) != AllocationState.State.UNALLOCATED;
    }
}

package pagelens.core.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import pagelens.core.alloc.Pfs;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.page.PageVerification;
import pagelens.core.page.SlotArray;
import pagelens.core.page.TornBits;
import pagelens.core.store.PageStore;

/**
 * Reads the system catalog from any page store (a data file, a backup, DBCC output), following docs/catalog.md 1:
 * the boot page's dbi_firstSysIndexes to sysallocunits (its leaf chain), then every other base table through its own
 * allocation unit's IAM chain, its pages filtered by header id, page type and the PFS allocated bit. Where sysallocunits
 * cannot be read the base tables are found by their fixed ids in the page headers (a bounded pass over the store).
 * A catalog page that fails its checksum or torn-page check, or whose header is not that of the table, is not decoded:
 * the names it held are unavailable and the reader says which page. It never throws for bad evidence; only an I/O
 * error of the store itself does.
 */
public final class CatalogReader {
    /** dbi_firstSysIndexes on the boot page (boot-layouts.tsv; catalog.md 1.2). */
    static final int FIRST_SYS_INDEXES = 0x264;
    /** No base table in any file examined spans more pages than this; a longer chain is a loop or garbage. */
    static final int MAX_CHAIN = 1 << 20;

    private final PageStore store;
    private final ProgressMonitor monitor;
    private final Catalog cat = new Catalog();
    private final BaseTables tables = BaseTables.get();
    private final Map<PageId, byte[]> pfsPages = new HashMap<>();
    private Map<Long, List<PageId>> byHeader;

    private CatalogReader(PageStore store, ProgressMonitor monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    /** Reads the catalog of the database whose pages {@code store} holds. */
    public static Catalog read(PageStore store, ProgressMonitor monitor) throws IOException {
        long t0 = System.nanoTime();
        CatalogReader r = new CatalogReader(store, monitor == null ? ProgressMonitor.NULL : monitor);
        r.run();
        r.cat.readNanos = System.nanoTime() - t0;
        return r.cat;
    }

    private void run() throws IOException {
        readAllocationUnits();
        if (cat.units.containsKey(tables.table("sysrscols").id()) || !pagesOf("sysrscols").isEmpty()) {
            cat.generation = Catalog.Generation.Y2008;
        } else if (cat.units.containsKey(tables.table("syshobtcolumns").id()) || !pagesOf("syshobtcolumns").isEmpty()) {
            cat.generation = Catalog.Generation.Y2005;
        }
        for (CatalogRecord r : rows("sysrowsets")) {
            long id = r.number("rowsetid", 0);
            cat.rowsets.put(id, new Catalog.Rowset(id, r.integer("idmajor", 0), r.integer("idminor", -1), r.integer("numpart", 0),
                    r.integer("status", 0), r.number("rcrows", -1), r.integer("cmprlevel", -1), r.integer("fgidfs", 0)));
        }
        for (CatalogRecord r : rows("sysschobjs")) {
            int id = r.integer("id", 0);
            String type = r.text("type");
            cat.objects.put(id, new Catalog.DbObject(id, r.text("name"), r.integer("nsid", 0), type == null ? null : type.trim(),
                    r.integer("pid", 0), r.integer("status", 0), r.dateTime("created"), r.dateTime("modified")));
        }
        for (CatalogRecord r : rows("sysclsobjs")) {
            int cls = r.integer("class", -1);
            if (cls == 50) {
                int id = r.integer("id", 0);
                cat.schemas.put(id, new Catalog.Schema(id, r.text("name")));
            } else if (cls == 31) {
                int id = r.integer("id", 0);
                String type = r.text("type");
                cat.dataSpaces.put(id, new Catalog.DataSpace(id, r.text("name"), type == null ? null : type.trim(), r.integer("status", 0)));
            }
        }
        Map<Long, TreeMap<Integer, Integer>> keys = new HashMap<>();
        for (CatalogRecord r : rows("sysiscols")) {
            int ordinal = r.integer("tinyprop1", 0);
            if (ordinal > 0) {
                keys.computeIfAbsent(((long) r.integer("idmajor", 0) << 32) | (r.integer("idminor", 0) & 0xFFFF_FFFFL), k -> new TreeMap<>())
                        .put(ordinal, r.integer("intprop", 0));
            }
        }
        for (CatalogRecord r : rows("sysidxstats")) {
            long rowset = r.number("rowset", 0);
            int status = r.integer("status", 0);
            int obj = r.integer("id", 0);
            int indid = r.integer("indid", 0);
            int type = r.integer("type", 0);
            if (rowset == 0 && indid > 1 && type == 0) {
                continue; // a statistics row, not an index (catalog.md 2.5)
            }
            long key = ((long) obj << 32) | (indid & 0xFFFF_FFFFL);
            TreeMap<Integer, Integer> k = keys.get(key);
            cat.indexes.put(key, new Catalog.Index(obj, indid, r.text("name"), type, status, rowset, r.integer("dataspace", 0),
                    k == null ? List.of() : List.copyOf(k.values())));
        }
        for (CatalogRecord r : rows("syscolpars")) {
            if (r.integer("number", 0) != 0) {
                continue; // procedure parameters
            }
            int obj = r.integer("id", 0);
            cat.columns.computeIfAbsent(obj, k -> new ArrayList<>()).add(new Catalog.Column(obj, r.integer("colid", 0), r.text("name"),
                    r.integer("xtype", 0), r.integer("length", 0), r.integer("prec", 0), r.integer("scale", 0),
                    r.integer("collationid", 0), r.integer("status", 0)));
        }
        cat.columns.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.columnId(), b.columnId())));
        String fileTable = cat.generation == Catalog.Generation.Y2005 ? "sysdbfiles" : "sysprufiles";
        for (CatalogRecord r : rows(fileTable)) {
            cat.files.add(new Catalog.DatabaseFile(r.integer("fileid", 0), r.integer("grpid", 0), r.integer("filetype", -1),
                    r.number("size", -1), r.text("lname"), r.text("pname"), fileTable));
        }
        cat.files.sort((a, b) -> Integer.compare(a.fileId(), b.fileId()));
        if (cat.dataSpaces.isEmpty() && cat.generation == Catalog.Generation.Y2008) {
            // sysphfg is a second place that names the filegroups and their types (catalog.md 2.6)
            for (CatalogRecord r : rows("sysphfg")) {
                int id = r.integer("fgid", 0);
                String type = r.text("type");
                cat.dataSpaces.put(id, new Catalog.DataSpace(id, r.text("name"), type == null ? null : type.trim(), 0));
            }
        }
        physicalColumns();
        selfCheck();
    }

    /** The rowsets' stored columns (catalog.md 2.4): sysrscols with its packed ti, or the 2005 pair. */
    private void physicalColumns() throws IOException {
        if (cat.generation == Catalog.Generation.Y2008) {
            for (CatalogRecord r : rows("sysrscols")) {
                long rsid = r.number("rsid", 0);
                int ti = r.integer("ti", 0);
                int xtype = ti & 0xFF;
                int length = 0;
                int precision = 0;
                int scale = 0;
                switch (xtype) {
                    case 106, 108 -> {
                        precision = ti >>> 8 & 0xFF;
                        scale = ti >>> 16 & 0xFF;
                    }
                    case 41, 42, 43 -> scale = ti >>> 8 & 0xFF;
                    default -> length = ti >>> 8 & 0xFFFF;
                }
                cat.physical.computeIfAbsent(rsid, k -> new ArrayList<>()).add(new Catalog.PhysicalColumn(rsid, r.integer("rscolid", 0),
                        r.integer("hbcolid", 0), xtype, length, precision, scale, 0, (short) r.integer("offset", 0), (short) r.integer("nullbit", 0),
                        r.integer("bitpos", 0) & 0xFF, r.integer("ordkey", 0)));
            }
        } else if (cat.generation == Catalog.Generation.Y2005) {
            Map<String, Integer> rscolid = new HashMap<>();
            for (CatalogRecord r : rows("sysrowsetcolumns")) {
                rscolid.put(r.number("rsid", 0) + ":" + r.integer("hbcolid", 0), r.integer("rscolid", 0));
            }
            for (CatalogRecord r : rows("syshobtcolumns")) {
                long rsid = r.number("hobtid", 0);
                int hb = r.integer("hbcolid", 0);
                Integer rs = rscolid.get(rsid + ":" + hb);
                cat.physical.computeIfAbsent(rsid, k -> new ArrayList<>()).add(new Catalog.PhysicalColumn(rsid, rs == null ? hb : rs, hb,
                        r.integer("xtype", 0), r.integer("length", 0), r.integer("prec", 0), r.integer("scale", 0), r.integer("collationid", 0),
                        (short) r.integer("offset", 0), (short) r.integer("nullbit", 0), r.integer("bitpos", 0), r.integer("ordkey", 0)));
            }
        }
        cat.physical.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.hobtColumnId(), b.hobtColumnId())));
    }

    // ---------------------------------------------------------------- sysallocunits

    private void readAllocationUnits() throws IOException {
        BaseTables.Table t = tables.table("sysallocunits");
        byte[] boot = store.readPage(1, 9);
        List<PageId> chain = new ArrayList<>();
        if (boot == null || boot[0] != 1 || Bytes.u8(boot, 1) != PageType.BOOT) {
            problem(Catalog.ProblemKind.MISSING, "sysallocunits", new PageId(1, 9), "no boot page: the base tables are looked for by their fixed ids in the page headers");
        } else {
            cat.bootFound = true;
            PageId first = PageId.read(boot, FIRST_SYS_INDEXES);
            Set<PageId> seen = new HashSet<>();
            PageId p = first;
            while (p != null && !p.isNull()) {
                monitor.checkCanceled();
                if (!seen.add(p) || seen.size() > MAX_CHAIN) {
                    problem(Catalog.ProblemKind.CHAIN, "sysallocunits", p, "the sysallocunits leaf chain loops back to " + p);
                    break;
                }
                byte[] page = store.readPage(p.fileId(), p.pageId());
                if (page == null) {
                    problem(Catalog.ProblemKind.MISSING, "sysallocunits", p, "sysallocunits page " + p + " is not in the evidence");
                    break;
                }
                if (IamPage.headerAuid(page) != t.id() || Bytes.u8(page, 1) != PageType.DATA) {
                    problem(Catalog.ProblemKind.CHAIN, "sysallocunits", p, "page " + p + " of the sysallocunits chain is not a sysallocunits data page");
                    cat.unreadable.computeIfAbsent("sysallocunits", k -> new ArrayList<>()).add(p);
                    break;
                }
                chain.add(p);
                PageId next = PageId.read(page, PageHeaderLayout.NEXT_PAGE);
                p = next.isNull() ? null : next;
            }
        }
        // the chain may miss pages (a backup stripe, a damaged link): add every page whose header says sysallocunits
        // (catalog.md 1.2), which costs a pass over the store's headers, so only when the chain ended early
        LinkedHashSet<PageId> pages = new LinkedHashSet<>(chain);
        if (chain.isEmpty() || !cat.problems.isEmpty()) {
            pages.addAll(byHeader(t.id()));
        }
        for (PageId p : pages) {
            for (CatalogRecord r : decodePage(t, p)) {
                long id = r.number("auid", 0);
                cat.units.put(id, new Catalog.AllocationUnit(id, r.integer("type", 0), r.number("ownerid", 0), r.integer("fgid", 0),
                        r.pageId("pgfirst"), r.pageId("pgroot"), r.pageId("pgfirstiam"), r.number("pcused", -1), r.number("pcdata", -1),
                        r.number("pcreserved", -1), p));
            }
        }
    }

    // ---------------------------------------------------------------- base tables

    /** The rows of one base table (nothing when it cannot be found). */
    private final Map<String, List<CatalogRecord>> rowsCache = new HashMap<>();

    /** The rows of a base table, decoded once (several readers of the catalog ask for sysrscols). */
    private List<CatalogRecord> rows(String table) throws IOException {
        List<CatalogRecord> cached = rowsCache.get(table);
        if (cached != null) {
            return cached;
        }
        BaseTables.Table t = tables.table(table);
        List<CatalogRecord> out = new ArrayList<>();
        for (PageId p : pagesOf(table)) {
            out.addAll(decodePage(t, p));
        }
        rowsCache.put(table, out);
        return out;
    }

    private final Map<String, List<PageId>> pagesCache = new HashMap<>();

    /** The data pages of a base table: through its allocation unit's IAM chain, else by header id. */
    private List<PageId> pagesOf(String table) throws IOException {
        List<PageId> cached = pagesCache.get(table);
        if (cached != null) {
            return cached;
        }
        BaseTables.Table t = tables.table(table);
        Catalog.AllocationUnit u = cat.units.get(t.id());
        List<PageId> out;
        if (u != null && u.firstIam() != null && !u.firstIam().isNull()) {
            out = new ArrayList<>();
            List<PageId> absent = new ArrayList<>();
            for (PageId p : unitPages(table, u)) {
                if (store.copies(p).isEmpty()) {
                    if (!extentHeld(p)) {
                        absent.add(p); // an IAM names it and the evidence lacks its whole extent: a backup stripe, a cut file
                    }
                    continue; // else a page of an extent the backup holds that was never formatted (backups skip zero images)
                }
                if (store instanceof pagelens.core.store.CapturedPages c && !c.mayHold(p)) {
                    continue; // the scan saw this page and it is not a base table's data page: nothing to read again
                }
                byte[] page = store.readPage(p.fileId(), p.pageId());
                if (page != null && page[0] == 1 && Bytes.u8(page, 1) == PageType.DATA && IamPage.headerAuid(page) == t.id()
                        && allocated(p) != Boolean.FALSE) {
                    out.add(p);
                }
            }
            if (!absent.isEmpty()) {
                problem(Catalog.ProblemKind.MISSING, table, absent.get(0), String.format(java.util.Locale.ROOT,
                        "%d page(s) of %s that its IAM names are not in the evidence (the first %s): rows on them are unavailable", absent.size(),
                        table, absent.get(0)));
            }
        } else if (cat.units.isEmpty()) {
            cat.incomplete.add(table);
            out = new ArrayList<>();
            for (PageId p : byHeader(t.id())) {
                if (allocated(p) != Boolean.FALSE) {
                    out.add(p);
                }
            }
        } else {
            out = List.of(); // sysallocunits was read and does not list this table: it does not exist in this version
        }
        pagesCache.put(table, out);
        return out;
    }

    /** Every page an allocation unit's IAM chain names (single-page slots and the pages of its extents), in page order. */
    private Set<PageId> unitPages(String table, Catalog.AllocationUnit u) throws IOException {
        TreeSet<PageId> out = new TreeSet<>();
        // an IAM can claim up to 511,232 pages: never more pages than the evidence could hold (hostile IAM pages)
        long budget = store.pageCount() + 4096;
        Set<PageId> seen = new HashSet<>();
        PageId p = u.firstIam();
        while (p != null && seen.add(p) && seen.size() <= MAX_CHAIN) {
            monitor.checkCanceled();
            IamPage iam = IamPage.read(p, store.readPage(p.fileId(), p.pageId()));
            if (iam == null) {
                problem(Catalog.ProblemKind.CHAIN, table, p, "IAM page " + p + " of allocation unit " + u.id() + " is not an IAM page or is absent");
                break;
            }
            out.addAll(iam.singlePages());
            long limit = store.pageLimit(iam.start().fileId());
            for (long first : iam.extents()) {
                for (int i = 0; i < 8 && out.size() < budget; i++) {
                    if (first + i < limit) {
                        out.add(new PageId(iam.start().fileId(), first + i));
                    }
                }
            }
            if (out.size() >= budget) {
                problem(Catalog.ProblemKind.CHAIN, table, p, "the IAM chain of " + table + " claims more pages than the evidence holds");
                break;
            }
            p = iam.next();
        }
        return out;
    }

    /** The live rows of one page of a base table; a page that fails its own checks gives none, and is said. */
    private List<CatalogRecord> decodePage(BaseTables.Table t, PageId id) throws IOException {
        byte[] page = store.readPage(id.fileId(), id.pageId());
        if (page == null) {
            return List.of();
        }
        PageVerification v = PageVerification.verify(page, 0, id);
        String bad = v.checksumBad() ? "fails its page checksum" : v.isTorn() ? "is torn" : !v.headerProblems().isEmpty()
                ? "has an impossible header (" + v.headerProblems().get(0) + ")" : !v.pageIdMatches() ? "names another page id in its header" : null;
        if (bad != null) {
            problem(Catalog.ProblemKind.DAMAGED, t.name(), id, t.name() + " page " + id + " " + bad + ": the rows on it are not used");
            cat.unreadable.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(id);
            return List.of();
        }
        // a torn-page protected page is decoded with its sector bits put back (catalog.md 1.6)
        byte[] b = TornBits.asRead(page);
        cat.basePages.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(id);
        int slots = Math.min(Bytes.u16(b, PageHeaderLayout.SLOT_COUNT), SlotArray.MAX_SLOTS);
        int limit = Math.min(Bytes.u16(b, PageHeaderLayout.FREE_DATA), Page.SIZE - 2 * slots);
        List<CatalogRecord> out = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            int at = Bytes.u16(b, Page.SIZE - 2 - 2 * s);
            if (at < Page.HEADER_SIZE || at >= limit) {
                continue; // an empty slot
            }
            CatalogRecord r = CatalogRecord.read(b, at, limit, t);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether the store holds any page of {@code p}'s extent. */
    private boolean extentHeld(PageId p) {
        long first = p.pageId() & ~7L;
        for (int i = 0; i < 8; i++) {
            if (!store.copies(new PageId(p.fileId(), first + i)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void problem(Catalog.ProblemKind kind, String table, PageId page, String what) {
        cat.problems.add(new Catalog.Problem(kind, table, page, what));
        if (table != null) {
            cat.incomplete.add(table);
        }
    }

    /** The PFS allocated bit of a page: TRUE, FALSE, or null when its PFS page is not in the evidence. */
    private Boolean allocated(PageId p) throws IOException {
        long pfs = Pfs.pfsPageFor(p.pageId());
        PageId key = new PageId(p.fileId(), pfs);
        byte[] page = pfsPages.computeIfAbsent(key, k -> {
            try {
                byte[] b = store.readPage(k.fileId(), k.pageId());
                return b != null && b[0] == 1 && Bytes.u8(b, 1) == PageType.PFS ? TornBits.asRead(b) : new byte[0];
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (page.length == 0) {
            return null;
        }
        long first = p.pageId() / Pfs.PAGES * Pfs.PAGES;
        return (Bytes.u8(page, Pfs.OFFSET + (int) (p.pageId() - first)) & Pfs.ALLOCATED) != 0;
    }

    /** Data pages whose header names {@code auid}, found by one pass over the store's page headers (done once). */
    private List<PageId> byHeader(long auid) throws IOException {
        if (byHeader == null) {
            byHeader = new HashMap<>();
            Set<Long> wanted = new HashSet<>();
            for (BaseTables.Table t : tables.all()) {
                wanted.add(t.id());
            }
            long n = 0;
            for (PageId id : store.pageIds()) {
                if ((++n & 0xFFF) == 0) {
                    monitor.checkCanceled();
                }
                byte[] page = store.readPage(id.fileId(), id.pageId());
                if (page != null && page[0] == 1 && Bytes.u8(page, 1) == PageType.DATA) {
                    long a = IamPage.headerAuid(page);
                    if (wanted.contains(a)) {
                        byHeader.computeIfAbsent(a, k -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        return byHeader.getOrDefault(auid, List.of());
    }

    // ---------------------------------------------------------------- the base tables' own description

    /**
     * Compares the declared packing of every base table with the description the file stores of it (sysrscols rows of the
     * table's rowset: leaf offset and null bit by rscolid; catalog.md 2.4). A mismatch means the declared layout is wrong
     * for this file: it is said, never silently used.
     */
    private void selfCheck() throws IOException {
        if (cat.generation != Catalog.Generation.Y2008) {
            return;
        }
        Map<Long, List<CatalogRecord>> byRowset = new HashMap<>();
        for (CatalogRecord r : rows("sysrscols")) {
            byRowset.computeIfAbsent(r.number("rsid", 0), k -> new ArrayList<>()).add(r);
        }
        int nTables = 0;
        int nColumns = 0;
        List<String> mismatches = new ArrayList<>();
        for (BaseTables.Table t : tables.all()) {
            List<CatalogRecord> stored = byRowset.get(t.id());
            if (stored == null) {
                continue;
            }
            nTables++;
            for (CatalogRecord r : stored) {
                int colid = r.integer("rscolid", 0);
                int leaf = (short) r.integer("offset", 0);
                int nullBit = (short) r.integer("nullbit", 0);
                if (colid < 1 || colid > t.columns().size()) {
                    continue; // a column after the declared ones: the reader does not use it
                }
                BaseTables.Column c = t.columns().get(colid - 1);
                nColumns++;
                if (c.leaf() != leaf || c.ordinal() != nullBit) {
                    mismatches.add(t.name() + "." + c.name() + ": declared " + c.leaf() + "/" + c.ordinal() + ", stored " + leaf + "/" + nullBit);
                }
            }
        }
        cat.selfCheck = new Catalog.SelfCheck(nTables, nColumns, List.copyOf(mismatches));
    }
}

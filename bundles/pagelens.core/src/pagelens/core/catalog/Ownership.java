package pagelens.core.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import pagelens.core.alloc.AllocationState;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.scan.PageOwners;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;

/**
 * Who owns every page of a database (docs/catalog.md 1.4, 1.5 and 7): the owner the page header names, resolved through the
 * catalog; the owner the IAM chains give; and where the two disagree or a chain breaks, findings as CHECKDB's allocation
 * checks would raise them. Built from the catalog, the IAM pages (read through the store: a few pages per allocation unit)
 * and the header ids the scan recorded ({@link PageOwners}): no second pass over the evidence.
 */
public final class Ownership {

    /**
     * Pages of one object, index, partition and unit type (in-row, LOB, row-overflow), or of one unknown allocation unit.
     *
     * @param owner        the owner
     * @param pages        pages whose header names one of its units
     * @param damaged      of those, pages with an error finding
     * @param firstDamaged the first damaged page, or null
     */
    public record Group(Owner owner, long pages, long damaged, PageId firstDamaged) {
    }

    private final Catalog catalog;
    private final PageStore store;
    private PageOwners headers;
    private final Map<Long, Owner> byUnit = new HashMap<>();
    /** IAM owner of each extent (by its first page), and of each single-page slot. */
    /** Extent owners of files too large for an extent map (more than 2^26 extents), by extent start. */
    private final Map<PageId, Long> extentOwner = new HashMap<>();
    /**
     * Per file, the IAM owner of every extent: index + 1 into {@link #units}, 0 none, {@link #MIXED} an extent holding
     * single-page slots or IAM pages (look the page up; its extent's own owner, if any, is in {@link #mixedOwner}). 4 bytes
     * per 8 pages (null for a file too large or too sparse for an array: {@link #extentOwner} then).
     */
    private final Map<Integer, int[]> extentMaps = new HashMap<>();
    private final Map<PageId, Long> mixedOwner = new HashMap<>();
    private final List<Long> units = new ArrayList<>();
    private final Map<Long, Integer> unitIndex = new HashMap<>();
    private final Map<PageId, Long> singleOwner = new HashMap<>();
    private final Map<PageId, Long> iamPages = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final java.util.SortedSet<Integer> filesNotGiven = new java.util.TreeSet<>();
    private boolean checked;
    private final Map<Integer, AllocationState> alloc = new HashMap<>();
    private long freePages;
    private long buildNanos;

    /** How long the IAM walk, the allocation checks and the grouping took (ms). */
    public double buildMillis() {
        return buildNanos / 1e6;
    }

    private Ownership(Catalog catalog, PageStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Walks every allocation unit's IAM chain, checks each recorded page against it and groups the pages by owner.
     *
     * @param headers the header ids the scan recorded, or null (headers only: owners are read from a page's header on demand)
     * @param damaged pages with error findings (for the per-object damage counts)
     * @param sink    where the allocation findings go (nothing is added when the catalog is incomplete: a stripe would give
     *                nothing but false alarms)
     */
    public static Ownership build(Catalog catalog, PageStore store, PageOwners headers, Set<PageId> damaged, FindingSink sink, Path evidence,
            ProgressMonitor monitor) throws IOException {
        Ownership o = walk(catalog, store, sink, evidence, monitor);
        return headers == null ? o : o.check(headers, damaged, sink, evidence);
    }

    /**
     * The first half of {@link #build}: every allocation unit's IAM chain walked into the extent maps (a few pages per unit,
     * read through the store), which needs nothing from the scan and can run while it does; chain findings go to
     * {@code sink} (none when the catalog is incomplete). Owners are read from a page's header on demand until
     * {@link #check} gives the scan's header ids.
     */
    public static Ownership walk(Catalog catalog, PageStore store, FindingSink sink, Path evidence, ProgressMonitor monitor) throws IOException {
        long t0 = System.nanoTime();
        Ownership o = new Ownership(catalog, store);
        o.walkIams(o.complete() ? sink : null, evidence, monitor);
        o.buildNanos = System.nanoTime() - t0;
        return o;
    }

    private boolean complete() {
        return !catalog.units.isEmpty() && !catalog.incompleteTables().contains("sysallocunits");
    }

    /**
     * The second half of {@link #build}, once per walked ownership: the header ids the scan recorded checked against the IAM
     * chains (allocation findings to {@code sink}) and grouped by owner.
     *
     * @return this
     */
    public Ownership check(PageOwners scanned, Set<PageId> damaged, FindingSink sink, Path evidence) throws IOException {
        if (headers != null) {
            throw new IllegalStateException("already checked");
        }
        long t0 = System.nanoTime();
        headers = scanned;
        boolean complete = complete();
        long budget = store.pageCount() * 8 + (1 << 20);
        for (int f : store.fileIds()) {
            // the allocation maps of a file whose page ids are sane (hostile ids would only make the map walk long)
            if (store.pageLimit(f) <= budget) {
                alloc.put(f, AllocationState.read(store, f, store.pageLimit(f)));
            }
        }
        checked = complete && headers.complete();
        pass(damaged, sink, evidence, complete, checked);
        buildNanos += System.nanoTime() - t0;
        return this;
    }

    /**
     * The catalog and the owners of a store's pages without a scan (one page, a quick look): the IAM chains are walked, a
     * page's header is read when its owner is asked; no allocation check, no page counts.
     */
    public static Ownership read(PageStore store, ProgressMonitor monitor) throws IOException {
        return build(CatalogReader.read(store, monitor), store, null, Set.of(), null, store.evidence(), monitor);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Files whose pages IAM chains lead to but which this evidence does not hold (other files of a multi-file database). */
    public java.util.SortedSet<Integer> filesNotGiven() {
        return java.util.Collections.unmodifiableSortedSet(filesNotGiven);
    }

    /** Whether the allocation checks ran (a complete catalog and every page's header id). */
    public boolean checked() {
        return checked;
    }

    /** Formatted pages the allocation maps mark free (stale images of deallocated pages): not counted for any owner. */
    public long freePages() {
        return freePages;
    }

    /** Pages per object, index and partition, largest first; units the catalog does not know are grouped by id. */
    public List<Group> groups() {
        return groups;
    }

    /** The owner of the allocation unit {@code auid} as the catalog names it. */
    public Owner unit(long auid) {
        return byUnit.computeIfAbsent(auid, a -> catalog.owner(a, Owner.By.HEADER));
    }

    /**
     * The owner of a page: the unit its header names where the catalog lists it (with the legacy rule of catalog.md 1.4),
     * else the unit whose IAM allocates it, else the header's ids alone. Null for pages with no owner by design (file header,
     * boot page, allocation maps: m_objId 99) and for pages with no formatted header and no IAM owner.
     */
    public Owner ownerOf(PageId id) {
        long auid = headers == null ? -1 : headers.auid(id);
        if (auid < 0 && (headers == null || !headers.complete())) {
            auid = readHeaderAuid(id); // the scan recorded every formatted header: no need to look again
        }
        if (auid >= 0 && (auid >>> 16 & 0xFFFF_FFFFL) == 99 && (auid >>> 48) == 0) {
            return null; // allocation maps, boot page, file header (formats.md 1.2)
        }
        Owner h = auid >= 0 ? ownerOfAuid(auid) : null;
        if (h != null && h.by() == Owner.By.HEADER) {
            return h;
        }
        Long iam = iamOwner(id);
        if (iam != null) {
            Owner i = unit(iam);
            return new Owner(i.allocationUnitId(), i.unitType(), i.rowsetId(), i.objectId(), i.schema(), i.objectName(), i.objectType(), i.indexId(),
                    i.indexName(), i.indexKind(), i.partition(), Owner.By.IAM, i.evidence(), i.unavailable());
        }
        return h;
    }

    /** The owner of a header's allocation unit id (with the legacy rule). */
    private Owner ownerOfAuid(long auid) {
        Owner o = unit(auid);
        if (o.by() == Owner.By.HEADER_ONLY && (auid >>> 48) == 0) {
            return catalog.ownerOfHeader(auid >>> 16 & 0xFFFF_FFFFL, 0);
        }
        return o;
    }

    /** The unit whose IAM allocates the page (its extent or a single-page slot), or null. */
    public Long iamOwner(PageId id) {
        Long s = singleOwner.get(id);
        if (s != null) {
            return s;
        }
        Long i = iamPages.get(id);
        if (i != null) {
            return i;
        }
        return extentOf(new PageId(id.fileId(), id.pageId() & ~7L));
    }

    /** The unit whose IAM allocates the extent starting at {@code e}, or null. */
    private Long extentOf(PageId e) {
        int[] map = extentMaps.get(e.fileId());
        if (map == null || e.pageId() / 8 >= map.length) {
            return extentOwner.get(e);
        }
        int v = map[(int) (e.pageId() / 8)];
        return v > 0 ? units.get(v - 1) : v == MIXED ? mixedOwner.get(e) : null;
    }

    /** The extent map of a file, made on first use; null when the file has more than 2^26 extents. */
    private int[] mapOf(int file) {
        if (!extentMaps.containsKey(file)) {
            long extents = store.pageLimit(file) / 8 + 1;
            // an array when the file's extents are few enough and the evidence holds pages in proportion (a backup whose
            // page ids claim a huge file would only waste memory: its extents go to the bounded map)
            extentMaps.put(file, extents > (1 << 26) || extents > 4 * store.pageCount() + 65536 ? null : new int[(int) extents]);
        }
        return extentMaps.get(file);
    }

    private long readHeaderAuid(PageId id) {
        try {
            List<PageCopy> c = store.copies(id);
            if (c.isEmpty()) {
                return -1;
            }
            byte[] p = store.read(c.get(c.size() - 1));
            if (p == null || p[0] != 1 || Bytes.allZero(p, 0, Page.HEADER_SIZE)) {
                return -1;
            }
            return PageOwners.auid(Bytes.u16(p, PageHeaderLayout.INDEX_ID), Bytes.u32(p, PageHeaderLayout.OBJ_ID));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- IAM chains

    private void walkIams(FindingSink sink, Path evidence, ProgressMonitor monitor) throws IOException {
        // extents kept: never more than the evidence's pages could fill (IAM pages of hostile evidence claim 63,904 each)
        long budget = store.pageCount() / 8 + 8192;
        for (Catalog.AllocationUnit u : catalog.units.values()) {
            monitor.checkCanceled();
            PageId p = u.firstIam();
            PageId prev = null;
            Set<PageId> seen = new HashSet<>();
            while (p != null && !p.isNull()) {
                if (!seen.add(p)) {
                    report(sink, Rules.ALLOC_IAM_CHAIN, "the IAM chain of " + describe(u.id()) + " loops back to " + p + " (from " + prev + ")", evidence, p);
                    break;
                }
                if (!store.fileIds().contains(p.fileId())) {
                    // the chain goes on in a file of the database that is not part of this evidence: not a break
                    filesNotGiven.add(p.fileId());
                    break;
                }
                byte[] page = store.readPage(p.fileId(), p.pageId());
                IamPage iam = IamPage.read(p, page);
                if (iam == null || !sameUnit(iam.auid(), u.id())) {
                    String what = page == null ? "is not in the evidence" : iam == null ? "is not an IAM page" : "is the IAM page of allocation unit " + iam.auid();
                    report(sink, Rules.ALLOC_IAM_CHAIN, "IAM page " + p + (prev == null ? " (sysallocunits.pgfirstiam" : " (next of " + prev) + ") of "
                            + describe(u.id()) + " " + what, evidence, p);
                    break;
                }
                iamPages.put(p, u.id());
                for (PageId s : iam.singlePages()) {
                    singleOwner.put(s, u.id());
                }
                long limit = store.pageLimit(iam.start().fileId());
                int[] map = mapOf(iam.start().fileId());
                int idx = unitIndex.computeIfAbsent(u.id(), x -> {
                    units.add(x);
                    return units.size();
                });
                for (long first : iam.extents()) {
                    if (first >= limit || map == null && extentOwner.size() >= budget) {
                        continue; // past the file's last page: no page of it can be in the evidence
                    }
                    PageId e = new PageId(iam.start().fileId(), first);
                    Long other;
                    if (map != null) {
                        int v = map[(int) (first / 8)];
                        other = v > 0 ? units.get(v - 1) : null;
                        if (v == 0) {
                            map[(int) (first / 8)] = idx;
                        }
                    } else {
                        other = extentOwner.putIfAbsent(e, u.id());
                    }
                    if (other != null && other != u.id()) {
                        report(sink, Rules.ALLOC_EXTENT_TWO_OWNERS, "extent " + e + " is allocated by the IAMs of " + describe(other) + " and of "
                                + describe(u.id()), evidence, e);
                    }
                }
                prev = p;
                p = iam.next();
            }
        }
        // extents holding single-page slots or IAM pages: looked up page by page (their own owner kept aside)
        java.util.List<PageId> special = new ArrayList<>(singleOwner.keySet());
        special.addAll(iamPages.keySet());
        for (PageId p : special) {
            int[] map = extentMaps.get(p.fileId());
            if (map != null && p.pageId() / 8 < map.length && map[(int) (p.pageId() / 8)] != MIXED) {
                int v = map[(int) (p.pageId() / 8)];
                if (v > 0) {
                    mixedOwner.put(new PageId(p.fileId(), p.pageId() & ~7L), units.get(v - 1));
                }
                map[(int) (p.pageId() / 8)] = MIXED;
            }
        }
    }

    /** Whether a header's unit is the IAM's unit, with the legacy rule (catalog.md 1.4). */
    private static boolean sameUnit(long header, long unit) {
        if (header == unit) {
            return true;
        }
        return unit < (1L << 56) && (header >>> 16 & 0xFFFF_FFFFL) == (unit >>> 16 & 0xFFFF_FFFFL) && (header >>> 48) == 0;
    }

    // ---------------------------------------------------------------- allocation checks

    /** Header ids with m_objId 99 and index 0: file header, boot page, allocation maps (no owner by design). */
    private static boolean byDesign(long auid) {
        return (auid >>> 16 & 0xFFFF_FFFFL) == 99 && (auid >>> 48) == 0;
    }

    /** Extents the unit map marks as holding single-page slots or IAM pages: look those pages up one by one. */
    private static final int MIXED = -1;

    /**
     * One pass over the header ids the scan recorded: pages counted per owner (per header id: no per-page lookup), pages the
     * allocation maps mark free set aside, and, when {@code checking}, each allocated page's header owner compared with the
     * unit whose IAM allocates it (an extent map: arrays, the common case first).
     */
    private void pass(Set<PageId> damaged, FindingSink sink, Path evidence, boolean complete, boolean checking) {
        int n = headers.ordinals();
        long[] auids = new long[n];
        Owner[] owners = new Owner[n];
        for (int i = 0; i < n; i++) {
            auids[i] = headers.auidOf(i);
            owners[i] = byDesign(auids[i]) ? null : ownerOfAuid(auids[i]);
        }
        Map<Integer, int[]> maps = checking ? extentMaps : Map.of();
        long[] unitIds = units.stream().mapToLong(Long::longValue).toArray();
        // the IAM unit each header id belongs to (index + 1 into units; the legacy rule of catalog.md 1.4), so that the common
        // case of the check is one int comparison
        int[] ordUnit = new int[n];
        for (int i = 0; i < n; i++) {
            Integer u = unitIndex.get(auids[i]);
            if (u == null && (auids[i] >>> 48) == 0) {
                u = unitIndex.get((1L << 48) | auids[i]);
            }
            ordUnit[i] = u == null ? -1 : u;
        }
        long[] pages = new long[n];
        long[] firstPage = new long[n];
        int[] firstFile = new int[n];
        java.util.Arrays.fill(firstPage, Long.MAX_VALUE);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Owner> byKey = new LinkedHashMap<>();
        List<long[]> mismatch = new ArrayList<>();
        List<long[]> unowned = new ArrayList<>();
        long[] free = new long[1];
        boolean[] named = new boolean[n];
        for (int i = 0; i < n; i++) {
            named[i] = owners[i] != null && owners[i].by() == Owner.By.HEADER;
        }
        // the IAM side of one allocated page's check: where the extent map is not the header's own unit
        final class Check {
            void page(int file, long page, int o, int um) {
                long auid = auids[o];
                long iam;
                if (um == MIXED) {
                    Long l = iamOwner(new PageId(file, page));
                    iam = l == null ? -1 : l;
                } else {
                    iam = um == 0 ? -1 : unitIds[um - 1];
                }
                if (iam < 0) {
                    unowned.add(new long[] { file, page, auid });
                } else if (!sameUnit(auid, iam)) {
                    mismatch.add(new long[] { file, page, auid, iam });
                }
            }
        }
        Check check = new Check();
        headers.forEachChunk((file, base, ords) -> {
            AllocationState a = alloc.get(file);
            int[] map = maps.get(file);
            for (int i = 0; i < ords.length;) {
                int v = ords[i];
                int o = (v & PageOwners.ORDINAL) - 1;
                if (o >= 0 && (v & PageOwners.IN_USE) != 0 && named[o]) {
                    // the common case, a run of allocated pages of one unit the catalog names: counted at once, and checked an
                    // extent at a time (pages one by one only where the extent map is not that unit)
                    int j = i + 1;
                    while (j < ords.length && ords[j] == v) {
                        j++;
                    }
                    long first = base + i;
                    pages[o] += j - i;
                    if (file < firstFile[o] || file == firstFile[o] && first < firstPage[o] || firstPage[o] == Long.MAX_VALUE) {
                        firstPage[o] = first;
                        firstFile[o] = file;
                    }
                    for (int k = i; checking && k < j;) {
                        long page = base + k;
                        int end = (int) Math.min(j, ((page >>> 3) + 1) * 8 - base);
                        int um = map == null || page / 8 >= map.length ? MIXED : map[(int) (page >>> 3)];
                        if (um > 0 && um == ordUnit[o]) {
                            k = end; // the header and the IAM agree for the rest of the extent
                            continue;
                        }
                        for (; k < end; k++) {
                            check.page(file, base + k, o, um);
                        }
                    }
                    i = j;
                    continue;
                }
                i++;
                if (o < 0 || owners[o] == null) {
                    continue; // not recorded, or a page with no owner by design (file header, boot page, maps)
                }
                long page = base + i - 1;
                // what the allocation maps say: recorded by the scan where it read them, else looked up here
                AllocationState.State st = (v & PageOwners.IN_USE) != 0 ? AllocationState.State.ALLOCATED : (v & PageOwners.FREE) != 0
                        ? AllocationState.State.UNALLOCATED : a == null ? AllocationState.State.UNKNOWN : a.state(page);
                if (st == AllocationState.State.UNALLOCATED) {
                    free[0]++; // a stale image of a deallocated page (catalog.md 1.5): no owner counts it, no check
                    continue;
                }
                if (named[o]) {
                    pages[o]++;
                    if (file < firstFile[o] || file == firstFile[o] && page < firstPage[o] || firstPage[o] == Long.MAX_VALUE) {
                        firstPage[o] = page;
                        firstFile[o] = file;
                    }
                } else {
                    // a unit the catalog does not list: the page goes to the unit whose IAM allocates it, if any
                    Owner by = ownerOf(new PageId(file, page));
                    count(counts, byKey, by, 1, 0);
                    if (by.by() == Owner.By.HEADER_ONLY) {
                        pages[o]++;
                        if (firstPage[o] == Long.MAX_VALUE) {
                            firstPage[o] = page;
                            firstFile[o] = file;
                        }
                    }
                }
                if (!checking || st != AllocationState.State.ALLOCATED) {
                    continue;
                }
                int um = map == null || page / 8 >= map.length ? MIXED : map[(int) (page >>> 3)];
                if (!(um > 0 && um == ordUnit[o])) {
                    check.page(file, page, o, um);
                }
            }
        });
        freePages = free[0];
        if (checking) {
            // extents an IAM allocates that the GAM says are free
            List<PageId> claimed = new ArrayList<>(extentOwner.keySet());
            claimed.addAll(mixedOwner.keySet());
            for (Map.Entry<Integer, int[]> m : extentMaps.entrySet()) {
                int[] map = m.getValue();
                AllocationState a = alloc.get(m.getKey());
                if (map == null || a == null) {
                    continue;
                }
                int end = (int) Math.min(map.length, (a.pages() + 7) / 8);
                for (int k = 0; k < end; k++) {
                    if (map[k] > 0 && Boolean.FALSE.equals(a.extentAllocated(8L * k))) {
                        claimed.add(new PageId(m.getKey(), 8L * k));
                    }
                }
            }
            for (PageId e : claimed) {
                AllocationState a = alloc.get(e.fileId());
                Long owner = extentOf(e);
                if (owner == null) {
                    owner = mixedOwner.get(e);
                }
                if (owner != null && a != null && e.pageId() < a.pages() && Boolean.FALSE.equals(a.extentAllocated(e.pageId()))) {
                    report(sink, Rules.ALLOC_EXTENT_TWO_OWNERS, "extent " + e + " is allocated by the IAM of " + describe(owner)
                            + " but the GAM marks it free", evidence, e);
                }
            }
            mismatch.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            unowned.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            for (long[] m : mismatch) {
                PageId id = new PageId((int) m[0], m[1]);
                report(sink, Rules.ALLOC_OWNER_MISMATCH, "page " + id + ": its header names " + describe(m[2]) + ", the IAM of " + describe(m[3])
                        + " allocates it", evidence, id);
            }
            for (long[] m : unowned) {
                PageId id = new PageId((int) m[0], m[1]);
                report(sink, Rules.ALLOC_NOT_OWNED, "page " + id + " is allocated (PFS) and names " + describe(m[2])
                        + " in its header, but no IAM allocates it", evidence, id);
            }
        }
        for (int o = 0; o < n; o++) {
            if (owners[o] != null && owners[o].by() == Owner.By.HEADER && pages[o] > 0) {
                count(counts, byKey, owners[o], pages[o], 0);
            }
        }
        Map<String, PageId> firstDamaged = new HashMap<>();
        for (PageId id : damaged) {
            long auid = headers.auid(id);
            Owner o;
            if (auid >= 0) {
                if (byDesign(auid)) {
                    continue;
                }
                AllocationState a = alloc.get(id.fileId());
                if (a != null && a.state(id.pageId()) == AllocationState.State.UNALLOCATED) {
                    continue;
                }
                o = ownerOf(id);
                if (o == null) {
                    continue;
                }
                count(counts, byKey, o, 0, 1);
            } else {
                // damaged pages with no header id (zeroed, or not a page header): their owner by the IAM chains
                if (iamOwner(id) == null) {
                    continue;
                }
                o = ownerOf(id);
                count(counts, byKey, o, 1, 1);
            }
            firstDamaged.merge(o.groupKey(), id, (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            groups.add(new Group(byKey.get(e.getKey()), e.getValue()[0], e.getValue()[1], firstDamaged.get(e.getKey())));
        }
        groups.sort((a, b) -> a.damaged() != b.damaged() ? Long.compare(b.damaged(), a.damaged()) : Long.compare(b.pages(), a.pages()));
        if (complete) {
            for (int o = 0; o < n; o++) {
                if (owners[o] != null && owners[o].by() == Owner.By.HEADER_ONLY && pages[o] > 0) {
                    PageId first = new PageId(firstFile[o], firstPage[o]);
                    report(sink, Rules.ALLOC_UNIT_UNKNOWN, String.format(Locale.ROOT, "%,d page(s) name allocation unit %d, which sysallocunits does "
                            + "not list (the first %s)", pages[o], auids[o], first), evidence, first);
                }
            }
        }
    }

    private static void count(Map<String, long[]> counts, Map<String, Owner> byKey, Owner o, long pages, long damaged) {
        String key = o.groupKey();
        byKey.putIfAbsent(key, o);
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += pages;
        c[1] += damaged;
    }

    private String describe(long auid) {
        Owner o = unit(auid);
        if (o.objectName() != null) {
            return (o.schema() == null ? "" : o.schema() + ".") + o.objectName() + " index " + o.indexId() + " (allocation unit " + auid + ")";
        }
        return "allocation unit " + auid;
    }

    private void report(FindingSink sink, pagelens.core.findings.Rule rule, String title, Path evidence, PageId at) {
        if (sink != null) {
            sink.add(new Finding(rule, title, locate(store, evidence, at)));
        }
    }

    /** Where a page is in the evidence (its last copy, in its offset space), or a location without an offset when absent. */
    public static Location locate(PageStore store, Path evidence, PageId at) {
        List<PageCopy> c = store.copies(at);
        return c.isEmpty() ? new Location(evidence, at.fileId(), at.pageId(), -1, 0, 0) : Location.of(c.get(c.size() - 1));
    }
}

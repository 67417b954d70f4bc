package pagelens.core.scan;

import java.util.List;

import pagelens.core.alloc.AllocationState;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.findings.Severity;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageVerification;

/**
 * The one set of page rules (docs/rules.md, "page.*"), applied to every page PageLens verifies: the pages of a data
 * file, of a backup's data streams and of DBCC PAGE output. "Damaged" means one thing everywhere: a finding of severity
 * error or worse on the page ({@link PageStatus#DAMAGED}).
 */
public final class PageRules {
    private PageRules() {
    }

    /**
     * The status of one page by itself (no allocation maps: taken as in use), as the page editor shows it: the same rules
     * the scan applies.
     */
    public static byte status(byte[] page, PageId id, boolean positionKnown) {
        return check(page, 0, Location.page(null, id.fileId(), id.pageId(), -1), positionKnown, null, new FindingSink(16), new PageCounts.Counter());
    }

    /** Whether a page status means damaged, for every surface that asks. */
    public static boolean damaged(byte status) {
        return status == PageStatus.DAMAGED;
    }

    /**
     * Checks one page and returns its {@link PageStatus} (the worst of its findings decides: an error makes it
     * {@link PageStatus#DAMAGED}, a warning {@link PageStatus#WARNING}).
     *
     * @param b             the page's bytes from {@code off}
     * @param at            the page: its evidence, file and page id, and where its bytes are (file offset, or the
     *                      offset in a backup's stream)
     * @param positionKnown the page id comes from the page's position (data files): a header naming another page is a
     *                      finding; false where pages are found by their own headers (backups, DBCC dumps)
     * @param alloc         the file's allocation state, or null when unknown (every page is then taken as in use)
     */
    public static byte check(byte[] b, int off, Location at, boolean positionKnown, AllocationState alloc, FindingSink sink,
            PageCounts.Counter c) {
        c.total++;
        byte[] st = { PageStatus.EMPTY };
        int fileId = at.fileId();
        long pageId = at.pageId();
        Location loc = at;
        AllocationState.State state = alloc == null ? AllocationState.State.UNKNOWN : alloc.state(pageId);
        boolean headerZero = Bytes.allZero(b, off, Page.HEADER_SIZE);
        if (headerZero) {
            c.empty++;
            if (Bytes.allZero(b, off, Page.SIZE)) {
                if (state == AllocationState.State.ALLOCATED) {
                    mark(sink, st, new Finding(Rules.PAGE_ZERO, "page " + fileId + ":" + pageId
                            + " is all zeros but the GAM and PFS say it is in use", loc));
                }
                return st[0];
            }
            if (state != AllocationState.State.ALLOCATED) {
                return st[0]; // never-formatted space with leftovers: not in use
            }
            mark(sink, st, new Finding(Rules.PAGE_BAD_HEADER, "page " + fileId + ":" + pageId
                    + " is in use but its 96-byte header is all zeros", loc.bytes(0, Page.HEADER_SIZE)));
            return st[0];
        }
        int quick = PageVerification.quick(b, off, fileId, pageId, c.xors);
        if (quick == PageVerification.QUICK_OK_CHECKSUM) {
            c.checksumProtected++;
            c.checksumOk++;
            return PageStatus.CHECKSUM_OK;
        }
        if (quick == PageVerification.QUICK_OK_NONE) {
            c.unprotected++;
            return PageStatus.UNPROTECTED;
        }
        PageVerification v = PageVerification.verify(b, off, new PageId(fileId, pageId));
        boolean inUse = state != AllocationState.State.UNALLOCATED;
        String where = inUse ? "" : " (page not in use per GAM/PFS)";
        Severity damage = inUse ? Severity.ERROR : Severity.WARNING;
        switch (v.protection()) {
            case CHECKSUM -> {
                c.checksumProtected++;
                if (v.checksumOk()) {
                    c.checksumOk++;
                    st[0] = PageStatus.CHECKSUM_OK;
                } else {
                    c.checksumBad++;
                    mark(sink, st, new Finding(Rules.PAGE_CHECKSUM, damage, String.format("page %d:%d: stored checksum 0x%08X, computed 0x%08X%s",
                            fileId, pageId, v.checksumStored(), v.checksumComputed(), where), loc.bytes(PageHeaderLayout.TORN_BITS, 4)));
                }
            }
            case TORN -> {
                c.tornProtected++;
                if (v.isTorn()) {
                    c.torn++;
                    mark(sink, st, new Finding(Rules.PAGE_TORN, damage, "page " + fileId + ":" + pageId + ": torn sector(s) "
                            + v.torn().tornSectors() + " (signature " + v.torn().signature() + ")" + where,
                            tornRange(loc, v)));
                } else {
                    c.tornOk++;
                    st[0] = PageStatus.TORN_OK;
                }
            }
            case NONE -> {
                c.unprotected++;
                st[0] = PageStatus.UNPROTECTED;
            }
        }
        if (!v.headerProblems().isEmpty()) {
            mark(sink, st, new Finding(Rules.PAGE_BAD_HEADER, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.headerProblems()) + where, loc.bytes(0, Page.HEADER_SIZE)));
        }
        if (positionKnown && !v.pageIdMatches()) {
            String t = "page at " + fileId + ":" + pageId + " says it is " + v.header().pageId() + " (type " + v.header().typeName() + ")";
            if (inUse) {
                mark(sink, st, new Finding(Rules.PAGE_ID_MISMATCH, t, loc.bytes(PageHeaderLayout.PAGE_ID, 6)));
            } else {
                mark(sink, st, new Finding(Rules.PAGE_ID_STALE, t + where, loc.bytes(PageHeaderLayout.PAGE_ID, 6)));
            }
        }
        if (!v.slotProblems().isEmpty()) {
            mark(sink, st, new Finding(Rules.PAGE_SLOT_RANGE, damage, "page " + fileId + ":" + pageId + ": "
                    + String.join("; ", v.slotProblems()) + where, loc.bytes(Page.SIZE - 2 * Math.min(v.header().slotCount(), 4048),
                            2 * Math.min(v.header().slotCount(), 4048))));
        }
        boolean damaged = v.checksumBad() || v.isTorn() || v.slotArrayZeroed();
        List<Integer> suspicious = damaged ? v.zeroSectorsInUsedArea() : List.of();
        if (!suspicious.isEmpty()) {
            int firstSector = suspicious.get(0);
            int lastSector = suspicious.get(suspicious.size() - 1);
            mark(sink, st, new Finding(Rules.PAGE_ZERO_SECTOR, damage, "page " + fileId + ":" + pageId + ": zero-filled sector(s) "
                    + suspicious + " in the used part of the page" + where, loc.bytes(firstSector * Page.SECTOR_SIZE, (lastSector - firstSector + 1) * Page.SECTOR_SIZE)));
        }
        return st[0];
    }

    /** Adds a finding and raises the page's status to match its severity. */
    static void mark(FindingSink sink, byte[] st, Finding f) {
        sink.add(f);
        byte s = f.severity().atLeast(Severity.ERROR) ? PageStatus.DAMAGED : PageStatus.WARNING;
        if (st[0] < s) {
            st[0] = s;
        }
    }

    static Location tornRange(Location loc, PageVerification v) {
        if (v.torn().tornSectors().isEmpty()) {
            return loc.bytes(PageHeaderLayout.TORN_BITS, 4);
        }
        int first = v.torn().tornSectors().get(0);
        int last = v.torn().tornSectors().get(v.torn().tornSectors().size() - 1);
        return loc.bytes(first * Page.SECTOR_SIZE, (last - first + 1) * Page.SECTOR_SIZE);
    }
}

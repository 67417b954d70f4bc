package pagelens.core.alloc;

import java.io.IOException;

import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageType;
import pagelens.core.store.PageStore;

/**
 * Which pages of one database file are in use, from the file's own GAM and PFS pages. A page is in use
 * when its extent is allocated in the GAM (bit 0) and its PFS byte has the allocated bit. Where a map
 * page is missing or is not a map page, the state of the pages it covers is unknown.
 * Memory: one byte per page of the PFS intervals whose PFS page was found, plus one bit per extent of the GAM intervals
 * whose GAM page was found; a page count read from hostile evidence allocates nothing by itself.
 */
public final class AllocationState {

    /** Allocation of one page. */
    public enum State {
        ALLOCATED, UNALLOCATED, UNKNOWN
    }

    private final long pages;
    /** PFS bytes by PFS interval, null where the interval's PFS page was not found. */
    private final byte[][] pfs;
    private final ExtentBitmap[] gams;
    private int unreadableMaps;

    private AllocationState(long pages) {
        this.pages = pages;
        this.pfs = new byte[(int) Math.min(Integer.MAX_VALUE - 8, (pages + Pfs.PAGES - 1) / Pfs.PAGES)][];
        this.gams = new ExtentBitmap[(int) ((pages + ExtentBitmap.PAGES_PER_INTERVAL - 1) / ExtentBitmap.PAGES_PER_INTERVAL)];
    }

    /** Reads the GAM and PFS pages of {@code fileId} from {@code store} ({@code pages} pages in the file). */
    public static AllocationState read(PageStore store, int fileId, long pages) throws IOException {
        AllocationState s = new AllocationState(pages);
        for (int k = 0; k < s.pfs.length; k++) {
            long p = k == 0 ? 1 : (long) k * Pfs.PAGES;
            byte[] page = p < pages ? store.readPage(fileId, p) : null;
            if (page != null && page[0] == 1 && Bytes.u8(page, 1) == PageType.PFS) {
                page = pagelens.core.page.TornBits.asRead(page); // the last byte of each sector is a PFS byte too
                long first = (long) k * Pfs.PAGES;
                int n = (int) Math.min(Pfs.PAGES, pages - first);
                s.pfs[k] = java.util.Arrays.copyOfRange(page, Pfs.OFFSET, Pfs.OFFSET + n);
            } else {
                s.unreadableMaps++;
            }
        }
        for (int k = 0; k < s.gams.length; k++) {
            long p = k == 0 ? 2 : (long) k * ExtentBitmap.PAGES_PER_INTERVAL;
            byte[] page = p < pages ? store.readPage(fileId, p) : null;
            if (page != null && page[0] == 1 && Bytes.u8(page, 1) == PageType.GAM) {
                page = pagelens.core.page.TornBits.asRead(page);
                s.gams[k] = ExtentBitmap.read(page, 0);
            } else {
                s.unreadableMaps++;
            }
        }
        return s;
    }

    /** The GAM intervals (of {@link ExtentBitmap#PAGES_PER_INTERVAL} pages) whose GAM page was read. */
    public java.util.List<Integer> gamIntervals() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int k = 0; k < gams.length; k++) {
            if (gams[k] != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** How many PFS or GAM pages could not be read as such. */
    public int unreadableMaps() {
        return unreadableMaps;
    }

    public long pages() {
        return pages;
    }

    /** The PFS byte of a page, or -1 when unknown. */
    public int pfsByte(long page) {
        long k = page / Pfs.PAGES;
        if (page < 0 || page >= pages || k >= pfs.length || pfs[(int) k] == null || page % Pfs.PAGES >= pfs[(int) k].length) {
            return -1;
        }
        return pfs[(int) k][(int) (page % Pfs.PAGES)] & 0xFF;
    }

    /** GAM: whether the page's extent is allocated, or null when unknown. */
    public Boolean extentAllocated(long page) {
        long kk = page / ExtentBitmap.PAGES_PER_INTERVAL;
        if (page < 0 || kk >= gams.length || gams[(int) kk] == null) {
            return null;
        }
        int k = (int) kk;
        if (gams[k] == null) {
            return null;
        }
        return !gams[k].get((int) (page % ExtentBitmap.PAGES_PER_INTERVAL / 8));
    }

    public State state(long page) {
        if (page < Page.BOOT_PAGE_ID + 1 && page >= 0) {
            // the fixed system pages 0..9 are always in use (4 and 5 are reserved and may be zero)
            return page == 4 || page == 5 ? State.UNALLOCATED : State.ALLOCATED;
        }
        Boolean ext = extentAllocated(page);
        int b = pfsByte(page);
        if (ext == null || b < 0) {
            return State.UNKNOWN;
        }
        return ext && (b & Pfs.ALLOCATED) != 0 ? State.ALLOCATED : State.UNALLOCATED;
    }
}

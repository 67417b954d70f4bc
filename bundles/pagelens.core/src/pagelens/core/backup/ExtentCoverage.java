package pagelens.core.backup;

import java.io.IOException;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;

/** Whether a backup holds every extent its own allocation maps say is allocated (a stripe of several files does not). */
final class ExtentCoverage {
    private ExtentCoverage() {
    }

    /**
     * Extents of a file that its own GAM pages (last copy in the backup) mark allocated but of which no page is in the
     * data streams: {missing, allocated, first missing extent}. A full backup copies every allocated extent
     * (docs/formats.md 5.5), so a missing one means a stripe or damage. Nothing is counted without a GAM page.
     */
    public static long[] missingExtents(BackupPageStore store, int fileId, BackupCatalog catalog) throws IOException {
        // the file's size as the backup's file list declares it; without one, the highest page id present (which a damaged
        // or hostile page header can inflate: the walk below only visits intervals whose GAM page is present)
        long pages = catalog.files().stream().filter(f -> f.fileId() == fileId).mapToLong(f -> f.size() / Page.SIZE).findFirst()
                .orElse(store.pageLimit(fileId));
        if (store.copies(new PageId(fileId, 2)).isEmpty()) {
            return new long[] { 0, 0, -1 };
        }
        pagelens.core.alloc.AllocationState a = pagelens.core.alloc.AllocationState.read(store, fileId, pages);
        long missing = 0;
        long allocated = 0;
        long first = -1;
        for (int interval : a.gamIntervals()) {
            long from = (long) interval * pagelens.core.alloc.ExtentBitmap.PAGES_PER_INTERVAL / 8;
            long to = Math.min((pages + 7) / 8, from + pagelens.core.alloc.ExtentBitmap.PAGES_PER_INTERVAL / 8);
            for (long e = from; e < to; e++) {
                Boolean alloc = a.extentAllocated(e * 8);
                if (alloc == null || !alloc) {
                    continue;
                }
                allocated++;
                boolean any = false;
                for (int k = 0; k < 8 && !any; k++) {
                    any = store.contains(new PageId(fileId, e * 8 + k));
                }
                if (!any) {
                    missing++;
                    if (first < 0) {
                        first = e;
                    }
                }
            }
        }
        return new long[] { missing, allocated, first };
    }
}

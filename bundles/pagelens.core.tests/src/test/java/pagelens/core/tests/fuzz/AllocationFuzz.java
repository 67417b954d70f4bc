package pagelens.core.tests.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pagelens.core.alloc.AllocationState;
import pagelens.core.alloc.ExtentBitmap;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.store.Provenance;

/** GAM/PFS/IAM decoding and the allocation state over a store whose pages and page count come from the input. */
public final class AllocationFuzz {
    private AllocationFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        byte[] pfs = Fuzz.page(data);
        pfs[0] = 1;
        pfs[1] = (byte) PageType.PFS;
        byte[] gam = Fuzz.page(data.length > 8192 ? java.util.Arrays.copyOfRange(data, 8192, data.length) : data);
        gam[0] = 1;
        gam[1] = (byte) PageType.GAM;
        ExtentBitmap.read(gam, 0);
        ExtentBitmap.IamHeader.read(gam, 0);
        // the page count is hostile: up to 2^24 pages (work grows with it by design: one look per PFS interval; 2^32 is in
        // the regression test of the hardening issue, too slow to repeat a million times here)
        long pages = data.length >= 3 ? ((data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16) : 3;
        PageStore store = new PageStore() {
            @Override
            public Path evidence() {
                return null;
            }

            @Override
            public String description() {
                return "fuzz";
            }

            @Override
            public List<Integer> fileIds() {
                return List.of(1);
            }

            @Override
            public long pageLimit(int fileId) {
                return pages;
            }

            @Override
            public List<PageCopy> copies(PageId id) {
                return id.pageId() == 1 || id.pageId() == 2 ? List.of(new PageCopy(id, new Provenance(null, id.pageId() * 8192, 0))) : List.of();
            }

            @Override
            public byte[] read(PageCopy copy) {
                return copy.id().pageId() == 1 ? pfs : gam;
            }

            @Override
            public void close() {
            }
        };
        AllocationState a = AllocationState.read(store, 1, pages);
        for (long p : new long[] { 0, 5, 9, 100, 8087, 8088, pages - 1, pages, pages + 1 }) {
            a.state(p);
        }
    }
}

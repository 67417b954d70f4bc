package pagelens.core.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.io.OffsetSpace;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.PageVerification;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.PageRules;
import pagelens.core.scan.PageStatus;

/**
 * Verifies the pages of a backup's data streams as the store reads them, with the same page rules as a data file's
 * pages ({@link PageRules}): an allocation-free quick check clears healthy pages in parallel, everything else gets the
 * rules (a backup page's id comes from its own header). Counts pages and groups them by health and type per file.
 */
final class StreamVerifier implements BackupPageStore.SlotVisitor {
    private final Path path;
    private final OffsetSpace space;
    private final FindingSink sink;
    private final ProgressMonitor monitor;
    private final PageCounts.Counter c = new PageCounts.Counter();
    private final GroupCounter groups = new GroupCounter();
    private final pagelens.core.scan.PageOwners owners = new pagelens.core.scan.PageOwners(false);
    private final pagelens.core.scan.PageOwners.Recorder recorder = owners.recorder();

    StreamVerifier(Path path, OffsetSpace space, FindingSink sink, ProgressMonitor monitor) {
        this.path = path;
        this.space = space;
        this.sink = sink;
        this.monitor = monitor;
    }

    PageCounts.Counter counter() {
        return c;
    }

    pagelens.core.scan.PageOwners owners() {
        return owners;
    }

    java.util.Map<Integer, List<PageStatus.Group>> groups() {
        return groups.groups();
    }

    @Override
    public void slots(long first, byte[] buf, int count) throws IOException {
        monitor.checkCanceled();
        int[] quick = new int[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(j -> {
            int at = j * Page.SIZE;
            if (buf[at] == 1 && !Bytes.allZero(buf, at, Page.HEADER_SIZE)) {
                // the allocation-free check clears healthy pages; anything else goes through the page rules below
                quick[j] = PageVerification.quick(buf, at, Bytes.u16(buf, at + pagelens.core.page.PageHeaderLayout.FILE_ID), Bytes.u32(buf, at + pagelens.core.page.PageHeaderLayout.PAGE_ID), new int[16]);
            }
        });
        for (int j = 0; j < count; j++) {
            int at = j * Page.SIZE;
            if (buf[at] != 1 || !pagelens.core.page.PageType.isKnown(buf[at + 1] & 0xFF)) {
                continue; // not a page: counted with the never-used slots below
            }
            long off = first + (long) j * Page.SIZE;
            PageId id = PageId.readHeaderId(buf, at);
            byte st;
            if (quick[j] == PageVerification.QUICK_OK_CHECKSUM) {
                c.total++;
                c.checksumProtected++;
                c.checksumOk++;
                st = pagelens.core.scan.PageStatus.CHECKSUM_OK;
            } else if (quick[j] == PageVerification.QUICK_OK_NONE) {
                c.total++;
                c.unprotected++;
                st = pagelens.core.scan.PageStatus.UNPROTECTED;
            } else {
                // the same rules as a data file's pages; a backup page's id comes from its own header
                st = pagelens.core.scan.PageRules.check(buf, at, new Location(path, id.fileId(), id.pageId(), off, 0, 0, space), false,
                        null, sink, c);
            }
            groups.add(id, buf[at + 1] & 0xFF, st);
            int indexId = Bytes.u16(buf, at + pagelens.core.page.PageHeaderLayout.INDEX_ID);
            long objId = Bytes.u32(buf, at + pagelens.core.page.PageHeaderLayout.OBJ_ID);
            recorder.set(id.fileId(), id.pageId(), pagelens.core.scan.PageOwners.auid(indexId, objId));
            if (pagelens.core.scan.PageOwners.worthCapturing(buf[at + 1] & 0xFF, indexId, objId)) {
                owners.capture(id.fileId(), id.pageId(), buf, at); // the catalog reader's copy: no second read
            }
        }
        monitor.worked(count);
    }

    /** Page groups by type and health per file id, as the evidence explorer shows them. */
    static final class GroupCounter {
        private final java.util.Map<Integer, long[]> types = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> firstType = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> health = new java.util.TreeMap<>();
        private final java.util.Map<Integer, long[]> firstHealth = new java.util.TreeMap<>();

        void add(PageId id, int type, int h) {
            long[] t = types.computeIfAbsent(id.fileId(), k -> new long[256]);
            long[] ft = firstType.computeIfAbsent(id.fileId(), k -> filled(256));
            t[type]++;
            if (ft[type] < 0) {
                ft[type] = id.pageId();
            }
            long[] hc = health.computeIfAbsent(id.fileId(), k -> new long[6]);
            long[] fh = firstHealth.computeIfAbsent(id.fileId(), k -> filled(6));
            hc[h]++;
            if (fh[h] < 0) {
                fh[h] = id.pageId();
            }
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> groups() {
            java.util.Map<Integer, List<pagelens.core.scan.PageStatus.Group>> out = new java.util.TreeMap<>();
            for (int f : types.keySet()) {
                List<pagelens.core.scan.PageStatus.Group> g = new ArrayList<>();
                for (byte h : PageStatus.GROUP_ORDER) {
                    if (health.get(f)[h] > 0) {
                        g.add(pagelens.core.scan.PageStatus.Group.health(h, health.get(f)[h], firstHealth.get(f)[h]));
                    }
                }
                for (int t = 1; t < 256; t++) {
                    if (types.get(f)[t] > 0) {
                        g.add(pagelens.core.scan.PageStatus.Group.type(t, types.get(f)[t], firstType.get(f)[t]));
                    }
                }
                out.put(f, List.copyOf(g));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
    }

}

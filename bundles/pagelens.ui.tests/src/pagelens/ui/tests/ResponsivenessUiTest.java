package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/**
 * The responsiveness measurement of issue "Workbench" (a logged measurement, not a timed test): a 50 GB sparse data
 * file (a specimen's first 1,024 pages, then holes) is opened as evidence; the time until the page editor shows its
 * first page, and the time of 200 page-to-page moves (next, previous, far jumps) are written to
 * {@code target/benchmarks/responsiveness.txt}. The assertions check only that the right pages are shown.
 */
class ResponsivenessUiTest {
    static final long SIZE = 50L * 1000 * 1000 * 1000;

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        EvidenceOpener.cancelJobs();
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    /** Prints a figure and appends it to target/benchmarks/responsiveness.txt (what releng/bench-ui.sh shows). */
    private static void log(String line) throws java.io.IOException {
        System.out.print(line);
        Path out = Paths.get("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("responsiveness.txt"), line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Opens the file as evidence and spins until the page editor shows page 1:0; the time in ms. */
    private static long open(IWorkbenchWindow window, IWorkbenchPage page, Path file) {
        long t0 = System.nanoTime();
        EvidenceOpener.open(window, List.of(file));
        // spin only until the editor shows page 1:0 (the hash and scan jobs keep running in the background)
        for (int i = 0; i < 5000; i++) {
            if (page.getActiveEditor() instanceof PageEditor p && p.currentPage() != null) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(new PageId(1, 0), p.currentPage());
                return ms;
            }
            Screens.spin(1);
        }
        throw new AssertionError("the page editor did not open");
    }

    @Test
    void fiftyGigabyteSparseFile() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path big = tmp.resolve("sparse-50GB.mdf");
        DataFileSpecimen.write(big, DataFileSpecimen.Spec.defaults(1024), ProgressMonitor.NULL);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE);
        }
        // the first open of a session loads the editor's classes; the second is what a user meets afterwards
        long firstMs = open(window, page, big);
        EvidenceOpener.cancelJobs();
        page.closeAllEditors(false);
        EvidenceRegistry.get().clear();
        Screens.spin(200);
        long againMs = open(window, page, big);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        assertEquals(new PageId(1, 0), ed.currentPage());
        List<Long> moves = new ArrayList<>();
        long lastPage = SIZE / 8192 - 1;
        long[] targets = new long[200];
        for (int i = 0; i < 200; i++) {
            targets[i] = i % 4 == 3 ? lastPage - i * 1_000_003L % lastPage : (i * 7L) % 1024;
        }
        for (long target : targets) {
            long s = System.nanoTime();
            ed.showPage(new PageId(1, target));
            ed.natTable().redraw();
            ed.natTable().update(); // paint now, as a user would see it
            moves.add(System.nanoTime() - s);
            assertEquals(new PageId(1, target), ed.currentPage());
        }
        moves.sort(null);
        double avg = moves.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double p95 = moves.get((int) (moves.size() * 0.95)) / 1e6;
        double max = moves.get(moves.size() - 1) / 1e6;
        String line = String.format(Locale.ROOT, "50 GB sparse file: first page shown %d ms after open (first editor of the session), "
                + "%d ms when opened again; page-to-page (200 moves incl. paint, "
                + "near and far): average %.1f ms, 95th percentile %.1f ms, max %.1f ms%n", firstMs, againMs, avg, p95, max);
        log(line);
        Screens.save(Screens.snapshot(window.getShell()), "responsiveness-50GB.png");
    }

    /**
     * The table rows editor on the specimen's table of a data file of {@code pagelens.benchTableMb} MB (128 in the test run,
     * 2,048 from releng/bench-ui.sh): the time from opening the editor to its first screen of rows painted is logged; the rows
     * go on arriving in the background.
     */
    @Test
    void tableRowsFirstScreen() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        int mb = Integer.getInteger("pagelens.benchTableMb", 128);
        Path mdf = tmp.resolve("table-" + mb + "MB.mdf");
        DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(mb * 128L), ProgressMonitor.NULL);
        EvidenceOpener.open(window, List.of(mdf));
        EvidenceOpener.joinJobs();
        pagelens.ui.model.EvidenceItem item = EvidenceRegistry.get().open(mdf);
        int objectId = item.examination().catalog().userTables().stream().filter(t -> t.name().equals("Customers")).findFirst().orElseThrow().id();
        Screens.spin(200);
        long t0 = System.nanoTime();
        pagelens.ui.editors.TableRowsEditor ed = (pagelens.ui.editors.TableRowsEditor) page.openEditor(
                new pagelens.ui.editors.TableRowsInput(mdf, objectId, "dbo.Customers"), pagelens.ui.editors.TableRowsEditor.ID, true);
        Screens.waitUntil(() -> ed.rowCount() > 40, 10_000, "a screen of rows");
        ed.natTable().redraw();
        ed.natTable().update(); // painted, as a user sees it
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> first = ed.cells(0);
        assertEquals("1000", first.get(0), "the first row of the specimen table (page 1:10, slot 0)");
        String line = String.format(Locale.ROOT, "table rows editor, %,d MB data file: first screen of rows painted %d ms after opening "
                + "(%,d rows read by then; the rest keep arriving)%n", mb, ms, ed.rowCount());
        log(line);
    }

    /**
     * The log editor on a SYNTHETIC log of {@code pagelens.benchTableMb} MB (128 in the test run, 2,048 from releng/bench-ui.sh,
     * VLFs of 64 MB): the time from opening the file to the first screen of records painted is logged; reading goes on in the
     * background.
     */
    @Test
    void logEditorFirstScreen() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        int mb = Integer.getInteger("pagelens.benchTableMb", 128);
        Path ldf = tmp.resolve("bench-" + mb + "MB_log.ldf");
        pagelens.core.specimen.LogSpecimen.write(ldf, DataFileSpecimen.Spec.defaults(1024), (long) mb << 20, 64L << 20, ProgressMonitor.NULL);
        Screens.spin(200);
        long t0 = System.nanoTime();
        EvidenceOpener.openEditor(page, ldf);
        pagelens.ui.editors.LogEditor ed = (pagelens.ui.editors.LogEditor) page.getActiveEditor();
        Screens.waitUntil(() -> ed.rowCount() > 40, 10_000, "a screen of records");
        ed.natTable().redraw();
        ed.natTable().update(); // painted, as a user sees it
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("40:16:1", ed.cells(0).get(0), "the first record of the first VLF");
        String line = String.format(Locale.ROOT, "log editor, %,d MB log: first screen of records painted %d ms after opening (%,d records read by then)%n", mb,
                ms, ed.rowCount());
        log(line);
    }

    /**
     * The page map of a file of a million pages (an 8 GB sparse data file, scanned in the background as usual): the time
     * to paint the map at the top, in the middle and at the end, at 2 px and 16 px cells, is logged.
     */
    @Test
    void pageMapOfAMillionPages() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path big = tmp.resolve("sparse-1M-pages.mdf");
        DataFileSpecimen.write(big, DataFileSpecimen.Spec.defaults(1024), ProgressMonitor.NULL);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1_000_000L * 8192);
        }
        EvidenceOpener.open(window, List.of(big));
        Screens.spin(300);
        EvidenceOpener.joinJobs(); // the hash and the scan of 8 GB
        Screens.spin(300);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        pagelens.ui.views.PageMapView map = (pagelens.ui.views.PageMapView) page.showView(pagelens.ui.views.PageMapView.ID);
        page.activate(ed);
        map.reload();
        Screens.spin(300);
        assertEquals(1_000_000L, map.shown().pages());
        org.eclipse.swt.widgets.Canvas c = map.canvas();
        StringBuilder sb = new StringBuilder("page map of 1,000,000 pages, paint times:");
        org.eclipse.swt.widgets.Combo zoom = map.zoomCombo();
        for (int z : new int[] { 0, 4 }) {
            zoom.select(z);
            zoom.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Screens.spin(100);
            org.eclipse.swt.widgets.ScrollBar bar = c.getVerticalBar();
            for (int pos : new int[] { 0, bar.getMaximum() / 2, bar.getMaximum() - bar.getThumb() }) {
                bar.setSelection(pos);
                // paint the whole map synchronously into an image (Control.print runs the paint listener)
                org.eclipse.swt.graphics.Image img = new org.eclipse.swt.graphics.Image(c.getDisplay(), c.getSize().x, c.getSize().y);
                org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(img);
                long s0 = System.nanoTime();
                boolean printed = c.print(gc);
                double ms = (System.nanoTime() - s0) / 1e6;
                gc.dispose();
                int colours = Screens.colours(img.getImageData()).size();
                img.dispose();
                assertTrue(printed && colours > 1, "the map painted into the image");
                sb.append(String.format(Locale.ROOT, " %s at row %,d: %.1f ms;", zoom.getItem(z), pos, ms));
            }
        }
        sb.append('\n');
        log(sb.toString());
        // on screen, back at the top (the file's first pages: header, maps, boot page in their colours); the last rows
        // painted above are all never-used pages, one colour beside the background
        c.getVerticalBar().setSelection(0);
        c.redraw();
        Screens.spin(300);
        org.eclipse.swt.graphics.ImageData px = Screens.snapshot(c);
        assertTrue(Screens.colours(px).size() > 2, "the map paints its cells");
        Screens.save(Screens.snapshot(window.getShell()), "page-map-1M.png");
        page.hideView(map); // the next test gets a fresh map (default zoom, at the top)
    }

}

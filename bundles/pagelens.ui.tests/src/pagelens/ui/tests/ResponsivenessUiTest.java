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
import pagelens.ui.model.EvidenceOpener;
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
        System.out.print(line);
        Path out = Paths.get("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("responsiveness.txt"), line);
        Screens.save(Screens.snapshot(window.getShell()), "responsiveness-50GB.png");
    }
}

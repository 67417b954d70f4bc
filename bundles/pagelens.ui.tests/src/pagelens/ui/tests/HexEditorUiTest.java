package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.ui.editors.HexEditor;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.views.EvidenceExplorerView;

/** Opens files in the real workbench and checks what is painted, not only widget state. */
class HexEditorUiTest {

    @TempDir
    Path tmp;

    IWorkbenchWindow window;
    IWorkbenchPage page;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the PageLens workbench window is open");
        page = window.getActivePage();
        Shell shell = window.getShell();
        shell.setSize(1280, 900);
        shell.forceActive();
        EvidenceRegistry.get().clear();
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    /** A synthetic 3-page file: page headers, a text run and zero-filled space. */
    private Path syntheticFile() throws IOException {
        byte[] b = new byte[3 * 8192];
        for (int p = 0; p < 3; p++) {
            int o = p * 8192;
            b[o] = 1; // header version
            b[o + 1] = (byte) (p == 0 ? 15 : 1); // file header page, then data pages
            b[o + 0x20] = (byte) p; // page id
            b[o + 0x24] = 1; // file id
            byte[] t = ("PageLens synthetic page " + p).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, b, o + 0x60, t.length);
        }
        return Files.write(tmp.resolve("synthetic.bin"), b);
    }

    private HexEditor openAndWait(Path file) throws Exception {
        EvidenceOpener.open(window, List.of(file));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(500);
        IEditorPart ed = page.getActiveEditor();
        assertTrue(ed instanceof HexEditor, "the hex editor is active: " + ed);
        return (HexEditor) ed;
    }

    @Test
    void perspectiveIsPageLens() {
        assertEquals("pagelens.ui.perspective", page.getPerspective().getId());
        assertNotNull(page.findView(EvidenceExplorerView.ID), "the evidence explorer is shown");
    }

    @Test
    void opensSyntheticFileAndPaintsBytes() throws Exception {
        Path file = syntheticFile();
        HexEditor ed = openAndWait(file);
        assertEquals(3 * 8192, ed.fileSize());
        assertEquals("01", ed.natTable().getDataValueByPosition(1, 1), "first byte in the first body cell");

        EvidenceItem item = EvidenceRegistry.get().items().get(0);
        assertEquals(EvidenceSource.sha256(file, ProgressMonitor.NULL), item.sha256(), "SHA-256 computed in the background");

        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(px, "hex-editor-synthetic.png");
        Set<RGB> colours = Screens.colours(px);
        assertTrue(colours.size() >= 6, "a painted hex grid has many colours, saw " + colours.size());
        int headerBg = Screens.count(px, c -> c.equals(new RGB(0xDD, 0xEB, 0xFF)));
        assertTrue(headerBg > 500, "page header bytes are painted in their region colour, saw " + headerBg + " pixels");
        int dark = Screens.count(px, c -> c.red < 90 && c.green < 90 && c.blue < 90);
        assertTrue(dark > 200, "text is painted, saw " + dark + " dark pixels");

        ImageData whole = Screens.snapshot(window.getShell());
        Screens.save(whole, "workbench-synthetic.png");
    }

    @Test
    void goToOffsetAndRealSample() throws Exception {
        String prop = System.getProperty("pagelens.samples");
        Path mdf = prop == null ? null : Paths.get(prop, "aspnetdb-tractis/aspnetdb.mdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(mdf != null && Files.exists(mdf),
                "real samples not found (../shared/samples absent): skipping");
        HexEditor ed = openAndWait(mdf);
        ed.goToOffset(0x12000);
        Screens.spin(300);
        // the boot page starts at 0x12000: header version 1, type 13
        int row = (int) (0x12000 / 16); // first window: windowStart is 0
        assertEquals("01", ed.natTable().getDataValueByPosition(1, 1 + row - topRow(ed)));
        EvidenceItem item = EvidenceRegistry.get().items().get(0);
        assertEquals("8cebaf14a70570cb68b3fdee6dd2ba593cbd8c5c66e97a7df320ef12f7ee503d", item.sha256());
        assertEquals("data-file", item.identification().kind().id());
        ImageData px = Screens.snapshot(window.getShell());
        Screens.save(px, "workbench-aspnetdb.png");
        assertTrue(Screens.colours(px).size() > 10);
    }

    @Test
    void multiGigabyteSparseFileOpensAtOnce() throws Exception {
        Path big = tmp.resolve("sparse-5g.mdf");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(5L << 30);
            raf.seek(4_500_000_000L);
            raf.write(new byte[] { 0x12, 0x34 });
        }
        long t0 = System.nanoTime();
        EvidenceOpener.open(window, List.of(big));
        Screens.spin(200);
        HexEditor ed = (HexEditor) page.getActiveEditor();
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(5L << 30, ed.fileSize());
        assertTrue(ed.windowText().contains("window 1 of 80"), ed.windowText());
        ed.goToOffset(4_500_000_000L);
        Screens.spin(300);
        assertTrue(ed.windowText().contains("window 68 of 80"), ed.windowText());
        int selected = ed.natTable().getDataValueByPosition(1 + (int) (4_500_000_000L % 16), 1 + (int) ((4_500_000_000L - ed.windowStart()) / 16) - topRow(ed))
                .equals("12") ? 1 : 0;
        assertEquals(1, selected, "the byte written at 4,500,000,000 is shown");
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(px, "hex-editor-sparse-5g.png");
        assertTrue(Screens.colours(px).size() >= 4);
        EvidenceOpener.cancelJobs();
        EvidenceOpener.joinJobs();
        System.out.println("opened a 5 GiB sparse file in the hex editor in " + openMs + " ms");
    }

    private static int topRow(HexEditor ed) {
        // row position 1 in the grid is the first visible body row
        Object v = ed.natTable().getDataValueByPosition(0, 1);
        return (int) ((Long.parseLong(v.toString(), 16) - ed.windowStart()) / 16);
    }
}

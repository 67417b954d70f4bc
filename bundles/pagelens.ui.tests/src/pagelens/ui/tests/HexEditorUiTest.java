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
import pagelens.ui.editors.EvidenceOpener;
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

    /** A synthetic non-page file (the hex editor's territory): a TAPE-like header, text and zeros. */
    private Path syntheticFile() throws IOException {
        byte[] b = new byte[3 * 8192];
        byte[] tape = "TAPE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tape, 0, b, 0, 4);
        for (int p = 0; p < 3; p++) {
            byte[] t = ("PageLens synthetic block " + p + " \u00ff").getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(t, 0, b, p * 8192 + 0x60, t.length);
            for (int i = 0; i < 64; i++) {
                b[p * 8192 + 0x100 + i] = (byte) (i * 37);
            }
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
        assertEquals("54", ed.natTable().getDataValueByPosition(1, 1), "first byte ('T') in the first body cell");

        EvidenceItem item = EvidenceRegistry.get().items().get(0);
        assertEquals(EvidenceSource.sha256(file, ProgressMonitor.NULL), item.sha256(), "SHA-256 computed in the background");

        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(px, "hex-editor-synthetic.png");
        Set<RGB> colours = Screens.colours(px);
        assertTrue(colours.size() >= 6, "a painted hex grid has many colours, saw " + colours.size());
        int grey = Screens.count(px, c -> c.equals(new RGB(0xA8, 0xA8, 0xA8)));
        assertTrue(grey > 500, "zero bytes are painted grey, saw " + grey + " pixels");
        int dark = Screens.count(px, c -> c.red < 90 && c.green < 90 && c.blue < 90);
        assertTrue(dark > 200, "text is painted, saw " + dark + " dark pixels");

        ImageData whole = Screens.snapshot(window.getShell());
        Screens.save(whole, "workbench-synthetic.png");
    }

    @Test
    void multiGigabyteSparseFileOpensAtOnce() throws Exception {
        Path big = tmp.resolve("sparse-5g.bin");
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

    @Test
    void findsBytesAcrossChunksAndReportsBadPatterns() throws Exception {
        Path f = tmp.resolve("find.bin");
        byte[] data = new byte[20 << 20];
        byte[] word = "PAGELENS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(word, 0, data, (4 << 20) - 3, word.length); // across the search's 4 MiB chunk boundary
        System.arraycopy(word, 0, data, 9_000_001, word.length);
        java.nio.file.Files.write(f, data);
        EvidenceOpener.open(window, List.of(f));
        Screens.spin(200);
        HexEditor ed = (HexEditor) page.getActiveEditor();
        ed.findNext("50 41 47 45 4C 45 4E 53", pagelens.core.io.ByteSearch.Mode.HEX);
        waitFor(ed);
        assertTrue(ed.findStatus().startsWith(String.format("found at 0x%X", (4 << 20) - 3)), ed.findStatus());
        ed.findNext("50 41 47 45 4C 45 4E 53", pagelens.core.io.ByteSearch.Mode.HEX);
        waitFor(ed);
        assertTrue(ed.findStatus().startsWith(String.format("found at 0x%X", 9_000_001)), ed.findStatus());
        ed.findNext("50 41 47 45 4C 45 4E 53", pagelens.core.io.ByteSearch.Mode.HEX);
        waitFor(ed);
        assertTrue(ed.findStatus().startsWith("not found"), ed.findStatus());
        ed.findNext("PAGELENS", pagelens.core.io.ByteSearch.Mode.TEXT);
        waitFor(ed);
        assertTrue(ed.findStatus().startsWith(String.format("found at 0x%X", (4 << 20) - 3)), ed.findStatus());
        ed.findNext("4D 5", pagelens.core.io.ByteSearch.Mode.HEX);
        assertTrue(ed.findStatus().startsWith("not hex bytes"), ed.findStatus());
        EvidenceOpener.cancelJobs();
        EvidenceOpener.joinJobs();
    }

    private static void waitFor(HexEditor ed) {
        for (int i = 0; i < 100 && ed.findStatus().startsWith("searching"); i++) {
            Screens.spin(50);
        }
    }

    private static int topRow(HexEditor ed) {
        // row position 1 in the grid is the first visible body row
        Object v = ed.natTable().getDataValueByPosition(0, 1);
        return (int) ((Long.parseLong(v.toString(), 16) - ed.windowStart()) / 16);
    }
}

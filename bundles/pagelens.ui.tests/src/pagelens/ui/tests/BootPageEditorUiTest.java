package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.BootPageEditor;
import pagelens.ui.editors.EvidenceEditorInput;

/** The boot page editor: verdict banner, Hekaton rows, compare with differences only, row to bytes. */
class BootPageEditorUiTest {

    @TempDir
    Path tmp;

    IWorkbenchWindow window;
    IWorkbenchPage page;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        window.getShell().setSize(1270, 990);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    private Path specimen(String name, boolean stale) throws Exception {
        Path p = tmp.resolve(name);
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(64).withStaleHekaton(stale).withName(stale ? "Moved" : "Fresh"),
                ProgressMonitor.NULL);
        return p;
    }

    @Test
    void movedDatabaseShowsARedVerdictAndCompares() throws Exception {
        Path moved = specimen("moved.mdf", true);
        Path fresh = specimen("fresh.mdf", false);
        BootPageEditor ed = (BootPageEditor) page.openEditor(new EvidenceEditorInput(moved), BootPageEditor.ID);
        assertTrue(ed.bannerText().startsWith("CRITICAL: Stale In-Memory OLTP"), ed.bannerText());
        java.util.function.IntSupplier red = () -> Screens.count(Screens.snapshot(ed.banner()), c -> c.equals(new RGB(0xC6, 0x28, 0x28)));
        Screens.waitUntil(() -> red.getAsInt() > 2000, 5000, "the banner to be painted red (" + red.getAsInt() + " red pixels)");
        BootPageEditor.Row first = ed.rows().get(0);
        assertTrue(first.hekaton() && first.nonZeroHekaton(), first.toString());

        ed.compareWith(fresh);
        Screens.spin(200);
        int all = ed.visibleRows();
        ed.setDifferencesOnly(true);
        Screens.spin(200);
        int diffs = ed.visibleRows();
        assertTrue(diffs > 0 && diffs < all / 3, "differences only: " + diffs + " of " + all);
        ed.table().setSelection(new StructuredSelection(ed.rows().stream().filter(r -> r.name().equals("dbi_dbname")).findFirst().orElseThrow()), true);
        Screens.spin(200);
        assertEquals(0x94, ed.focus()[0]);
        assertEquals(0x194, ed.focus()[1]);
        Screens.save(Screens.snapshot(window.getShell()), "boot-page-editor-moved-vs-fresh.png");
    }

    @Test
    void realBackupIsGreen() throws Exception {
        String prop = System.getProperty("pagelens.samples");
        Path bak = prop == null ? null : Paths.get(prop, "quanlymypham2022-huycoder/Database.bak");
        Assumptions.assumeTrue(bak != null && Files.exists(bak), "real samples not found (../shared/samples absent): skipping");
        BootPageEditor ed = (BootPageEditor) page.openEditor(new EvidenceEditorInput(bak), BootPageEditor.ID);
        Screens.spin(300);
        assertTrue(ed.bannerText().startsWith("OK: "), ed.bannerText());
        ImageData banner = Screens.snapshot(ed.banner());
        assertTrue(Screens.count(banner, c -> c.equals(new RGB(0x2E, 0x7D, 0x32))) > 2000, "the banner is painted green");
        assertEquals("QuanLyMyPham", ed.bootPage().databaseName());
        // opened as evidence, a backup opens in the backup editor (its pages and boot page open from there)
        page.closeAllEditors(false);
        pagelens.ui.editors.EvidenceOpener.open(window, java.util.List.of(bak));
        Screens.spin(500);
        assertTrue(page.getActiveEditor() instanceof pagelens.ui.editors.BackupEditor, String.valueOf(page.getActiveEditor()));
        assertEquals(1, page.getEditorReferences().length);
        pagelens.ui.editors.EvidenceOpener.joinJobs();
        pagelens.ui.model.EvidenceRegistry.get().clear();
        Screens.save(Screens.snapshot(window.getShell()), "boot-page-editor-real-2022.png");
    }
}

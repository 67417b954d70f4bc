package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.specimen.XtpSpecimen;
import pagelens.ui.editors.ContainerEditor;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/** A container folder opens in the container browser; the damaged file's row is tinted; findings reach the registry. */
class ContainerEditorUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void containerOpensWithFilesAndDamage() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("container"), 9);
        XtpSpecimen.damage(w, XtpSpecimen.Damage.CUT);
        EvidenceOpener.open(window, List.of(w.root()));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        ContainerEditor ed = (ContainerEditor) page.getActiveEditor();
        for (int i = 0; i < 50 && ed.scan() == null; i++) {
            Screens.spin(100);
        }
        Screens.spin(300);
        assertNotNull(ed.scan(), "the background check finished");
        assertEquals(6, ed.scan().files().size());
        assertTrue(ed.headlineText().contains("6 checkpoint files") && ed.headlineText().contains("1 structural error"), ed.headlineText());
        ImageData px = Screens.snapshot(ed.table());
        Screens.save(px, "container-editor.png");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0xFF, 0xCD, 0xD2))) > 1000, "the cut file's row is tinted");
        EvidenceItem item = EvidenceRegistry.get().items().get(0);
        assertTrue(item.findings().stream().anyMatch(f -> f.ruleId().equals("xtp.file-cut")), item.findings().toString());
        assertTrue(item.scanState().contains("block checksums not verified"), item.scanState());
        org.junit.jupiter.api.Assertions.assertSame(item.xtpScan(), ed.scan(), "the browser shows the evidence job's check, not a second scan");
        // the DMV export: types and states in the table, the estimate in the headline, the cross-check in the findings
        ed.importDmv(XtpSpecimen.writeDmv(w, tmp.resolve("dmv.csv")));
        Screens.spin(300);
        assertTrue(ed.headlineText().contains("memory estimate 1,572,864 bytes"), ed.headlineText());
        // files grouped in pairs: each data file followed by its delta file
        assertEquals("pair 1: data", ed.cellValue(0, 1));
        assertEquals("pair 1: delta", ed.cellValue(1, 1));
        assertEquals("pair 2: data", ed.cellValue(2, 1));
        assertEquals("pair 2: delta", ed.cellValue(3, 1));
        assertTrue(String.valueOf(ed.cellValue(1, 8)).startsWith("DELTA"), "the DMV type of the paired file: " + ed.cellValue(1, 8));
        assertTrue(EvidenceRegistry.get().items().get(0).findings().stream().anyMatch(f -> f.ruleId().equals("xtp.dmv-size-mismatch")),
                "the cut file is smaller than the DMV says");
        Screens.save(Screens.snapshot(ed.table()), "container-editor-dmv.png");
    }

    @Test
    void checkpointFileOpensInTheBlockView() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("blocks"), 9);
        XtpSpecimen.File data = w.first("DATA");
        pagelens.ui.editors.CheckpointFileEditor ed = (pagelens.ui.editors.CheckpointFileEditor) page.openEditor(
                new pagelens.ui.editors.EvidenceEditorInput(data.path()), pagelens.ui.editors.CheckpointFileEditor.ID);
        for (int i = 0; i < 50 && ed.walk() == null; i++) {
            Screens.spin(100);
        }
        Screens.spin(300);
        assertTrue(ed.headlineText().contains("3 blocks") && ed.headlineText().contains(String.format("%,d rows", data.rows())), ed.headlineText());
        org.eclipse.swt.widgets.Tree t = ed.treeViewer().getTree();
        assertEquals(3, t.getItemCount());
        // the first block is expanded: header, rows; select the second row and check the bytes it covers are focused
        org.eclipse.swt.widgets.TreeItem rowsItem = java.util.Arrays.stream(t.getItem(0).getItems()).filter(i -> i.getText().startsWith("rows"))
                .findFirst().orElseThrow();
        ed.treeViewer().setExpandedState(rowsItem.getData(), true);
        Screens.spin(100);
        Object second = rowsItem.getItem(1).getData();
        ed.treeViewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(second), true);
        Screens.spin(300);
        pagelens.core.page.Node n = (pagelens.core.page.Node) second;
        assertEquals(n.offset(), ed.focus()[0]);
        assertTrue(n.offset() > 40 + 20, "the second row starts after the first");
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(Screens.snapshot(page.getWorkbenchWindow().getShell()), "checkpoint-block-view.png");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0x4A, 0x90, 0xE2))) > 500, "the selected row's bytes are highlighted");
    }

    @Test
    void droppedNamesOpenAsEvidence() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("dropped"), 4);
        EvidenceOpener.openDropped(window, new String[] { w.root().toString(), tmp.resolve("does-not-exist").toString() });
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(200);
        assertEquals(1, EvidenceRegistry.get().items().size(), "the missing name is skipped");
        assertTrue(window.getActivePage().getActiveEditor() instanceof ContainerEditor);
    }

    @Test
    void recentEvidenceListsWhatWasOpened() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        pagelens.ui.model.RecentEvidence.clear();
        XtpSpecimen.Written a = XtpSpecimen.write(tmp.resolve("first"), 1);
        XtpSpecimen.Written b = XtpSpecimen.write(tmp.resolve("second"), 2);
        EvidenceOpener.open(window, List.of(a.root()));
        EvidenceOpener.open(window, List.of(b.root()));
        EvidenceOpener.open(window, List.of(a.root()));
        Screens.spin(200);
        EvidenceOpener.joinJobs();
        assertEquals(List.of(a.root(), b.root()), pagelens.ui.model.RecentEvidence.list(), "most recent first, no duplicates");
        org.eclipse.jface.action.MenuManager m = new org.eclipse.jface.action.MenuManager();
        pagelens.ui.internal.PageLensActionBarAdvisor.fillRecent(m);
        assertEquals(2, m.getItems().length);
        org.eclipse.jface.action.IAction first = ((org.eclipse.jface.action.ActionContributionItem) m.getItems()[0]).getAction();
        assertEquals("&1 first", first.getText());
        assertTrue(first.isEnabled());
        pagelens.ui.model.RecentEvidence.clear();
    }
}

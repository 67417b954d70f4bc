package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageId;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/** Edit a byte by typing, undo, redo, recompute the checksum, save a copy; the evidence never changes. */
class PageEditingUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    private static void type(PageEditor ed, char c) {
        Event e = new Event();
        e.character = c;
        e.keyCode = c;
        ed.natTable().notifyListeners(SWT.KeyDown, e);
    }

    @Test
    void editUndoRedoRecomputeAndSaveACopy() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path spec = tmp.resolve("evidence.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
        String shaBefore = EvidenceSource.sha256(spec, ProgressMonitor.NULL);
        EvidenceOpener.open(window, List.of(spec));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        PageEditor ed = (PageEditor) page.getActiveEditor();
        ed.showPage(new PageId(1, 20));
        Screens.spin(100);
        int at = 0x200;
        byte original = ed.currentBytes()[at];
        ed.selectNodeAt(at); // puts the caret on a byte through the same path a click takes
        ed.reveal(at, 1);
        Screens.spin(100);
        type(ed, '4');
        type(ed, '1');
        Screens.spin(100);
        assertEquals(0x41, ed.currentBytes()[at] & 0xFF, "typed hex changes the byte in the overlay");
        assertTrue(ed.isDirty());
        assertTrue(ed.statusText().contains("CHECKSUM MISMATCH") && ed.statusText().contains("EDITED"), ed.statusText());
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(px, "page-editor-edited.png");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0xFF, 0xE0, 0x82))) > 50, "the changed byte is marked");

        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        history.undo(ed.undoContext(), null, null);
        Screens.spin(50);
        assertEquals(original, ed.currentBytes()[at], "undo restores the byte");
        assertFalse(ed.isDirty());
        history.redo(ed.undoContext(), null, null);
        Screens.spin(50);
        assertEquals(0x41, ed.currentBytes()[at] & 0xFF, "redo applies it again");

        ed.recomputeChecksum();
        Screens.spin(50);
        assertTrue(PageChecksum.verifies(ed.currentBytes(), 0), "the recomputed checksum verifies");
        assertTrue(ed.statusText().contains("checksum OK"), ed.statusText());

        IOException refused = assertThrows(IOException.class, () -> ed.savePatchedCopy(spec));
        assertTrue(refused.getMessage().contains("never overwrites evidence"));
        Path copy = tmp.resolve("patched.mdf");
        ed.savePatchedCopy(copy);
        assertEquals(shaBefore, EvidenceSource.sha256(spec, ProgressMonitor.NULL), "the evidence is unchanged");
        try (EvidenceSource s = EvidenceSource.open(copy)) {
            byte[] p = s.readFully(20 * 8192L, 8192);
            assertArrayEquals(ed.currentBytes(), p, "the copy holds the edited page");
            assertTrue(PageChecksum.verifies(p, 0));
        }
        assertEquals(Files.size(spec), Files.size(copy));
        Screens.save(Screens.snapshot(window.getShell()), "workbench-edited-page.png");
    }
}

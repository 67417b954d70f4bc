package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
import pagelens.core.page.PageId;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.BackupEditor;
import pagelens.ui.editors.EvidenceEditorInput;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;

/** The backup editor: set facts, file list, boot copies, restore target, a page opened in the page editor. */
class BackupEditorUiTest {
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

    private static BackupEditor waitFor(BackupEditor ed) {
        for (int i = 0; i < 100 && (ed.backup() == null || ed.headlineText().startsWith("Reading")); i++) {
            Screens.spin(100);
        }
        Screens.spin(200);
        return ed;
    }

    @Test
    void specimenBackupShowsItsFilesAndOpensAPage() throws Exception {
        Path bak = tmp.resolve("specimen.bak");
        BackupSpecimen.write(bak, DataFileSpecimen.Spec.defaults(1024).withName("SpecSales").withVersion(904, 904), ProgressMonitor.NULL);
        BackupEditor ed = waitFor((BackupEditor) page.openEditor(new EvidenceEditorInput(bak), BackupEditor.ID));
        assertNotNull(ed.backup());
        assertTrue(ed.headlineText().startsWith("SpecSales: full (normal) backup, SQL Server 16.0.1000, database version 904"), ed.headlineText());
        assertEquals(2, ed.filesTable().getItemCount());
        assertEquals("SpecSales", ed.filesTable().getItem(0).getText(2));
        assertEquals("D", ed.filesTable().getItem(0).getText(1));
        assertEquals("PRIMARY", ed.filesTable().getItem(0).getText(4));
        assertEquals("L", ed.filesTable().getItem(1).getText(1));
        assertTrue(ed.checkTarget(2017).contains("cannot be restored on a server that supports up to 869 (SQL Server 2017)"));
        assertTrue(ed.checkTarget(2022).contains("can be restored"));
        // pixels: the table paints its rows (text pixels, not only the background)
        ImageData files = Screens.snapshot(ed.filesTable());
        assertTrue(Screens.colours(files).size() > 4, "the file table paints text");
        ImageData shell = Screens.snapshot(window.getShell());
        assertTrue(Screens.count(shell, c -> c.equals(new RGB(0x2E, 0x7D, 0x32))) > 200, "green verdict text is painted");
        Screens.save(shell, "backup-editor-specimen.png");
        // open page 1:9 of the backup in the page editor
        ed.getSite().getPage().activate(ed);
        java.lang.reflect.Method open = BackupEditor.class.getDeclaredMethod("openPage", String.class);
        open.setAccessible(true);
        open.invoke(ed, "1:20");
        Screens.spin(300);
        assertTrue(page.getActiveEditor() instanceof PageEditor, String.valueOf(page.getActiveEditor()));
        assertEquals(new PageId(1, 20), ((PageEditor) page.getActiveEditor()).currentPage());
    }

    @Test
    void realBackupOpensInTheBackupEditor() throws Exception {
        String prop = System.getProperty("pagelens.samples");
        Path bak = prop == null ? null : Paths.get(prop, "pubs2012-dwipnandi/pubs.bak");
        Assumptions.assumeTrue(bak != null && Files.exists(bak), "real samples not found (../shared/samples absent): skipping");
        EvidenceOpener.open(window, java.util.List.of(bak));
        Screens.spin(300);
        BackupEditor ed = waitFor((BackupEditor) page.getActiveEditor());
        assertTrue(ed.headlineText().startsWith("pubs: full (normal) backup, SQL Server 11.0.6020, database version 706"), ed.headlineText());
        assertTrue(ed.filesTable().getItem(0).getText(5).endsWith("\\DATA\\pubs.mdf"));
        assertEquals("3,211,264", ed.filesTable().getItem(0).getText(3));
        assertTrue(ed.checkTarget(2008).contains("cannot be restored"));
        EvidenceOpener.joinJobs();
        org.junit.jupiter.api.Assertions.assertSame(pagelens.ui.model.EvidenceRegistry.get().items().get(0).backup(), ed.backup(),
                "the editor shows the evidence job's reading, not a second read of the backup");
        pagelens.ui.model.EvidenceRegistry.get().clear();
        Screens.save(Screens.snapshot(window.getShell()), "backup-editor-pubs.png");
    }

    @Test
    void realBackupWithTwoBootCopiesShowsTheirDifferences() throws Exception {
        String prop = System.getProperty("pagelens.samples");
        Path bak = prop == null ? null : Paths.get(prop, "quanlymypham2022-huycoder/Database.bak");
        Assumptions.assumeTrue(bak != null && Files.exists(bak), "real samples not found (../shared/samples absent): skipping");
        BackupEditor ed = waitFor((BackupEditor) page.openEditor(new EvidenceEditorInput(bak), BackupEditor.ID));
        org.eclipse.swt.widgets.Table t = ed.bootsTable();
        assertEquals("0x4200", t.getItem(0).getText(1));
        assertEquals("0x2E4A00", t.getItem(1).getText(1));
        long differs = java.util.Arrays.stream(t.getItems()).filter(i -> i.getText(0).equals("differs")).count();
        assertEquals(5, differs, "the 2022 backup's two boot copies differ in 5 DBINFO fields");
        assertTrue(java.util.Arrays.stream(t.getItems()).anyMatch(i -> i.getText(2).equals("39:2154:1 -> 39:2157:1")));
        page.setPartState(page.getReference(ed), IWorkbenchPage.STATE_MAXIMIZED);
        ed.revealBootCopies();
        Screens.spin(300);
        ImageData px = Screens.snapshot(t);
        Screens.save(Screens.snapshot(window.getShell()), "backup-editor-boot-copies-2022.png");
        // the rows' text is painted: dark text pixels on the table's background, in the table's own area
        assertTrue(Screens.count(px, c -> c.red < 80 && c.green < 80 && c.blue < 80) > 300, "the table paints its rows");
        page.setPartState(page.getReference(ed), IWorkbenchPage.STATE_RESTORED);
    }
}

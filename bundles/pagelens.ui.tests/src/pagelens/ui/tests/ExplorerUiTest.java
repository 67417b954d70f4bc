package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.views.EvidenceExplorerView;

/** The evidence explorer's tree: backup -> set -> files -> page groups; data file -> page groups; a group opens its first page. */
class ExplorerUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    private EvidenceExplorerView view;

    private TreeItem child(TreeItem parent, String prefix) {
        view.viewer().setExpandedState(parent.getData(), true);
        Screens.spin(100);
        return Arrays.stream(parent.getItems()).filter(i -> i.getText().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no child " + prefix + " under " + parent.getText() + ": "
                        + Arrays.stream(parent.getItems()).map(TreeItem::getText).toList()));
    }

    @Test
    void backupAndDataFileShowTheirParts() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path bak = tmp.resolve("tree.bak");
        BackupSpecimen.write(bak, DataFileSpecimen.Spec.defaults(256).withName("TreeDB"), ProgressMonitor.NULL);
        Path mdf = tmp.resolve("tree.mdf");
        DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(256).withName("TreeDB"), ProgressMonitor.NULL);
        Corruptor.flipBit(mdf, 30, 3000, 1);
        EvidenceOpener.open(window, List.of(bak, mdf));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        view = (EvidenceExplorerView) page.findView(EvidenceExplorerView.ID);
        view.refresh();
        Screens.spin(200);
        org.eclipse.swt.widgets.Tree tree = view.viewer().getTree();
        assertEquals(2, tree.getItemCount());
        TreeItem bakItem = Arrays.stream(tree.getItems()).filter(i -> i.getText().equals("tree.bak")).findFirst().orElseThrow();
        TreeItem set = child(bakItem, "backup set: full (normal), SQL Server 16.0.1000, database version 957");
        TreeItem file1 = child(set, "file 1 (D) TreeDB, 2,097,152 bytes, PRIMARY");
        child(set, "file 2 (L) TreeDB_log");
        TreeItem verified = child(file1, "verified: ");
        child(file1, "type 1 (data): ");
        child(file1, "type 8 (GAM): ");
        assertTrue(Arrays.stream(file1.getItems()).noneMatch(i -> i.getText().startsWith("damaged")), "a clean backup has no damaged group");

        TreeItem mdfItem = Arrays.stream(tree.getItems()).filter(i -> i.getText().equals("tree.mdf")).findFirst().orElseThrow();
        TreeItem damaged = child(mdfItem, "damaged: 1 pages");
        ImageData px = Screens.snapshot(tree);
        Screens.save(Screens.snapshot(window.getShell()), "explorer-tree.png");
        assertTrue(Screens.colours(px).size() > 3, "the tree paints its rows");
        // double-click on the damaged group opens its first page
        tree.setSelection(damaged);
        view.viewer().setSelection(view.viewer().getSelection());
        org.eclipse.swt.widgets.Event ev = new org.eclipse.swt.widgets.Event();
        ev.item = damaged;
        tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, ev);
        Screens.spin(300);
        assertTrue(page.getActiveEditor() instanceof PageEditor, String.valueOf(page.getActiveEditor()));
        assertEquals(new PageId(1, 30), ((PageEditor) page.getActiveEditor()).currentPage());
        assertTrue(verified.getText().matches("verified: [0-9,]+ pages"), verified.getText());
    }

    /** The database's own catalog in the explorer: database, schema, table, index with pages and damage; a table opens its damage. */
    @Test
    void databaseSchemasTablesAndIndexesFromTheCatalog() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path mdf = tmp.resolve("catalog.mdf");
        DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(400).withName("CatalogDB"), ProgressMonitor.NULL);
        Corruptor.flipBit(mdf, 60, 3000, 1);
        EvidenceOpener.open(window, List.of(mdf));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        view = (EvidenceExplorerView) page.findView(EvidenceExplorerView.ID);
        view.refresh();
        Screens.spin(200);
        org.eclipse.swt.widgets.Tree tree = view.viewer().getTree();
        TreeItem mdfItem = Arrays.stream(tree.getItems()).filter(i -> i.getText().equals("catalog.mdf")).findFirst().orElseThrow();
        TreeItem db = child(mdfItem, "database: 2 user table(s)");
        TreeItem schema = child(db, "schema dbo: 2 table(s)");
        TreeItem table = child(schema, DataFileSpecimen.TABLE_NAME + ": ");
        assertTrue(table.getText().matches(DataFileSpecimen.TABLE_NAME + ": \\d{1,3}(,\\d{3})* rows, .*"), table.getText());
        TreeItem typed = child(schema, "TypeSamples: 7 rows");
        assertTrue(!typed.getText().contains("DAMAGED"), typed.getText());
        assertTrue(table.getText().contains("1 DAMAGED (first 1:60)"), table.getText());
        TreeItem index = child(table, "index 1 " + DataFileSpecimen.INDEX_NAME + " clustered, partition 1: ");
        assertTrue(index.getText().contains(" rows; in-row data "), index.getText());
        assertTrue(index.getText().contains("1 DAMAGED (first 1:60)"), index.getText());
        Screens.save(Screens.snapshot(window.getShell()), "explorer-catalog.png");
        ImageData px = Screens.snapshot(tree);
        assertTrue(Screens.colours(px).size() > 3, "the tree paints its rows");
        // a table opens its rows; an index partition its first damaged page
        tree.setSelection(table);
        org.eclipse.swt.widgets.Event ev = new org.eclipse.swt.widgets.Event();
        ev.item = table;
        tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, ev);
        Screens.spin(300);
        assertTrue(page.getActiveEditor() instanceof pagelens.ui.editors.TableRowsEditor, String.valueOf(page.getActiveEditor()));
        tree.setSelection(index);
        ev = new org.eclipse.swt.widgets.Event();
        ev.item = index;
        tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, ev);
        Screens.spin(300);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        assertEquals(new PageId(1, 60), ed.currentPage());
        assertTrue(ed.statusText().startsWith("1:60: dbo." + DataFileSpecimen.TABLE_NAME + " (1 " + DataFileSpecimen.INDEX_NAME + ") | "), ed.statusText());
    }
}

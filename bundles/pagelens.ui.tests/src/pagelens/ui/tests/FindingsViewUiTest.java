package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.views.FindingsView;

/** Opening a damaged file fills the Findings view; a finding opens its page with the bytes selected. */
class FindingsViewUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void damagedPageFromTheFindingsView() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path spec = tmp.resolve("damaged.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(200), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 45, 2000, 3); // Customers pages (32..39 hold the table of every type)
        Corruptor.zeroSector(spec, 46, 1);
        EvidenceOpener.open(window, List.of(spec));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(500);
        FindingsView view = (FindingsView) page.showView(FindingsView.ID);
        Screens.spin(300);
        int rows = view.viewer().getTable().getItemCount();
        assertTrue(rows >= 3, "findings listed: " + rows + ", " + view.summaryText());
        assertTrue(view.summaryText().startsWith("0 critical, 3 error"), view.summaryText());

        // the perspective's findings folder has room for several rows at the window's initial size (with two, GTK also
        // reported at every start that the table's scroll bars did not fit)
        page.resetPerspective();
        Screens.spin(300);
        view = (FindingsView) page.showView(FindingsView.ID);
        Screens.spin(300);
        org.eclipse.swt.widgets.Table table = view.viewer().getTable();
        String geometry = "window " + window.getShell().getSize() + ", table " + table.getSize() + ", client area " + table.getClientArea()
                + ", header " + table.getHeaderHeight()
                + ", row " + table.getItemHeight() + ", rows " + table.getItemCount();
        assertTrue(table.getItemCount() >= 4, geometry);
        assertTrue(table.getSize().y >= table.getHeaderHeight() + 4 * table.getItemHeight(), "room for four findings rows: " + geometry);
        org.eclipse.swt.graphics.Rectangle fourth = table.getItem(3).getBounds();
        ImageData shown = Screens.snapshot(table);
        Screens.save(shown, "findings-view-rows.png");
        int top = Math.max(0, fourth.y);
        // the table's GC (so the snapshot and the rows' bounds) begins below the header, where its client area's y is negative
        // (GTK): what lies below the client area's end is not on screen
        org.eclipse.swt.graphics.Rectangle client = table.getClientArea();
        int bottom = Math.min(Math.min(shown.height, client.y + client.height), fourth.y + fourth.height);
        int ink = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < shown.width; x++) {
                org.eclipse.swt.graphics.RGB c = shown.palette.getRGB(shown.getPixel(x, y));
                if (c.red + c.green + c.blue < 300) {
                    ink++;
                }
            }
        }
        assertTrue(bottom - top == fourth.height && ink > 30, "the fourth row is painted whole (" + fourth + ", " + ink + " dark pixels): " + geometry);
        view.filter(1);
        Screens.spin(100);
        assertEquals(3, view.viewer().getTable().getItemCount(), "critical and error only");
        ImageData px = Screens.snapshot(view.viewer().getTable());
        Screens.save(px, "findings-view.png");
        assertTrue(Screens.colours(px).size() > 8, "rows with icons are painted");

        Finding zeroSector = (Finding) view.viewer().getElementAt(2);
        for (int i = 0; i < view.viewer().getTable().getItemCount(); i++) {
            Finding f = (Finding) view.viewer().getElementAt(i);
            if (f.ruleId().equals("page.zero-sector")) {
                zeroSector = f;
            }
        }
        view.open(zeroSector);
        Screens.spin(300);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        assertEquals(new PageId(1, 46), ed.currentPage());
        assertEquals(512, ed.focus()[0]);
        assertEquals(1024, ed.focus()[1]);
        assertTrue(ed.statusText().contains("CHECKSUM MISMATCH"), ed.statusText());
        Screens.save(Screens.snapshot(window.getShell()), "workbench-finding-opened.png");
    }
}

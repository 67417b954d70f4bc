package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

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

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.views.PageMapView;

/** The page map paints the file's pages by health; a click opens the page. */
class PageMapUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void mapShowsDamageAndOpensPages() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path spec = tmp.resolve("map.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(2000), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 100, 3000, 1);
        EvidenceOpener.open(window, List.of(spec));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        PageMapView map = (PageMapView) page.showView(PageMapView.ID);
        page.activate(ed);
        map.reload();
        Screens.spin(300);
        assertNotNull(map.shown(), "the scan's page status is shown");
        assertEquals(2000, map.shown().pages());
        ImageData px = Screens.snapshot(map.canvas());
        Screens.save(px, "page-map.png");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0x66, 0xBB, 0x6A))) > 2000, "healthy pages are green");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0xE5, 0x39, 0x35))) > 4, "the damaged page is red");
        // click the cell of page 100
        int cols = Math.max(1, (map.canvas().getClientArea().width - 4) / 6);
        Event e = new Event();
        e.x = 2 + (100 % cols) * 6 + 2;
        e.y = (100 / cols) * 6 + 2;
        e.button = 1;
        map.canvas().notifyListeners(SWT.MouseDown, e);
        Screens.spin(200);
        assertEquals(new PageId(1, 100), ed.currentPage());
        assertTrue(ed.statusText().contains("CHECKSUM MISMATCH"), ed.statusText());

        // colour by owner: the specimen's table is the largest owner, painted in the first owner colour, with a legend
        map.colourByOwner(true);
        Screens.spin(300);
        assertTrue(map.byOwner());
        assertEquals("dbo." + DataFileSpecimen.TABLE_NAME + " (1 " + DataFileSpecimen.INDEX_NAME + ")", map.ownerLegend().get(0));
        ImageData owners = Screens.snapshot(map.canvas());
        Screens.save(owners, "page-map-owners.png");
        Screens.save(Screens.snapshot(window.getShell()), "page-map-owners-window.png");
        assertTrue(Screens.count(owners, c -> c.equals(new RGB(0x1F, 0x77, 0xB4))) > 2000, "the table's pages in the first owner colour");
        assertEquals(0, Screens.count(owners, c -> c.equals(new RGB(0x66, 0xBB, 0x6A))), "no health colours in owner mode");
        map.colourByOwner(false);
        Screens.spin(200);
        assertTrue(Screens.count(Screens.snapshot(map.canvas()), c -> c.equals(new RGB(0x66, 0xBB, 0x6A))) > 2000, "back to health");
    }
}

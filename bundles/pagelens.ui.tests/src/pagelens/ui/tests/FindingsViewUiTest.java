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

package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.exam.Examination;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.handlers.NamedPagesDialog;
import pagelens.ui.handlers.OpenNamedPagesHandler;
import pagelens.ui.model.EvidenceRegistry;

/** File > Open Pages Named by the Server...: an error log's pages beside PageLens's verdict, the difference tinted. */
class NamedPagesUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
        Screens.spin(100);
    }

    @Test
    void errorLogPagesBesideTheVerdict() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Path mdf = tmp.resolve("named.mdf");
        DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(400), ProgressMonitor.NULL);
        Corruptor.flipBit(mdf, 50, 3000, 2);
        Path log = tmp.resolve("ERRORLOG");
        Files.writeString(log, """
                2026-11-20 10:00:00.12 spid51      Error: 824, Severity: 24, State: 2.
                2026-11-20 10:00:00.12 spid51      SQL Server detected a logical consistency-based I/O error: incorrect checksum. It occurred during a read of page (1:50) in database ID 5.
                2026-11-20 10:01:00.12 spid51      Error: 824, Severity: 24, State: 2.
                2026-11-20 10:01:00.12 spid51      SQL Server detected a logical consistency-based I/O error: incorrect checksum. It occurred during a read of page (1:70) in database ID 5.
                """);
        EvidenceOpener.open(window, List.of(mdf));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        Examination e = EvidenceRegistry.get().find(mdf.toAbsolutePath().normalize()).examination();
        assertNotNull(e);
        NamedPagesDialog dlg = OpenNamedPagesHandler.show(window, e, log);
        assertNotNull(dlg);
        Screens.spin(300);
        org.eclipse.swt.widgets.Table t = dlg.viewer().getTable();
        assertEquals(2, t.getItemCount());
        assertEquals("1:50", t.getItem(0).getText(0));
        assertTrue(t.getItem(0).getText(2).startsWith("DAMAGED (page.checksum-mismatch)"), t.getItem(0).getText(2));
        assertEquals("verifies - DIFFERS from the server", t.getItem(1).getText(2));
        assertEquals("dbo." + DataFileSpecimen.TABLE_NAME + " (1 " + DataFileSpecimen.INDEX_NAME + ")", t.getItem(1).getText(3));
        ImageData px = Screens.snapshot(t);
        Screens.save(Screens.snapshot(dlg.getShell()), "named-pages.png");
        assertTrue(Screens.count(px, c -> c.equals(new RGB(0xFF, 0xA7, 0x26))) > 100, "the row that differs is tinted");
        dlg.open((Examination.NamedPage) t.getItem(1).getData());
        Screens.spin(300);
        dlg.close();
        PageEditor ed = (PageEditor) window.getActivePage().getActiveEditor();
        assertEquals(new PageId(1, 70), ed.currentPage());
    }
}

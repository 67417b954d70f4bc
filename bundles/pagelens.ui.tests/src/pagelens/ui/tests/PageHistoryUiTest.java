package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import pagelens.core.log.Lsn;
import pagelens.core.page.PageId;
import pagelens.ui.editors.EvidenceEditorInput;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.model.EvidenceRegistry;

/** The page editor's page history: a data file and its log open together; the page's records, its m_lsn among them. */
class PageHistoryUiTest {
    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void aPageOfThe2012PairHasItsHistory() throws Exception {
        String samples = System.getProperty("pagelens.samples");
        Path dir = samples == null ? null : Paths.get(samples, "goldhunter2012-ngrj93-mit");
        if (Boolean.getBoolean("pagelens.requireSamples")) {
            assertTrue(dir != null && Files.isDirectory(dir), "real samples required but not found");
        }
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "real samples not found (../shared/samples absent): skipping");
        Path mdf = dir.resolve("Database1.mdf");
        Path ldf = dir.resolve("Database1_log.ldf");
        // a page whose m_lsn lies in the log (VLFs 46..48)
        byte[] all = Files.readAllBytes(mdf);
        long page = -1;
        Lsn lsn = null;
        for (int p = 16; p < all.length / 8192; p++) {
            Lsn l = Lsn.read(all, p * 8192 + 0x28);
            if (all[p * 8192] == 1 && l.vlf() >= 46 && l.vlf() <= 48) {
                page = p;
                lsn = l;
                break;
            }
        }
        assertTrue(page > 0, "a page changed within the log");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage wp = window.getActivePage();
        EvidenceOpener.open(window, List.of(mdf, ldf));
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        PageEditor ed = (PageEditor) wp.openEditor(new EvidenceEditorInput(mdf), PageEditor.ID, true,
                IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        ed.showPage(new PageId(1, page));
        List<String> history = ed.pageHistory();
        assertTrue(!history.isEmpty(), "records of page 1:" + page);
        String want = lsn.toString();
        assertTrue(history.stream().anyMatch(l -> l.startsWith(want + " ") && l.endsWith("<- the page's m_lsn")), history.toString());
        assertTrue(history.stream().allMatch(l -> l.contains("(Database1_log.ldf)")), history.toString());
        assertEquals(1, history.stream().filter(l -> l.endsWith("<- the page's m_lsn")).count());
    }
}

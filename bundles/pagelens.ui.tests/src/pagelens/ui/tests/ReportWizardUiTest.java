package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.wizards.ReportExportWizard;

/** The export wizard writes the report of the open evidence in a job and refuses evidence as output. */
class ReportWizardUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void exportsThePdfOfTheOpenEvidence() throws Exception {
        System.setProperty("pagelens.tests", "true");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Path spec = tmp.resolve("moved.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64).withStaleHekaton(true).withName("Moved"), ProgressMonitor.NULL);
        EvidenceOpener.open(window, List.of(spec));
        Screens.spin(300);
        EvidenceOpener.joinJobs();

        ReportExportWizard w = new ReportExportWizard();
        w.init(PlatformUI.getWorkbench(), null);
        WizardDialog d = new WizardDialog(window.getShell(), w);
        d.setBlockOnOpen(false);
        d.open();
        Screens.spin(300);
        ImageData px = Screens.snapshot(d.getShell());
        Screens.save(px, "report-wizard.png");
        assertTrue(Screens.colours(px).size() > 5, "the wizard is painted");

        w.page().set("Wizard test", "W-42", spec.toString(), "");
        assertFalse(w.performFinish(), "evidence is refused as output");
        assertTrue(w.page().getErrorMessage().contains("never overwrites evidence"), w.page().getErrorMessage());

        Path pdf = tmp.resolve("wizard.pdf");
        w.page().set("Wizard test", "W-42", pdf.toString(), tmp.resolve("wizard.json").toString());
        assertTrue(w.performFinish());
        d.close();
        w.job().join();
        Screens.spin(200);
        assertEquals(org.eclipse.core.runtime.IStatus.OK, w.job().getResult().getSeverity(), String.valueOf(w.job().getResult()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Wizard test") && text.contains("W-42"), "title and ticket");
            assertTrue(text.contains("Stale In-Memory OLTP"), "the verdict");
        }
        assertTrue(Files.size(tmp.resolve("wizard.json")) > 1000);
    }
}

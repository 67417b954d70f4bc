package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.PageChecksum;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.views.FindingsView;

/**
 * The workbench's evidence job reports what the core examination (the one {@code pagelens scan|backup|report} run)
 * reports: the same findings (rule, page, severity) and the same boot verdict, on a real backup with two damaged pages.
 */
class EvidenceJobAgreesUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    private static TreeSet<String> keys(List<Finding> fs) {
        TreeSet<String> k = new TreeSet<>();
        for (Finding f : fs) {
            k.add(f.ruleId() + "|" + f.location().fileId() + ":" + f.location().pageId() + "|" + f.severity().id());
        }
        return k;
    }

    @Test
    void damagedBackupInTheWorkbenchAsInTheCommandLine() throws Exception {
        String samples = System.getProperty("pagelens.samples");
        Path src = samples == null ? null : Paths.get(samples, "pubs2012-dwipnandi/pubs.bak");
        if (Boolean.getBoolean("pagelens.requireSamples")) {
            assertTrue(src != null && Files.exists(src), "real samples required but not found");
        }
        Assumptions.assumeTrue(src != null && Files.exists(src), "real samples not found (../shared/samples absent): skipping");
        byte[] b = Files.readAllBytes(src);
        List<Long> damaged = new ArrayList<>();
        for (int at = 0; at + 8192 <= b.length && damaged.size() < 2; at += 512) {
            if (b[at] == 1 && b[at + 1] == 1 && (Bytes.u16(b, at + 4) & 0x200) != 0 && PageChecksum.verifies(b, at)) {
                damaged.add(Bytes.u32(b, at + 0x20));
                b[at + 4000] ^= 0x5A;
                at += 8192 - 512;
            }
        }
        Path bad = tmp.resolve("pubs-damaged.bak");
        Files.write(bad, b);

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        EvidenceOpener.open(window, List.of(bad));
        Screens.waitUntil(() -> !EvidenceRegistry.get().items().isEmpty() && EvidenceRegistry.get().items().get(0).examination() != null,
                60_000, "the evidence job's examination");
        EvidenceItem item = EvidenceRegistry.get().items().get(0);

        Examination core;
        try (OpenedEvidence ev = OpenedEvidence.open(bad)) {
            core = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertEquals(keys(core.findingList()), keys(item.findings()), "the workbench and the core examination disagree");
            assertEquals(core.boot().hekaton().verdict(), item.examination().boot().hekaton().verdict());
        }
        for (long p : damaged) {
            assertTrue(keys(item.findings()).contains("page.checksum-mismatch|1:" + p + "|error"), "page 1:" + p + ": " + keys(item.findings()));
        }

        FindingsView view = (FindingsView) page.showView(FindingsView.ID);
        view.filter(0); // all severities (an earlier test may have left a filter)
        view.refresh();
        Screens.waitUntil(() -> view.viewer().getTable().getItemCount() >= 3, 10_000, "the Findings view to list the findings");
        // the two damaged pages are errors; a damaged page of the system catalog is also its own critical finding
        long critical = core.findingList().stream().filter(f -> f.ruleId().equals("catalog.page-damaged")).count();
        assertTrue(view.summaryText().startsWith(critical + " critical, 2 error"), view.summaryText());
        // the Owner column names the owner of each finding's page as the core examination does
        int ownerColumn = java.util.Arrays.asList(view.viewer().getTable().getColumns()).stream().map(c -> c.getText()).toList().indexOf("Owner");
        assertTrue(ownerColumn >= 0, "the Findings view has an Owner column");
        java.util.Set<String> shownOwners = new java.util.TreeSet<>();
        for (org.eclipse.swt.widgets.TableItem ti : view.viewer().getTable().getItems()) {
            if (!ti.getText(ownerColumn).isEmpty()) {
                shownOwners.add(ti.getText(ownerColumn));
            }
        }
        java.util.Set<String> coreOwners = new java.util.TreeSet<>();
        for (pagelens.core.findings.Finding f : core.findingList()) {
            if (core.ownerOf(f) != null) {
                coreOwners.add(pagelens.report.OwnerText.brief(core.ownerOf(f)));
            }
        }
        assertEquals(coreOwners, shownOwners);
        assertTrue(!shownOwners.isEmpty(), "the damaged pages have owners");
        ImageData px = Screens.snapshot(view.viewer().getTable());
        Screens.save(Screens.snapshot(window.getShell()), "evidence-job-damaged-backup.png");
        // the error icons are painted (red pixels), not only listed in the model
        assertTrue(Screens.count(px, c -> c.red > 180 && c.green < 90 && c.blue < 90) > 10, "red error icons painted in the Findings view");
    }
}

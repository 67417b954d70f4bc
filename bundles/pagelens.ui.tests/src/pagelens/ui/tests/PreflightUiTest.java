package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.preflight.Preflight;
import pagelens.core.preflight.Target;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.base.Palette;
import pagelens.ui.editors.BackupEditor;
import pagelens.ui.editors.PreflightEditor;
import pagelens.ui.editors.PreflightInput;
import pagelens.ui.model.EvidenceRegistry;

/** The workbench's migration preflight: the command line's verdicts, coloured, sorted, filtered, exported, opened. */
class PreflightUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void aFolderAgainstManagedInstance() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        BackupSpecimen.write(fleet.resolve("moved.bak"), DataFileSpecimen.Spec.defaults(256).withName("Moved").withStaleHekaton(true), ProgressMonitor.NULL);
        BackupSpecimen.write(fleet.resolve("clean.bak"), DataFileSpecimen.Spec.defaults(256).withName("Clean").withVersion(904, 904), ProgressMonitor.NULL);
        DataFileSpecimen.write(fleet.resolve("new.mdf"), DataFileSpecimen.Spec.defaults(256).withName("Newer").withVersion(998, 998), ProgressMonitor.NULL);
        Files.writeString(fleet.resolve("notes.txt"), "not a database");
        PreflightEditor ed = (PreflightEditor) page.openEditor(new PreflightInput(List.of(fleet), Target.parse("mi-gp"), false), PreflightEditor.ID, true);
        Screens.waitUntil(ed::done, 30_000, "the preflight");
        Screens.spin(300);
        List<Preflight.Row> rows = ed.shownRows();
        assertEquals(3, rows.size(), ed.headline());
        // failing ones first (sorted by verdict), as the PDF orders them
        assertEquals(Preflight.Outcome.FAIL, rows.get(0).verdict());
        assertEquals(Preflight.Outcome.FAIL, rows.get(1).verdict());
        assertEquals("Clean", rows.get(2).database());
        assertTrue(ed.headline().contains("2 fail, 0 pass with warnings, 1 pass"), ed.headline());
        assertTrue(ed.headline().contains("1 file(s) in the folders are not backups or data files"), ed.headline());
        // each row with the verdicts the command line gives for the same file
        for (Preflight.Row r : rows) {
            assertEquals(Preflight.check(r.path(), Target.parse("mi-gp"), false, pagelens.core.boot.BootLayouts.builtIn(), false).verdict(), r.verdict());
        }
        // pixels: failing rows in the FAIL colour
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(Screens.snapshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()), "preflight.png");
        assertTrue(Screens.count(px, c -> c.equals(Palette.verdict(Preflight.Outcome.FAIL))) > 2_000, "failing rows coloured");
        assertTrue(Screens.count(px, c -> c.equals(Palette.verdict(Preflight.Outcome.PASS))) > 1_000, "the passing row coloured");
        // sort by database name, then filter
        ed.sortBy(1);
        Screens.spin(100);
        assertEquals(List.of("Clean", "Moved", "Newer"), ed.shownRows().stream().map(Preflight.Row::database).toList());
        ed.setFilter("hekaton-stale");
        Screens.spin(100);
        assertEquals(List.of("Moved"), ed.shownRows().stream().map(Preflight.Row::database).toList());
        // export: the same CSV as the command line's writer
        Path csv = tmp.resolve("out.csv");
        ed.export(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("path,verdict,database"), lines.get(0));
        ed.export(tmp.resolve("out.pdf"));
        assertTrue(Files.size(tmp.resolve("out.pdf")) > 1000);
        // a double-click opens the backup
        java.lang.reflect.Method open = PreflightEditor.class.getDeclaredMethod("open", int.class);
        open.setAccessible(true);
        open.invoke(ed, 0);
        Screens.spin(500);
        assertTrue(page.getActiveEditor() instanceof BackupEditor, String.valueOf(page.getActiveEditor()));
    }
}

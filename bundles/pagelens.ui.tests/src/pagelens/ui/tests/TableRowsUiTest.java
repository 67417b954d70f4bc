package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableReader;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.report.ValueText;
import pagelens.ui.base.Palette;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.TableRowsEditor;
import pagelens.ui.editors.TableRowsInput;
import pagelens.ui.model.EvidenceRegistry;

/** The table rows editor: the rows the core reads, damaged ones tinted on screen, a filter, a row opening its record. */
class TableRowsUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void rowsOfTheSpecimenTableWithDamageTinted() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Path mdf = tmp.resolve("rows.mdf");
        DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(400).withName("RowsDB"), ProgressMonitor.NULL);
        Corruptor.flipBit(mdf, 10, 3000, 1); // the first page of the table's leaf chain: its rows come first, tinted
        // what the core reads, for comparison
        List<Row> expected = new ArrayList<>();
        int objectId;
        try (OpenedEvidence ev = OpenedEvidence.open(mdf)) {
            Catalog c = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL).catalog();
            Catalog.DbObject t = c.userTables().get(0);
            objectId = t.id();
            new TableReader(ev.pages(ProgressMonitor.NULL), c).read(t, TableReader.Options.all(), (s, r) -> expected.add(r), ProgressMonitor.NULL);
        }
        EvidenceOpener.open(window, List.of(mdf));
        EvidenceOpener.joinJobs();
        Screens.spin(200);
        long t0 = System.nanoTime();
        TableRowsEditor ed = (TableRowsEditor) page.openEditor(new TableRowsInput(mdf, objectId, "dbo.Customers"), TableRowsEditor.ID, true);
        Screens.waitUntil(() -> ed.rowCount() > 0, 10_000, "the first rows");
        long firstRowsMillis = (System.nanoTime() - t0) / 1_000_000;
        Screens.waitUntil(ed::done, 30_000, "all rows");
        Screens.spin(200);
        assertEquals(expected.size(), ed.rowCount(), ed.headline());
        for (int k : new int[] { 0, 1, expected.size() / 2, expected.size() - 1 }) {
            List<String> want = new ArrayList<>();
            for (Object v : expected.get(k).values()) {
                want.add(ValueText.text(v));
            }
            assertEquals(want, ed.cells(k), "row " + k);
        }
        assertEquals(new PageId(1, 10), expected.get(0).page());
        assertTrue(ed.headline().startsWith("dbo.Customers: " + String.format("%,d", expected.size()) + " rows; "), ed.headline());
        assertTrue(ed.headline().contains("from damaged pages (tinted)"), ed.headline());
        // pixels: the damaged rows on the first screen are painted in the damaged-row colour
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(Screens.snapshot(window.getShell()), "table-rows.png");
        RGB tint = Palette.damagedRow();
        int tinted = Screens.count(px, c -> c.equals(tint));
        assertTrue(tinted > 5_000, tinted + " pixels in the damaged-row colour");
        // a filter
        ed.filter("Name", "Customer 2001");
        Screens.waitUntil(() -> ed.headline().contains("filter:"), 10_000, "the filter");
        assertTrue(ed.rowCount() >= 1);
        for (int k = 0; k < ed.rowCount(); k++) {
            assertTrue(ed.cells(k).get(4).contains("Customer 2001"), ed.cells(k).toString());
        }
        // a row opens its record in the page editor, its bytes selected
        ed.filter("Name", "");
        Screens.spin(100);
        java.lang.reflect.Method open = TableRowsEditor.class.getDeclaredMethod("openRecord", int.class);
        open.setAccessible(true);
        open.invoke(ed, 1);
        Screens.spin(300);
        PageEditor pe = (PageEditor) page.getActiveEditor();
        assertEquals(expected.get(1).page(), pe.currentPage());
        assertEquals(expected.get(1).offset(), pe.focus()[0]);
        assertEquals(expected.get(1).offset() + expected.get(1).length(), pe.focus()[1]);
        // the page editor's structure tree names each record's columns, each value linked to its bytes
        pagelens.core.page.Node columns = find(pe.structureTree(), n -> n.name().equals("columns") && n.offset() == expected.get(1).offset());
        assertEquals("dbo.Customers", columns.value());
        pagelens.core.page.Node name = columns.children().get(4);
        assertEquals("Name varchar(100)", name.name());
        assertEquals(ValueText.text(expected.get(1).values()[4]), name.value());
        assertEquals(expected.get(1).starts()[4], name.offset());
        // File > Export Table Rows: the same export as 'pagelens rows --csv', in a job
        Path csv = tmp.resolve("customers.csv");
        org.eclipse.core.runtime.jobs.Job job = pagelens.ui.handlers.ExportRowsHandler.export(ed, csv, true, null);
        Screens.waitUntil(() -> job.getResult() != null, 30_000, "the export");
        assertTrue(pagelens.ui.handlers.ExportRowsHandler.lastResult.startsWith(String.format("%,d rows written to ", expected.size())),
                pagelens.ui.handlers.ExportRowsHandler.lastResult);
        com.fasterxml.jackson.databind.JsonNode sum = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("customers.csv.summary.json").toFile());
        assertEquals(expected.size(), sum.get("rows").asInt());
        assertTrue(sum.get("rowsFromDamagedPages").asInt() > 0);
        System.out.println("table rows editor: first rows after " + firstRowsMillis + " ms");
    }

    private static pagelens.core.page.Node find(pagelens.core.page.Node n, java.util.function.Predicate<pagelens.core.page.Node> p) {
        if (p.test(n)) {
            return n;
        }
        for (pagelens.core.page.Node k : n.children()) {
            pagelens.core.page.Node f = find(k, p);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}

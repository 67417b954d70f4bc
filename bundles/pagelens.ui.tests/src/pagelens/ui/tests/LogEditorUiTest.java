package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.editors.LogEditor;
import pagelens.ui.model.EvidenceRegistry;

/**
 * The log editor on the real 2005 log (aspnetdb): the same facts as {@code pagelens log} (LogCommandTest), the records in the
 * table, the filters, and in pixels the VLF map and a damaged VLF's tint after a flipped byte.
 */
class LogEditorUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    private static Path sample() {
        String samples = System.getProperty("pagelens.samples");
        Path ldf = samples == null ? null : Paths.get(samples, "aspnetdb-tractis", "aspnetdb_log.ldf");
        if (Boolean.getBoolean("pagelens.requireSamples")) {
            assertTrue(ldf != null && Files.isRegularFile(ldf), "real samples required but not found");
        }
        Assumptions.assumeTrue(ldf != null && Files.isRegularFile(ldf), "real samples not found (../shared/samples absent): skipping");
        return ldf;
    }

    private static LogEditor open(Path ldf) throws InterruptedException {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        EvidenceOpener.open(window, List.of(ldf));
        EvidenceOpener.joinJobs();
        Screens.waitUntil(() -> page.getActiveEditor() instanceof LogEditor, 10_000, "the log editor");
        LogEditor ed = (LogEditor) page.getActiveEditor();
        Screens.waitUntil(ed::done, 30_000, "the log read");
        Screens.spin(300);
        return ed;
    }

    @Test
    void theLogAsPagelensLogReadsIt() throws Exception {
        LogEditor ed = open(sample());
        String h = ed.headline();
        assertTrue(h.contains("log of a database of version 611; 2 VLFs, 2 used; 122 blocks (0 empty), 2,133 records; LSN range 18:16:1 - 19:187:1; "
                + "checkpoint (page 0) 19:186:2 (a LOP_BEGIN_CKPT record); log block checksums: 122 of 122 blocks carry one, every one holds; 0 problem(s)"), h);
        assertEquals(2133, ed.rowCount());
        assertEquals("18:16:1", ed.cells(0).get(0));
        assertEquals("LOP_INSERT_ROWS", ed.cells(0).get(1));
        ed.filter("1:90");
        assertEquals(160, ed.rowCount(), "the records of page 1:90, as pagelens log --page 1:90 lists them");
        for (int i = 0; i < ed.rowCount(); i++) {
            assertEquals("1:90", ed.cells(i).get(5));
        }
        ed.filter("19:186:2");
        assertEquals(1, ed.rowCount());
        assertEquals("LOP_BEGIN_CKPT", ed.cells(0).get(1), "the checkpoint page 0 names");
        ed.filter("begin_xact");
        assertTrue(ed.rowCount() > 0);
        String xact = ed.cells(0).get(3);
        ed.filter(xact);
        assertTrue(ed.rowCount() >= 2, "a transaction's records: begin and more");
        assertTrue(java.util.stream.IntStream.range(0, ed.rowCount()).mapToObj(ed::cells).anyMatch(c -> c.get(1).equals("LOP_COMMIT_XACT")));
        // a record opens the page it names once the data file is open too
        ed.filter("1:90");
        // its bytes and header fields below the table, read again from the file (log-record.tsv)
        ed.showRecord(ed.record(0));
        java.util.Map<String, String> f = new java.util.HashMap<>();
        ed.recordFields().forEach(x -> f.put(x.name(), x.value()));
        assertEquals("90", f.get("pageId"), f.toString());
        assertEquals("1", f.get("fileId"));
        assertEquals(ed.record(0).previous().toString(), f.get("previousLsn"));
        assertEquals(ed.record(0).length(), ed.recordBytes().length);
        IWorkbenchPage wp = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertTrue(!ed.openPageOf(ed.record(0)) && ed.headline().contains("open its data file (file id 1)"), ed.headline());
        EvidenceOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow(), List.of(sample().resolveSibling("aspnetdb.mdf")));
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        wp.activate(ed);
        assertTrue(ed.openPageOf(ed.record(0)));
        Screens.spin(300);
        assertEquals(new pagelens.core.page.PageId(1, 90), ((pagelens.ui.editors.PageEditor) wp.getActiveEditor()).currentPage());
        wp.activate(ed);
        ed.filter("");
        Screens.spin(300); // shown again: let it paint
        assertEquals(2133, ed.rowCount());
        // pixels: the map paints both VLFs (the newest, 19, dark blue), no damage red
        ImageData map = Screens.snapshot(ed.vlfMap());
        Screens.save(Screens.snapshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()), "log-editor.png");
        int dark = Screens.count(map, c -> c.equals(new RGB(0x15, 0x65, 0xC0)));
        int light = Screens.count(map, c -> c.equals(new RGB(0x90, 0xB8, 0xE8)));
        assertTrue(dark > 200 && light > 200, dark + " dark, " + light + " light VLF pixels");
        assertEquals(0, Screens.count(map, c -> c.equals(new RGB(0xE5, 0x39, 0x35))), "no damaged VLF");
        assertTrue(Screens.count(Screens.snapshot(ed.natTable()), c -> !c.equals(new RGB(255, 255, 255))) > 5_000, "the records are painted");
    }

    @Test
    void aBackupsLogPartWithARecordsFieldsInPixels() throws Exception {
        Path bak = sample().getParent().resolveSibling("pubs2012-dwipnandi").resolve("pubs.bak");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        EvidenceOpener.open(window, List.of(bak));
        EvidenceOpener.joinJobs();
        Screens.waitUntil(() -> page.getActiveEditor() instanceof pagelens.ui.editors.BackupEditor, 10_000, "the backup editor");
        pagelens.ui.editors.BackupEditor be = (pagelens.ui.editors.BackupEditor) page.getActiveEditor();
        Screens.waitUntil(() -> be.backup() != null && !be.headlineText().startsWith("Reading"), 30_000, "the backup read");
        Screens.spin(200);
        String logRow = null;
        for (org.eclipse.swt.widgets.TableItem it : be.setTable().getItems()) {
            if (it.getText(0).equals("Log part")) {
                logRow = it.getText(1);
            }
        }
        assertTrue(logRow != null && logRow.startsWith("3 block(s), 39 record(s) carried (191:464:1 - 191:488:1); the source log's 3 VLF(s); SCIN: "
                + "first 191:464:37, last 192:16:1, checkpoint 191:464:37, a LOP_BEGIN_CKPT record"), logRow);
        LogEditor ed = be.openLog();
        Screens.waitUntil(ed::done, 30_000, "the backup's log part read");
        Screens.spin(300);
        // the same facts as pagelens log pubs.bak and BackupLogTest (docs/log.md 11)
        String h = ed.headline();
        assertTrue(h.contains("the log part of a full backup of a database of version 706; 3 VLFs, 2 used; 3 blocks (0 empty), 39 records; LSN range "
                + "191:464:1 - 191:488:1; checkpoint (SCIN) 191:464:37 (a LOP_BEGIN_CKPT record); log block checksums: 3 of 3 blocks carry one, every one "
                + "holds; 0 problem(s)"), h);
        assertEquals(39, ed.rowCount());
        // the source log's VLF map from the backup's descriptors: 191 (with content) light, 192 (the newest) dark, one never used
        ImageData map = Screens.snapshot(ed.vlfMap());
        assertTrue(Screens.count(map, c -> c.equals(new RGB(0x15, 0x65, 0xC0))) > 200 && Screens.count(map, c -> c.equals(new RGB(0x90, 0xB8, 0xE8))) > 200
                && Screens.count(map, c -> c.equals(new RGB(0xD0, 0xD0, 0xD0))) > 200, "three VLFs on the map");
        ed.filter("191:464:37");
        assertEquals(1, ed.rowCount());
        ed.showRecord(ed.record(0));
        assertEquals("LOP_BEGIN_CKPT", ed.recordFields().stream().filter(x -> x.name().equals("operation")).findFirst().orElseThrow().value());
        assertTrue(ed.focusField("operation"));
        Screens.spin(300);
        // pixels: the header fields tinted, the focused field (the operation byte at 0x16) in the focus blue
        ImageData grid = Screens.snapshot(ed.recordGrid());
        Screens.save(Screens.snapshot(window.getShell()), "log-editor-backup-record.png");
        RGB focus = new RGB(0x1F, 0x5F, 0xB0);
        RGB field = pagelens.ui.base.Palette.header(false);
        org.eclipse.swt.graphics.Rectangle op = ed.recordByteBounds(0x16);
        assertEquals(focus, grid.palette.getRGB(grid.getPixel(op.x + 2, op.y + 2)), "the operation byte is focused");
        org.eclipse.swt.graphics.Rectangle prev = ed.recordByteBounds(0x04);
        assertEquals(field, grid.palette.getRGB(grid.getPixel(prev.x + 2, prev.y + 2)), "the previous-LSN bytes are a field");
        assertTrue(Screens.count(grid, c -> c.equals(field)) > 1_000, "the header fields are tinted");
        // a record of a page opens that page of the same backup (no data file needed)
        ed.filter("1:65"); // LOP_COUNT_DELTA records of page 1:65 (pubs.bak's log part)
        pagelens.core.log.LogFile.Record paged = ed.record(0);
        assertTrue(paged != null && paged.page() != null, ed.headline());
        assertTrue(ed.openPageOf(paged), ed.headline());
        Screens.spin(300);
        pagelens.ui.editors.PageEditor pe = (pagelens.ui.editors.PageEditor) page.getActiveEditor();
        assertEquals(paged.page(), pe.currentPage());
        assertTrue(pe.getTitle().contains("pubs.bak"), pe.getTitle());
    }

    @Test
    void theBootPagesCheckpointOpensInTheLogWithItsTableNames() throws Exception {
        Path ldf = sample();
        Path mdf = ldf.resolveSibling("aspnetdb.mdf");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        EvidenceOpener.open(window, List.of(mdf));
        EvidenceOpener.joinJobs();
        pagelens.ui.editors.BootPageEditor boot = (pagelens.ui.editors.BootPageEditor) page.openEditor(new pagelens.ui.editors.EvidenceEditorInput(mdf),
                pagelens.ui.editors.BootPageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        Screens.spin(300);
        // no log open yet: the checkpoint is named and the user told what to open
        assertEquals(null, boot.openCheckpointRecord());
        assertTrue(boot.checkpointHint().contains("19:186:2") && boot.checkpointHint().contains("open the database's log file"), boot.checkpointHint());
        EvidenceOpener.open(window, List.of(ldf));
        EvidenceOpener.joinJobs();
        page.activate(boot);
        LogEditor ed = boot.openCheckpointRecord();
        Screens.waitUntil(ed::done, 30_000, "the log read");
        Screens.spin(500);
        assertEquals(1, ed.rowCount(), ed.headline());
        assertEquals("19:186:2", ed.cells(0).get(0), "the boot page's dbi_checkptLSN");
        assertEquals("LOP_BEGIN_CKPT", ed.cells(0).get(1));
        assertEquals("LOP_BEGIN_CKPT", ed.recordFields().stream().filter(x -> x.name().equals("operation")).findFirst().orElseThrow().value(),
                "its fields are shown below");
        // with the data file's catalog at hand, allocation units carry their table's name (the catalog issue's owner text)
        ed.filter("1:90");
        String unit = ed.cells(0).get(7);
        assertTrue(unit.matches(".*[A-Za-z_].* \\(\\d+\\)"), unit);
        Screens.save(Screens.snapshot(window.getShell()), "log-editor-checkpoint.png");
    }

    @Test
    void aFlippedByteTintsItsVlf() throws Exception {
        Path bad = tmp.resolve("bad_log.ldf");
        Files.copy(sample(), bad);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            f.seek(0x4000 + 0x100);
            int b = f.read();
            f.seek(0x4000 + 0x100);
            f.write(b ^ 1);
        }
        LogEditor ed = open(bad);
        assertTrue(ed.headline().contains("1 do not hold"), ed.headline());
        ImageData map = Screens.snapshot(ed.vlfMap());
        assertTrue(Screens.count(map, c -> c.equals(new RGB(0xE5, 0x39, 0x35))) > 200, "the damaged VLF is red on the map");
        RGB tint = pagelens.ui.base.Palette.damagedRow();
        assertTrue(Screens.count(Screens.snapshot(ed.natTable()), c -> c.equals(tint)) > 5_000, "records of the damaged VLF are tinted");
        Screens.save(Screens.snapshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()), "log-editor-damaged.png");
    }
}

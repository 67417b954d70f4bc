package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Node;
import pagelens.core.page.PageId;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/** The page-aware editor: one page at a time, coloured by region, structure linked to the bytes. */
class PageEditorUiTest {

    @TempDir
    Path tmp;

    IWorkbenchWindow window;
    IWorkbenchPage page;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        window.getShell().setSize(1270, 990);
        EvidenceRegistry.get().clear();
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    private PageEditor open(Path file) throws Exception {
        EvidenceOpener.open(window, List.of(file));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        IEditorPart ed = page.getActiveEditor();
        assertTrue(ed instanceof PageEditor, "a data file opens in the page editor: " + ed);
        return (PageEditor) ed;
    }

    @Test
    void findInPagesShowsThePageWithTheMatch() throws Exception {
        Path spec = tmp.resolve("find.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64).withName("FindMe_DB"), ProgressMonitor.NULL);
        PageEditor ed = open(spec);
        ed.findNext("FindMe_DB", pagelens.core.io.ByteSearch.Mode.UTF16);
        for (int i = 0; i < 50 && ed.findStatus().startsWith("searching"); i++) {
            Screens.spin(100);
        }
        assertTrue(ed.findStatus().startsWith("found in page 1:0"), ed.findStatus());
        ed.findNext("FindMe_DB", pagelens.core.io.ByteSearch.Mode.UTF16);
        for (int i = 0; i < 50 && ed.findStatus().startsWith("searching"); i++) {
            Screens.spin(100);
        }
        assertTrue(ed.findStatus().startsWith("found in page 1:9 at 0x0094"), ed.findStatus());
        assertEquals(new PageId(1, 9), ed.currentPage());
        assertEquals(0x94, ed.focus()[0]);
        assertEquals(0x94 + 18, ed.focus()[1]);
        org.eclipse.swt.graphics.ImageData px = Screens.snapshot(ed.natTable());
        assertTrue(Screens.count(px, c -> c.equals(new org.eclipse.swt.graphics.RGB(0x4A, 0x90, 0xE2))) > 300, "the match is highlighted");
        Screens.save(Screens.snapshot(window.getShell()), "page-editor-find.png");
        ed.findNext("4D 5", pagelens.core.io.ByteSearch.Mode.HEX);
        assertTrue(!ed.findStatus().startsWith("found") && !ed.findStatus().startsWith("searching"), ed.findStatus());
    }

    @Test
    void outlineShowsTheStructureLinkedBothWays() throws Exception {
        Path spec = tmp.resolve("outline.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
        PageEditor ed = open(spec);
        ed.showPage(new PageId(1, 20));
        org.eclipse.ui.views.contentoutline.ContentOutline view = (org.eclipse.ui.views.contentoutline.ContentOutline) page
                .showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
        page.activate(ed);
        Screens.spin(300);
        org.eclipse.swt.widgets.Tree tree = findTree(view);
        org.junit.jupiter.api.Assertions.assertNotNull(tree, "the Outline shows a tree");
        assertTrue(tree.getItemCount() >= 2, "header and more: " + tree.getItemCount());
        assertTrue(tree.getItem(0).getText().startsWith("header"), tree.getItem(0).getText());
        // outline -> editor: select m_slotCnt (0x16, 2 bytes) in the Outline
        org.eclipse.swt.widgets.TreeItem headerItem = tree.getItem(0);
        headerItem.setExpanded(true);
        Screens.spin(100);
        org.eclipse.swt.widgets.TreeItem slotItem = java.util.Arrays.stream(headerItem.getItems()).filter(i -> i.getText().startsWith("m_slotCnt"))
                .findFirst().orElseThrow();
        tree.setSelection(slotItem);
        org.eclipse.swt.widgets.Event ev = new org.eclipse.swt.widgets.Event();
        ev.item = slotItem;
        tree.notifyListeners(org.eclipse.swt.SWT.Selection, ev);
        Screens.spin(200);
        assertEquals(0x16, ed.focus()[0]);
        assertEquals(0x18, ed.focus()[1]);
        // editor -> outline: a byte of m_pageId selected in the editor selects that node in the Outline
        ed.selectNodeAt(0x21);
        Screens.spin(200);
        assertEquals(1, tree.getSelection().length);
        assertTrue(tree.getSelection()[0].getText().startsWith("m_pageId"), tree.getSelection()[0].getText());
        org.eclipse.swt.graphics.ImageData px = Screens.snapshot(tree);
        assertTrue(Screens.colours(px).size() > 3, "the Outline tree paints text");
        // the Data Inspector view follows the caret, and the page
        pagelens.ui.views.DataInspectorView insp = (pagelens.ui.views.DataInspectorView) page.showView(pagelens.ui.views.DataInspectorView.ID);
        page.activate(ed);
        java.lang.reflect.Method inspect = PageEditor.class.getDeclaredMethod("inspect", int.class);
        inspect.setAccessible(true);
        inspect.invoke(ed, 0x20); // what a click on the byte at 0x20 does
        Screens.spin(200);
        assertTrue(insp.rows().contains("page id (u32 page, u16 file) = (1:20)"), insp.rows().toString());
        ed.showPage(new PageId(1, 21));
        Screens.spin(200);
        assertTrue(insp.rows().contains("page id (u32 page, u16 file) = (1:21)"), "the view follows the page: " + insp.rows());
        assertTrue(Screens.colours(Screens.snapshot(insp.table())).size() > 3, "the inspector paints its rows");
        Screens.save(Screens.snapshot(window.getShell()), "page-editor-outline.png");
    }

    private static org.eclipse.swt.widgets.Tree findTree(org.eclipse.ui.views.contentoutline.ContentOutline view) {
        org.eclipse.ui.part.IPage p = view.getCurrentPage();
        return p != null && p.getControl() instanceof org.eclipse.swt.widgets.Tree t ? t : null;
    }

    @Test
    void specimenPagesAreDecodedColouredAndLinked() throws Exception {
        Path spec = tmp.resolve("specimen.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 21, 4000, 2);
        PageEditor ed = open(spec);
        assertEquals(new PageId(1, 0), ed.currentPage());

        long t0 = System.nanoTime();
        ed.showPage(new PageId(1, 20));
        Screens.spin(100);
        long switchMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("page editor: moving to another page took " + switchMs + " ms (including 100 ms of event processing)");
        assertTrue(ed.statusText().contains("data page"), ed.statusText());
        assertTrue(ed.statusText().contains("checksum OK"), ed.statusText());
        ImageData px = Screens.snapshot(ed.natTable());
        Screens.save(px, "page-editor-data-page.png");
        int header = Screens.count(px, c -> c.equals(new RGB(0xDD, 0xEB, 0xFF)));
        int recordA = Screens.count(px, c -> c.equals(new RGB(0xE3, 0xF5, 0xE1)));
        int recordB = Screens.count(px, c -> c.equals(new RGB(0xFF, 0xF6, 0xD5)));
        assertTrue(header > 300 && recordA > 300 && recordB > 300,
                "header and alternating record colours are painted: " + header + ", " + recordA + ", " + recordB);

        // structure -> bytes
        assertTrue(ed.selectNode("m_slotCnt"));
        Screens.spin(100);
        assertEquals(0x16, ed.focus()[0]);
        assertEquals(0x18, ed.focus()[1]);
        ImageData focused = Screens.snapshot(ed.natTable());
        assertTrue(Screens.count(focused, c -> c.equals(new RGB(0x4A, 0x90, 0xE2))) > 100, "the selected bytes are highlighted");
        // bytes -> structure
        ed.selectNodeAt(0x28);
        Screens.spin(100);
        Node sel = (Node) ((IStructuredSelection) ed.structureViewer().getSelection()).getFirstElement();
        assertEquals("m_lsn", sel.name());

        ed.showPage(new PageId(1, 21));
        Screens.spin(100);
        assertTrue(ed.statusText().contains("CHECKSUM MISMATCH"), ed.statusText());
        Screens.save(Screens.snapshot(window.getShell()), "workbench-page-editor-damaged.png");
    }

    @Test
    void navigation() throws Exception {
        Path spec = tmp.resolve("nav.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
        Corruptor.flipBit(spec, 40, 4000, 1);
        PageEditor ed = open(spec);
        assertTrue(ed.nextDamaged(), ed.statusText());
        assertEquals(new PageId(1, 40), ed.currentPage());
        assertTrue(ed.nextOfType(10)); // IAM: page 8, after wrapping
        assertEquals(new PageId(1, 8), ed.currentPage());
        assertTrue(ed.nextOfType(13));
        assertEquals(new PageId(1, 9), ed.currentPage());
        Screens.spin(50);
        // history: back to 8, back to 40, forward to 8
        java.lang.reflect.Method back = PageEditor.class.getDeclaredMethod("goBack");
        back.setAccessible(true);
        back.invoke(ed);
        assertEquals(new PageId(1, 8), ed.currentPage());
        back.invoke(ed);
        assertEquals(new PageId(1, 40), ed.currentPage());
        java.lang.reflect.Method fwd = PageEditor.class.getDeclaredMethod("goForward");
        fwd.setAccessible(true);
        fwd.invoke(ed);
        assertEquals(new PageId(1, 8), ed.currentPage());
    }

    @Test
    void realBootPage() throws Exception {
        String prop = System.getProperty("pagelens.samples");
        Path mdf = prop == null ? null : Paths.get(prop, "aspnetdb-tractis/aspnetdb.mdf");
        Assumptions.assumeTrue(mdf != null && Files.exists(mdf), "real samples not found (../shared/samples absent): skipping");
        PageEditor ed = open(mdf);
        ed.showPage(new PageId(1, 9));
        Screens.spin(200);
        assertTrue(ed.statusText().startsWith("1:9: boot page"), ed.statusText());
        ed.reveal(0x8C, 8); // dbi_crdate
        ed.selectNodeAt(0x8C);
        java.lang.reflect.Method inspect = PageEditor.class.getDeclaredMethod("inspect", int.class);
        inspect.setAccessible(true);
        inspect.invoke(ed, 0x8C);
        assertTrue(ed.inspectorRows().contains("datetime (ticks, days) = 2011-02-19 12:23:13.760"), ed.inspectorRows().toString());
        inspect.invoke(ed, 0x64);
        assertTrue(ed.inspectorRows().contains("u16 / i16 = 611 / 611"), ed.inspectorRows().toString());
        assertTrue(ed.statusText().contains("checksum OK"), ed.statusText());
        assertNotNull(ed.structureViewer().getTree().getItem(0));
        ImageData px = Screens.snapshot(window.getShell());
        Screens.save(px, "workbench-aspnetdb-boot-page.png");
        assertTrue(Screens.colours(px).size() > 10);
    }
}

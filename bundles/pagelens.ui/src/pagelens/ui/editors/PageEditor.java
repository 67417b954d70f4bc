package pagelens.ui.editors;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectCellCommand;
import org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import pagelens.core.page.Node;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.decode.PageStructure;
import pagelens.core.page.PageVerification;
import pagelens.core.page.Regions;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;

/**
 * One 8 KB page at a time of a data file, log file or DBCC PAGE output: a NatTable hex grid coloured by
 * region (header, records, slot array, free space, torn-page bits), the decoded structure beside it
 * (selecting a node selects its bytes, clicking a byte selects its node), the page's verification in
 * the bar above, and navigation by page id.
 */
public final class PageEditor extends EditorPart {
    public static final String ID = "pagelens.ui.editors.page";
    static final int ROWS = Page.SIZE / 16;

    private PageStore store;
    private pagelens.core.exam.OpenedEvidence opened;
    private boolean ownsOpened;
    private int fileId;
    private PageId current;
    private byte[] bytes = new byte[Page.SIZE];
    private Node tree;
    private Regions regions;
    private int focusStart = -1;
    private int focusEnd = -1;

    private HexGrid grid;
    private NatTable natTable;
    private SelectionLayer selectionLayer;
    private ViewportLayer viewportLayer;
    private TreeViewer structure;
    private Text pageText;
    private Label status;
    private final java.util.Map<String, Color> colours = new java.util.HashMap<>();
    private Color focusBg;
    private Color badFg;
    private Color okFg;
    private boolean linking;
    /** Edits: the overlay and its undo history. */
    private final PageOverlay overlay = new PageOverlay(this, "PageLens page edits", new PageOverlay.Target() {
        @Override
        public PageId current() {
            return current;
        }

        @Override
        public byte[] original() {
            return original;
        }

        @Override
        public void refresh(PageId id) {
            overlayChanged(id);
        }

        @Override
        public void status(String text, boolean bad) {
            setStatus(text, bad);
        }
    });
    private final pagelens.core.store.PatchSet patches = overlay.patches();
    private final org.eclipse.core.commands.operations.IUndoContext undoContext = overlay.undoContext();
    private byte[] original = new byte[Page.SIZE];
    private int caret = -1;
    private int pendingNibble = -1;
    /** Back/Forward, Previous/Next, Go to, Next damaged, Next of type. */
    private PageNavigation nav;
    /** Find in pages. */
    private PageFinder finder;
    private org.eclipse.swt.widgets.Combo typeCombo;
    private Color changedFg;
    private Color changedBg;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof EvidenceEditorInput in)) {
            throw new PartInitException("PageLens page editor needs an evidence file");
        }
        setSite(site);
        setInput(input);
        setPartName(in.getName());
        setTitleToolTip(in.getToolTipText());
        // the pages of the evidence opened once for the session (a backup is not read again when the evidence job has read it)
        boolean[] owned = new boolean[1];
        opened = pagelens.ui.model.EvidenceRegistry.get().opened(in.file(), owned);
        ownsOpened = owned[0];
        try {
            if (!opened.hasPages()) {
                throw new IOException(in.file() + ": " + opened.identification().summary());
            }
            store = opened.pages(pagelens.core.io.ProgressMonitor.NULL);
        } catch (IOException e) {
            closeOpened();
            throw new PartInitException(e.getMessage(), e);
        }
        List<Integer> ids = store.fileIds();
        if (ids.isEmpty()) {
            closeOpened();
            throw new PartInitException(in.file() + ": no pages");
        }
        fileId = ids.get(0);
        nav = new PageNavigation(store, fileId, new PageNavigation.Target() {
            @Override
            public PageId current() {
                return current;
            }

            @Override
            public void show(PageId id) {
                showPage(id);
            }

            @Override
            public void status(String text, boolean bad) {
                setStatus(text, bad);
            }
        });
    }

    public PageStore store() {
        return store;
    }

    /** Closes the evidence when this editor opened it itself (not the registry's). */
    private void closeOpened() {
        if (ownsOpened && opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                // read-only
            }
        }
    }

    public PageId currentPage() {
        return current;
    }

    public NatTable natTable() {
        return natTable;
    }

    public TreeViewer structureViewer() {
        return structure;
    }

    public String statusText() {
        return status.getText();
    }

    /** The byte range the structure selection or a click put the focus on, or null. */
    public int[] focus() {
        return focusStart < 0 ? null : new int[] { focusStart, focusEnd };
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        root.setLayout(gl);
        createBar(root);
        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createColours();
        createGrid(sash);
        createStructure(sash);
        sash.setWeights(62, 38);
        new org.eclipse.ui.operations.UndoRedoActionGroup(getSite(), undoContext, true).fillActionBars(getEditorSite().getActionBars());
        long start = 0;
        List<PageCopy> first = store.copies(new PageId(fileId, start));
        showPage(first.isEmpty() ? firstPageOfStore() : new PageId(fileId, start));
    }

    private PageId firstPageOfStore() {
        for (long p = 0; p < store.pageLimit(fileId); p++) {
            if (!store.copies(new PageId(fileId, p)).isEmpty()) {
                return new PageId(fileId, p);
            }
        }
        return new PageId(fileId, 0);
    }

    private void createColours() {
        boolean hc = pagelens.ui.model.Settings.highContrast();
        for (Regions.Kind k : Regions.Kind.values()) {
            for (int ordinal = 0; ordinal < (k == Regions.Kind.RECORD ? 2 : 1); ordinal++) {
                RGB rgb = pagelens.ui.base.Palette.region(k, ordinal, hc);
                if (rgb != null) {
                    colours.put(pagelens.ui.base.Palette.regionLabel(k, ordinal), new Color(rgb));
                }
            }
        }
        focusBg = new Color(new RGB(0x4A, 0x90, 0xE2));
        changedFg = new Color(new RGB(0xB0, 0x00, 0x20));
        changedBg = new Color(new RGB(0xFF, 0xE0, 0x82));
        badFg = new Color(new RGB(0xC0, 0x10, 0x10));
        okFg = new Color(new RGB(0x10, 0x70, 0x20));
    }

    private void createBar(Composite root) {
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(10, false));
        Composite actions = new Composite(root, SWT.NONE);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        actions.setLayout(new GridLayout(5, false));
        new Label(bar, SWT.NONE).setText("Page:");
        pageText = new Text(bar, SWT.BORDER | SWT.SINGLE);
        pageText.setMessage("1:9");
        pageText.setLayoutData(new GridData(110, SWT.DEFAULT));
        pageText.addListener(SWT.FocusIn, e -> pageText.getDisplay().asyncExec(() -> {
            if (!pageText.isDisposed()) {
                pageText.selectAll(); // typing replaces the old value
            }
        }));
        pageText.addListener(SWT.DefaultSelection, e -> goToTyped());
        Button go = new Button(bar, SWT.PUSH);
        go.setText("Go");
        go.addListener(SWT.Selection, e -> goToTyped());
        Button prev = new Button(bar, SWT.PUSH);
        prev.setText("\u25C0 Previous");
        prev.addListener(SWT.Selection, e -> step(-1));
        Button next = new Button(bar, SWT.PUSH);
        next.setText("Next \u25B6");
        next.addListener(SWT.Selection, e -> step(1));
        Button backB = new Button(bar, SWT.PUSH);
        backB.setText("Back");
        backB.setToolTipText("The page shown before (history)");
        backB.addListener(SWT.Selection, e -> goBack());
        Button fwdB = new Button(bar, SWT.PUSH);
        fwdB.setText("Forward");
        fwdB.addListener(SWT.Selection, e -> goForward());
        Button damagedB = new Button(bar, SWT.PUSH);
        damagedB.setText("Next damaged");
        damagedB.setToolTipText("The next page with a finding of severity warning or worse (from the background check)");
        damagedB.addListener(SWT.Selection, e -> nextDamaged());
        typeCombo = new org.eclipse.swt.widgets.Combo(bar, SWT.READ_ONLY);
        java.util.List<String> types = new java.util.ArrayList<>();
        for (int t = 0; t <= 20; t++) {
            if (pagelens.core.page.PageType.isKnown(t)) {
                types.add(t + " " + pagelens.core.page.PageType.name(t));
            }
        }
        typeCombo.setItems(types.toArray(String[]::new));
        typeCombo.setToolTipText("Page type for 'Next of type'");
        typeCombo.select(types.indexOf("1 data"));
        Button typeB = new Button(bar, SWT.PUSH);
        typeB.setText("Next of type");
        typeB.addListener(SWT.Selection, e -> nextOfType(Integer.parseInt(typeCombo.getText().split(" ")[0])));
        Button boot = new Button(actions, SWT.PUSH);
        boot.setText("Boot page (DBINFO)...");
        boot.setToolTipText("Open page 1:9 decoded, with the In-Memory OLTP restore verdict");
        boot.addListener(SWT.Selection, e -> openBootPage());
        Button history = new Button(actions, SWT.PUSH);
        history.setText("Page history...");
        history.setToolTipText("The records of the open log files that name this page: operation, transaction, times (its history in the log)");
        history.addListener(SWT.Selection, e -> showPageHistory());
        Button recompute = new Button(actions, SWT.PUSH);
        recompute.setText("Recompute checksum");
        recompute.setToolTipText("Set m_tornBits to the checksum of the page as edited (an undoable edit in the overlay)");
        recompute.addListener(SWT.Selection, e -> recomputeChecksum());
        Button save = new Button(actions, SWT.PUSH);
        save.setText("Save patched copy as...");
        save.setToolTipText("Write a new file: the evidence with the edited pages; never the evidence itself");
        save.addListener(SWT.Selection, e -> savePatchedCopyDialog());
        recompute.setEnabled(editable());
        save.setEnabled(editable());
        Label hint = new Label(actions, SWT.NONE);
        hint.setText("   " + store.description());
        createFindBar(root);
    }

    private void createFindBar(Composite root) {
        Label status = new FindBar(root, "Find in pages:", 200, this::findNext).status;
        finder = new PageFinder(store, status, getPartName(), new PageFinder.Target() {
            @Override
            public PageId current() {
                return current;
            }

            @Override
            public void showMatch(PageId page, int offset, int length) {
                showPage(page);
                reveal(offset, length);
            }
        });
    }

    /** Finds the pattern after the last hit (or from the current page) and shows the page with the match selected. */
    public void findNext(String typed, pagelens.core.io.ByteSearch.Mode mode) {
        finder.findNext(typed, mode);
    }

    /** The find bar's message (tests). */
    public String findStatus() {
        return finder.status();
    }

    private void openBootPage() {
        try {
            getSite().getPage().openEditor(getEditorInput(), BootPageEditor.ID, true,
                    org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
        } catch (PartInitException e) {
            setStatus("no boot page here: " + e.getMessage(), true);
        }
    }

    private void goToTyped() {
        nav.goTo(pageText.getText());
    }

    private void step(int delta) {
        nav.step(delta);
    }

    private void goBack() {
        nav.back();
    }

    private void goForward() {
        nav.forward();
    }

    /** The owner of a page as the examination of this evidence names it, or null (not examined yet, no catalog, none by design). */
    pagelens.core.catalog.Owner owner(PageId id) {
        pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().find(store.evidence());
        pagelens.core.exam.Examination e = item == null ? null : item.examination();
        return e == null ? null : e.ownerOf(id);
    }

    private String ownerPrefix(PageId id) {
        pagelens.core.catalog.Owner o = owner(id);
        return o == null ? "" : pagelens.report.OwnerText.brief(o) + " | ";
    }

    /** The structure tree with the page's owner as its second row, after the header (no bytes of its own: it comes from m_objId and m_indexId). */
    private pagelens.core.page.Node withOwner(pagelens.core.page.Node t, PageId id) {
        pagelens.core.catalog.Owner o = owner(id);
        if (o == null) {
            return t;
        }
        List<pagelens.core.page.Node> kids = new java.util.ArrayList<>(t.children());
        kids.add(Math.min(1, kids.size()), pagelens.core.page.Node.leaf("owner", pagelens.report.OwnerText.describe(o), 0x18, 0)); // after the header
        return new pagelens.core.page.Node(t.name(), t.value(), t.offset(), t.length(), kids, t.role());
    }

    /**
     * The structure tree with each record's column values, where the page belongs to a table the catalog describes: under
     * every record, its columns by name and type, each value linked to its bytes (decoded by pagelens.core.rows from the bytes
     * shown, edits included).
     */
    private pagelens.core.rows.TableReader rowsReader;
    private pagelens.core.catalog.Catalog rowsCatalog;

    private pagelens.core.page.Node withColumns(pagelens.core.page.Node t, PageId id) {
        pagelens.core.catalog.Owner o = owner(id);
        pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().find(store.evidence());
        pagelens.core.exam.Examination e = item == null ? null : item.examination();
        if (o == null || e == null || e.catalog() == null || bytes == null || bytes[0] != 1 || pagelens.core.page.Bytes.u8(bytes, 1) != pagelens.core.page.PageType.DATA) {
            return t;
        }
        pagelens.core.catalog.Catalog.DbObject table = e.catalog().objects().get(o.objectId());
        if (table == null) {
            return t;
        }
        if (rowsReader == null || rowsCatalog != e.catalog()) {
            // one reader per catalog: it reads the allocation maps once, not on every page shown
            rowsReader = new pagelens.core.rows.TableReader(store, e.catalog());
            rowsCatalog = e.catalog();
        }
        pagelens.core.rows.TableReader reader = rowsReader;
        pagelens.core.rows.TableSchema schema = reader.schema(table);
        java.util.Map<Integer, pagelens.core.rows.Row> bySlot = new java.util.HashMap<>(); // by record offset
        try {
            for (pagelens.core.rows.Row r : reader.pageRows(table, id, bytes)) {
                bySlot.put(r.offset(), r);
            }
        } catch (IOException | RuntimeException ex) {
            return t;
        }
        if (schema == null || bySlot.isEmpty()) {
            return t;
        }
        return addColumns(t, schema, bySlot, e.catalog().schemaName(table.schemaId()) + "." + table.name());
    }

    private static pagelens.core.page.Node addColumns(pagelens.core.page.Node n, pagelens.core.rows.TableSchema schema,
            java.util.Map<Integer, pagelens.core.rows.Row> bySlot, String tableName) {
        List<pagelens.core.page.Node> kids = new java.util.ArrayList<>();
        for (pagelens.core.page.Node k : n.children()) {
            kids.add(addColumns(k, schema, bySlot, tableName));
        }
        if (n.role() == pagelens.core.page.Node.Role.RECORD) {
            pagelens.core.rows.Row r = bySlot.get(n.offset()); // the record node and the row start at the same byte
            if (r != null) {
                pagelens.core.page.Node.Group g = new pagelens.core.page.Node.Group("columns", tableName + (r.kind() == pagelens.core.rows.Row.Kind.DELETED
                        ? " (deleted row)" : ""), r.offset(), r.length());
                for (int i = 0; i < schema.columns().size() && i < r.values().length; i++) {
                    pagelens.core.rows.TableColumn c = schema.columns().get(i);
                    String v = pagelens.report.ValueText.text(r.values()[i]);
                    v = v == null ? "NULL" : v.length() > 120 ? v.substring(0, 119) + "…" : v;
                    g.leaf(c.name() + " " + c.typeName(), r.gaps()[i] != null ? v + " [gap: " + r.gaps()[i] + "]" : v,
                            r.starts()[i] >= 0 ? r.starts()[i] : r.offset(), r.starts()[i] >= 0 ? r.lengths()[i] : 0);
                }
                kids.add(0, g.build());
            }
        }
        return new pagelens.core.page.Node(n.name(), n.value(), n.offset(), n.length(), kids, n.role());
    }

    /**
     * The current page's history in every open log file (pagelens.core.log): one line per record, "LSN operation transaction
     * [time, name] (log file)", the page's m_lsn marked; an empty list when no log file is open or none names the page.
     */
    public List<String> pageHistory() {
        List<String> out = new java.util.ArrayList<>();
        if (current == null) {
            return out;
        }
        pagelens.core.log.Lsn mine = bytes == null || bytes[0] != 1 ? null : pagelens.core.log.Lsn.read(bytes, pagelens.core.page.PageHeaderLayout.LSN);
        for (pagelens.ui.model.EvidenceItem item : pagelens.ui.model.EvidenceRegistry.get().items()) {
            if (item.identification() == null || item.identification().kind() != pagelens.core.identify.EvidenceKind.LOG_FILE) {
                continue;
            }
            try (pagelens.core.io.EvidenceSource src = pagelens.core.io.EvidenceSource.open(item.path())) {
                for (pagelens.core.log.LogFile.Record r : pagelens.core.log.LogFile.pageHistory(src, current, 10_000)) {
                    out.add(String.format(java.util.Locale.ROOT, "%-14s %-22s %04x:%08x  slot %-4d%s  (%s)%s", r.lsn(), pagelens.core.log.LogOperations.name(
                            r.operation()), r.transactionId() >>> 32 & 0xFFFF, r.transactionId() & 0xFFFF_FFFFL, r.pageSlot(),
                            r.time() == null ? "" : "  " + r.time(), item.path().getFileName(), r.lsn().equals(mine) ? "  <- the page's m_lsn" : ""));
                }
            } catch (IOException | RuntimeException e) {
                out.add("(" + item.path().getFileName() + ": cannot be read: " + e.getMessage() + ")");
            }
        }
        return out;
    }

    private void showPageHistory() {
        List<String> lines = pageHistory();
        String text = lines.isEmpty() ? "No open log file names page " + current + " (open the database's .ldf too: File > Open Evidence)."
                : String.join("\n", lines);
        new org.eclipse.jface.dialogs.Dialog(getSite().getShell()) {
            @Override
            protected void configureShell(org.eclipse.swt.widgets.Shell sh) {
                super.configureShell(sh);
                sh.setText("History of page " + current + " in the log");
            }

            @Override
            protected org.eclipse.swt.widgets.Control createDialogArea(Composite parent) {
                Composite c = (Composite) super.createDialogArea(parent);
                Text t = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
                t.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
                t.setText(text);
                GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
                gd.widthHint = 900;
                gd.heightHint = 400;
                t.setLayoutData(gd);
                return c;
            }
        }.open();
    }

    /** Moves to the next page (after the current one) with a finding of severity warning or worse. */
    public boolean nextDamaged() {
        pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().find(store.evidence());
        return nav.nextDamaged(item == null ? java.util.List.of() : item.findings(), item == null ? "" : item.scanState());
    }

    /** Moves to the next page (after the current one, wrapping) whose m_type is {@code type}. */
    public boolean nextOfType(int type) {
        return nav.nextOfType(type);
    }

    /** Shows a page: reads it, decodes it, verifies it, repaints. */
    public void showPage(PageId id) {
        nav.moving(current, id);
        List<PageCopy> copies = store.copies(id);
        try {
            original = copies.isEmpty() ? new byte[Page.SIZE] : store.read(copies.get(copies.size() - 1));
            byte[] edited = patches.current(id);
            bytes = edited != null ? edited.clone() : original.clone();
        } catch (IOException e) {
            setStatus("cannot read page " + id + ": " + e.getMessage(), true);
            return;
        }
        current = id;
        tree = withColumns(withOwner(PageStructure.describe(bytes, id), id), id);
        PageVerification v = PageVerification.verify(bytes, 0, id);
        regions = Regions.of(tree, v.torn() != null);
        focusStart = focusEnd = -1;
        pageText.setText(id.toString());
        setPartName(((EvidenceEditorInput) getEditorInput()).getName() + " " + id);
        setStatus(ownerPrefix(id) + PageStatusText.describe(v), damaged(bytes, id));
        structure.setInput(tree);
        structure.expandToLevel(2);
        if (outline != null) {
            outline.setTree(tree);
        }
        selectionLayer.clear();
        viewportLayer.setOriginY(viewportLayer.getStartYOfRowPosition(0));
        natTable.refresh(false);
        if (inspected >= 0) {
            inspect(inspected); // the same offset on the new page
        }
        natTable.redraw();
    }

    /** Damaged as every surface defines it: the core page rules give the page an error. */
    private boolean damaged(byte[] page, PageId id) {
        // a data file's page id comes from its position; a backup's or a DBCC dump's from its own header
        boolean positionKnown = store instanceof pagelens.core.store.FilePageStore;
        return pagelens.core.scan.PageRules.damaged(pagelens.core.scan.PageRules.status(page, id, positionKnown));
    }

    private void setStatus(String text, boolean bad) {
        status.setText((current != null ? current + ": " : "") + text);
        status.setForeground(bad ? badFg : okFg);
        status.getParent().layout(true);
    }

    private int byteAt(int row, int col) {
        return bytes[row * 16 + col] & 0xFF;
    }

    private void createGrid(Composite parent) {
        grid = new HexGrid(parent, new HexGrid.Bytes() {
            @Override
            public int byteAt(int row, int col) {
                return PageEditor.this.byteAt(row, col);
            }

            @Override
            public int rows() {
                return ROWS;
            }

            @Override
            public String rowLabel(int row) {
                return String.format("%04X", row * 16);
            }
        }, 56, (labels, row, col) -> {
            int off = row * 16 + col;
            if (current != null && patches.changed(current, off)) {
                labels.add("CHANGED");
            } else if (off >= focusStart && off < focusEnd) {
                labels.add("FOCUS");
            } else if (regions != null) {
                labels.add(pagelens.ui.base.Palette.regionLabel(regions.kind(off), regions.recordOrdinal(off)));
            }
        }, reg -> {
            Style changed = new Style();
            changed.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, changedBg);
            changed.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, changedFg);
            reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, changed, DisplayMode.NORMAL, "CHANGED");
            for (var e : colours.entrySet()) {
                HexGrid.background(reg, e.getKey(), e.getValue());
            }
            Style focus = new Style();
            focus.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, focusBg);
            focus.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, focus, DisplayMode.NORMAL, "FOCUS");
        });
        natTable = grid.natTable;
        selectionLayer = grid.selectionLayer;
        viewportLayer = grid.viewportLayer;
        // a click on a byte selects the innermost structure node that holds it
        selectionLayer.addLayerListener(event -> {
            if (event instanceof CellSelectionEvent cse && cse.getColumnPosition() < 16 && cse.getColumnPosition() >= 0) {
                int off = cse.getRowPosition() * 16 + cse.getColumnPosition();
                if (off >= 0 && off < Page.SIZE) {
                    caret = off;
                    pendingNibble = -1;
                    inspect(off);
                    if (!linking) {
                        selectNodeAt(off);
                    }
                }
            }
        });
        // typing two hex digits on a selected byte changes it (in the overlay, never in the evidence)
        natTable.addListener(SWT.KeyDown, e -> {
            int d = Character.digit(e.character, 16);
            if (d < 0 || caret < 0 || !editable()) {
                return;
            }
            if (pendingNibble < 0) {
                pendingNibble = d;
                return;
            }
            int value = pendingNibble << 4 | d;
            pendingNibble = -1;
            int at = caret;
            editBytes(at, new byte[] { (byte) value }, "Edit byte 0x" + Integer.toHexString(at));
            if (at + 1 < Page.SIZE) {
                linking = true;
                try {
                    grid.select((at + 1) / 16, (at + 1) % 16);
                } finally {
                    linking = false;
                }
                caret = at + 1;
            }
        });
    }

    private StructureOutlinePage outline;

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == org.eclipse.ui.views.contentoutline.IContentOutlinePage.class) {
            if (outline == null || outline.getControl() != null && outline.getControl().isDisposed()) {
                outline = new StructureOutlinePage(this);
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }

    /** The structure tree of the current page, or null. */
    public Node structureTree() {
        return tree;
    }

    /** Selects a node of the current page's structure (from the Outline): its bytes are selected in the grid. */
    public void selectStructureNode(Node n) {
        List<Node> path = StructureOutlinePage.pathTo(tree, n);
        if (path != null) {
            structure.setSelection(new TreeSelection(new TreePath(path.toArray())), true);
        }
    }

    /** Selects, in the structure, the innermost node whose bytes hold {@code offset}. */
    public void selectNodeAt(int offset) {
        List<Node> path = Regions.path(tree, offset);
        linking = true;
        try {
            structure.setSelection(new TreeSelection(new TreePath(path.toArray())), true);
        } finally {
            linking = false;
        }
        Node leaf = path.get(path.size() - 1);
        focus(leaf.offset(), leaf.length());
    }

    private org.eclipse.swt.widgets.Table inspector;

    private void createStructure(Composite parentSash) {
        org.eclipse.swt.widgets.TabFolder tabs = new org.eclipse.swt.widgets.TabFolder(parentSash, SWT.TOP);
        org.eclipse.swt.widgets.TabItem st = new org.eclipse.swt.widgets.TabItem(tabs, SWT.NONE);
        st.setText("Structure");
        org.eclipse.swt.widgets.TabItem ins = new org.eclipse.swt.widgets.TabItem(tabs, SWT.NONE);
        ins.setText("Data inspector");
        inspector = new org.eclipse.swt.widgets.Table(tabs, SWT.FULL_SELECTION | SWT.V_SCROLL);
        inspector.setHeaderVisible(true);
        inspector.setLinesVisible(true);
        for (String t : new String[] { "As", "Value" }) {
            org.eclipse.swt.widgets.TableColumn c = new org.eclipse.swt.widgets.TableColumn(inspector, SWT.LEFT);
            c.setText(t);
            c.setWidth(t.equals("As") ? 190 : 300);
        }
        ins.setControl(inspector);
        Composite parent = tabs;
        structure = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        st.setControl(structure.getControl());
        structure.getTree().setHeaderVisible(true);
        structure.getTree().setLinesVisible(true);
        structure.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Node) input).children().toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((Node) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Node) element).children().isEmpty();
            }
        });
        column("Field", 190, n -> n.name());
        column("Value", 230, n -> n.value());
        column("Offset", 80, n -> n.length() > 0 ? String.format("0x%04X +%d", n.offset(), n.length()) : "");
        structure.addSelectionChangedListener(e -> {
            Object sel = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (outline != null && sel instanceof Node sn) {
                outline.show(sn);
            }
            if (linking) {
                return;
            }
            Object o = sel;
            if (o instanceof Node n && n.length() > 0) {
                focus(n.offset(), n.length());
                linking = true;
                try {
                    selectionLayer.doCommand(new SelectCellCommand(selectionLayer, n.offset() % 16, n.offset() / 16, false, false));
                } finally {
                    linking = false;
                }
            }
        });
    }

    private void column(String title, int width, java.util.function.Function<Node, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(structure, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Node) element);
            }
        });
    }

    private int inspected = -1;
    private final java.util.List<Runnable> caretListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Fills the data inspector for the byte at {@code off}; the Data Inspector view follows. */
    void inspect(int off) {
        inspected = off;
        inspector.removeAll();
        for (pagelens.core.decode.Inspector.Reading r : inspection()) {
            org.eclipse.swt.widgets.TableItem it = new org.eclipse.swt.widgets.TableItem(inspector, SWT.NONE);
            it.setText(new String[] { r.name(), r.value() });
        }
        caretListeners.forEach(Runnable::run);
    }

    /** The readings at the selected byte (empty before a byte is selected). */
    public java.util.List<pagelens.core.decode.Inspector.Reading> inspection() {
        return inspected < 0 || bytes == null ? java.util.List.of() : pagelens.core.decode.Inspector.read(bytes, inspected);
    }

    /** Page offset of the selected byte, or -1. */
    public int caret() {
        return inspected;
    }

    /** Called on the UI thread whenever the selected byte changes (the Data Inspector view). */
    public void addCaretListener(Runnable r) {
        caretListeners.add(r);
    }

    public void removeCaretListener(Runnable r) {
        caretListeners.remove(r);
    }

    /** The data inspector's rows (tests). */
    public java.util.List<String> inspectorRows() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (org.eclipse.swt.widgets.TableItem it : inspector.getItems()) {
            out.add(it.getText(0) + " = " + it.getText(1));
        }
        return out;
    }

    /** Whether this evidence can be patched (a data or log file: page n at n x 8192). */
    public boolean editable() {
        return store instanceof pagelens.core.store.FilePageStore;
    }

    public pagelens.core.store.PatchSet patches() {
        return patches;
    }

    public org.eclipse.core.commands.operations.IUndoContext undoContext() {
        return undoContext;
    }

    /** The bytes shown (with edits). */
    public byte[] currentBytes() {
        return bytes.clone();
    }

    /**
     * Changes bytes of the current page through the workbench operation history (undo/redo), in the
     * overlay only.
     */
    public void editBytes(int offset, byte[] values, String label) {
        if (!editable()) {
            setStatus("this evidence cannot be patched here (only data and log files)", true);
            return;
        }
        overlay.edit(bytes, offset, values, label);
    }

    /** The overlay of page {@code id} changed: shows it again when it is the current page. */
    private void overlayChanged(PageId id) {
        if (id.equals(current)) {
            byte[] edited = patches.current(id);
            bytes = edited != null ? edited.clone() : original.clone();
            tree = withColumns(withOwner(PageStructure.describe(bytes, id), id), id);
            PageVerification v = PageVerification.verify(bytes, 0, id);
            regions = Regions.of(tree, v.torn() != null);
            setStatus(ownerPrefix(id) + PageStatusText.describe(v) + (patches.isEmpty() ? "" : " | EDITED (overlay only; the evidence is unchanged)"), damaged(bytes, current));
            structure.setInput(tree);
            structure.expandToLevel(2);
            if (outline != null) {
                outline.setTree(tree);
            }
            natTable.redraw();
        }
        firePropertyChange(PROP_DIRTY);
    }

    /** Recomputes the page checksum of the shown page (as an undoable edit). */
    public void recomputeChecksum() {
        editBytes(pagelens.core.page.PageHeaderLayout.TORN_BITS, pagelens.core.page.PageChecksum.recomputedField(bytes), "Recompute checksum");
    }

    /** Writes the evidence with the edits to {@code out}; refuses evidence paths. */
    public void savePatchedCopy(java.nio.file.Path out) throws IOException {
        java.util.List<java.nio.file.Path> evidence = new java.util.ArrayList<>();
        evidence.add(store.evidence());
        pagelens.ui.model.EvidenceRegistry.get().items().forEach(i -> evidence.add(i.path()));
        overlay.saveCopy(store.evidence(), out, evidence);
    }

    private void savePatchedCopyDialog() {
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
        d.setText("Save patched copy as (the evidence is never changed)");
        d.setFileName(store.evidence().getFileName() + ".patched");
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            savePatchedCopy(java.nio.file.Paths.get(f));
            setStatus("patched copy written to " + f + " (" + patches.size() + " page(s) changed)", false);
        } catch (IOException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", e.getMessage());
        }
    }

    /** Highlights a byte range in the grid. */
    public void focus(int start, int length) {
        focusStart = start;
        focusEnd = start + length;
        natTable.redraw();
    }

    /** Highlights a byte range and scrolls it into view (links from findings). */
    public void reveal(int start, int length) {
        focus(start, length);
        linking = true;
        try {
            grid.select(start / 16, start % 16);
        } finally {
            linking = false;
        }
    }

    /** Selects the first structure node with this name (tests, links from findings). */
    public boolean selectNode(String name) {
        Node n = find(tree, name);
        if (n == null) {
            return false;
        }
        structure.setSelection(new StructuredSelection(n), true);
        return true;
    }

    private static Node find(Node n, String name) {
        if (n.name().equals(name)) {
            return n;
        }
        for (Node c : n.children()) {
            Node f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void setFocus() {
        natTable.setFocus();
    }

    @Override
    public void dispose() {
        closeOpened();
        colours.values().forEach(Color::dispose);
        for (Color c : new Color[] { focusBg, badFg, okFg, changedFg, changedBg }) {
            if (c != null) {
                c.dispose();
            }
        }
        super.dispose();
    }

    /** "Save" never writes evidence: it asks where to write the patched copy. */
    @Override
    public void doSave(IProgressMonitor monitor) {
        savePatchedCopyDialog();
    }

    @Override
    public void doSaveAs() {
        savePatchedCopyDialog();
    }

    @Override
    public boolean isDirty() {
        return !patches.isEmpty();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return editable();
    }
}

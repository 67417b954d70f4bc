package pagelens.ui.editors;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.page.Page;

/**
 * The boot page (1:9, DBINFO) of a data file, backup or DBCC output: every field with offset, size, value
 * and evidence level, Hekaton rows highlighted (non-zero in red), the restore verdict in a banner, a
 * compare mode with differing rows marked and a "differences only" filter, and the page's bytes below
 * (selecting a row selects its bytes).
 */
public final class BootPageEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.boot";

    /** One table row: a field, a range of uncovered bytes, or the Hekaton region. */
    public record Row(String name, int offset, int size, String value, String other, String evidence, String category, String raw,
            boolean hekaton, boolean nonZeroHekaton, boolean differs) {
    }

    private Path file;
    private BootLayouts layouts;
    private List<OpenedEvidence.BootCopy> copies;
    /** What the evidence itself says of a memory-optimized filegroup (the examination's fact), and how it was decided. */
    private XtpFilegroup evidenceFact = XtpFilegroup.NOT_STATED;
    private String evidenceFactSource = "not stated";
    private BootPage page;
    private EvidenceEditorInput evidence;
    private Path otherFile;
    private BootPage other;
    private XtpFilegroup filegroup = XtpFilegroup.NOT_STATED;
    private List<Row> rows = List.of();

    private Composite banner;
    private Label bannerHeadline;
    private Label bannerText;
    private Label layoutLabel;
    private Button diffOnly;
    private TableViewer table;
    private TableViewerColumn otherColumn;
    private HexGrid grid;
    private int focusStart = -1;
    private int focusEnd = -1;
    private final Map<String, Color> colours = new HashMap<>();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        EvidenceEditorInput in = initEvidence(site, input, " boot page");
        evidence = in;
        file = in.file();
        layouts = BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder());
        boolean[] owned = new boolean[1];
        OpenedEvidence ev = pagelens.ui.model.EvidenceRegistry.get().opened(file, owned);
        try {
            copies = ev.bootCopies();
            // the verdict of the core examination (the evidence job's when it has run; a boot-page-only one otherwise)
            pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().find(file);
            Examination e = item != null && item.examination() != null ? item.examination()
                    : Examination.run(ev, Examination.Options.defaults(layouts).withHash(false).withHeadersOnly(true), pagelens.core.io.ProgressMonitor.NULL);
            if (e.boot() != null) {
                evidenceFact = e.boot().hekaton().filegroup();
                evidenceFactSource = e.boot().hekaton().filegroupSource();
            }
            page = decode(copies.get(copies.size() - 1).page());
        } catch (IOException e) {
            throw new PartInitException(e.getMessage(), e);
        } finally {
            if (owned[0]) {
                try {
                    ev.close();
                } catch (IOException e) {
                    // only read
                }
            }
        }
    }

    private BootPage decode(byte[] bytes) throws PartInitException {
        try {
            // the user's choice overrides what the evidence says, and is labelled as such
            return filegroup == XtpFilegroup.NOT_STATED ? BootPage.decode(bytes, layouts, evidenceFact, evidenceFactSource)
                    : BootPage.decode(bytes, layouts, filegroup, pagelens.core.Evidence.USER.after("set in the boot page editor (the evidence says: " + evidenceFactSource + ")"));
        } catch (BootPageException e) {
            throw new PartInitException(file + ": " + e.getMessage(), e);
        }
    }

    public BootPage bootPage() {
        return page;
    }

    public TableViewer table() {
        return table;
    }

    public String bannerText() {
        return bannerHeadline.getText();
    }

    public Composite banner() {
        return banner;
    }

    public int[] focus() {
        return focusStart < 0 ? null : new int[] { focusStart, focusEnd };
    }

    @Override
    public void createPartControl(Composite parent) {
        colours.put("critical", new Color(new RGB(0xC6, 0x28, 0x28)));
        colours.put("ok", new Color(new RGB(0x2E, 0x7D, 0x32)));
        colours.put("expected", new Color(new RGB(0x15, 0x65, 0xC0)));
        colours.put("cannot-tell", new Color(new RGB(0xE6, 0x8A, 0x00)));
        colours.put("hk", new Color(new RGB(0xFF, 0xF3, 0xCD)));
        colours.put("hkbad", new Color(new RGB(0xFF, 0xCD, 0xD2)));
        colours.put("diff", new Color(new RGB(0xD6, 0xE4, 0xFF)));
        colours.put("focus", new Color(new RGB(0x4A, 0x90, 0xE2)));
        colours.put("record", new Color(new RGB(0xE3, 0xF5, 0xE1)));

        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        banner = new Composite(root, SWT.NONE);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout bl = new GridLayout(1, false);
        bl.marginWidth = 10;
        bl.marginHeight = 8;
        banner.setLayout(bl);
        bannerHeadline = new Label(banner, SWT.WRAP);
        GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
        hd.widthHint = 200;
        bannerHeadline.setLayoutData(hd);
        bannerHeadline.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        bannerText = new Label(banner, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 200; // wrap to the editor's width, whatever the text's length
        bannerText.setLayoutData(td);

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(6, false));
        new Label(bar, SWT.NONE).setText("Memory-optimized filegroup:");
        Combo fg = new Combo(bar, SWT.READ_ONLY);
        fg.setItems("as the evidence says", "yes, the database has one", "no, it has none");
        fg.select(0);
        fg.addListener(SWT.Selection, e -> {
            filegroup = switch (fg.getSelectionIndex()) {
                case 1 -> XtpFilegroup.PRESENT;
                case 2 -> XtpFilegroup.ABSENT;
                default -> XtpFilegroup.NOT_STATED;
            };
            rejudge();
        });
        Button compare = new Button(bar, SWT.PUSH);
        compare.setText("Compare with...");
        compare.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getSite().getShell(), SWT.OPEN);
            d.setText("Compare with the boot page of...");
            String f = d.open();
            if (f != null) {
                compareWith(Paths.get(f));
            }
        });
        Button ckpt = new Button(bar, SWT.PUSH);
        ckpt.setText("Checkpoint in the log");
        ckpt.setToolTipText("The checkpoint record this boot page names (dbi_checkptLSN) in the log editor: the database's open .ldf, or a backup's "
                + "own log part");
        ckpt.addListener(SWT.Selection, e -> openCheckpointRecord());
        diffOnly = new Button(bar, SWT.CHECK);
        diffOnly.setText("Differences only");
        diffOnly.setEnabled(false);
        diffOnly.addListener(SWT.Selection, e -> table.refresh());
        layoutLabel = new Label(bar, SWT.WRAP);
        layoutLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createTable(sash);
        createHex(sash);
        sash.setWeights(60, 40);
        refreshAll();
    }

    /**
     * Opens the log editor on the checkpoint record this boot page names: the backup's own log part for a backup, otherwise the
     * first log file open as evidence; null (and a message) when there is no checkpoint field or no log to look in.
     */
    public LogEditor openCheckpointRecord() {
        pagelens.core.log.Lsn lsn = page == null ? null : pagelens.core.log.Lsn.checkpointOf(page);
        String why = null;
        java.nio.file.Path log = null;
        if (lsn == null) {
            why = "This boot page's layout has no checkpoint LSN field.";
        } else if (pagelens.core.identify.Identifier.isReadableBackup(evidence.file())) {
            log = evidence.file();
        } else {
            for (pagelens.ui.model.EvidenceItem item : pagelens.ui.model.EvidenceRegistry.get().items()) {
                if (item.identification() != null && item.identification().kind() == pagelens.core.identify.EvidenceKind.LOG_FILE) {
                    log = item.path();
                    break;
                }
            }
            if (log == null) {
                why = "The checkpoint is " + lsn + ": open the database's log file (.ldf) as evidence too to see its record.";
            }
        }
        if (why != null) {
            checkpointHint = why;
            getEditorSite().getActionBars().getStatusLineManager().setMessage(why); // not modal: the user keeps working
            return null;
        }
        checkpointHint = null;
        try {
            LogEditor ed = (LogEditor) getSite().getPage().openEditor(new EvidenceEditorInput(log), LogEditor.ID, true,
                    org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
            ed.showLsn(lsn);
            return ed;
        } catch (PartInitException | ClassCastException x) {
            checkpointHint = "Cannot open the log: " + x.getMessage();
            return null;
        }
    }

    /** What the last "Checkpoint in the log" could not do, or null (for tests). */
    public String checkpointHint() {
        return checkpointHint;
    }

    private String checkpointHint;

    private void createTable(Composite parent) {
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column("Offset", 80, r -> r.size() > 0 ? String.format("P+0x%03X", r.offset()) : "");
        column("Size", 50, r -> r.size() > 0 ? String.valueOf(r.size()) : "");
        column("Field", 300, Row::name);
        column("Value", 280, Row::value);
        otherColumn = column("Compared value", 0, r -> r.other() == null ? "" : r.other());
        column("Evidence", 95, Row::evidence);
        column("Category", 90, Row::category);
        column("Raw bytes", 260, Row::raw);
        table.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                return !diffOnly.getSelection() || ((Row) element).differs();
            }
        });
        table.addSelectionChangedListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof Row r && r.size() > 0) {
                focusStart = r.offset();
                focusEnd = r.offset() + r.size();
                grid.select(r.offset() / 16, r.offset() % 16);
                grid.natTable.redraw();
            }
        });
    }

    private TableViewerColumn column(String title, int width, java.util.function.Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setResizable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public Color getBackground(Object element) {
                Row r = (Row) element;
                if (r.nonZeroHekaton()) {
                    return colours.get("hkbad");
                }
                if (r.differs()) {
                    return colours.get("diff");
                }
                return r.hekaton() ? colours.get("hk") : null;
            }

            @Override
            public Color getForeground(Object element) {
                return ((Row) element).nonZeroHekaton() ? colours.get("critical") : null;
            }
        });
        return c;
    }

    private void createHex(Composite parent) {
        grid = new HexGrid(parent, new HexGrid.Bytes() {
            @Override
            public int byteAt(int row, int col) {
                return page.page()[row * 16 + col] & 0xFF;
            }

            @Override
            public int rows() {
                return Page.SIZE / 16;
            }

            @Override
            public String rowLabel(int row) {
                return String.format("%04X", row * 16);
            }
        }, 56, (labels, row, col) -> {
            int off = row * 16 + col;
            if (off >= focusStart && off < focusEnd) {
                labels.add("FOCUS");
            } else if (off >= page.hekaton().regionStart() && off < page.hekaton().regionEnd()) {
                labels.add(page.hekaton().nonZeroOffsets().contains(off) ? "HKBAD" : "HK");
            } else if (off >= 0x60 && off < 0x60 + page.recordLength()) {
                labels.add("RECORD");
            }
        }, reg -> {
            HexGrid.background(reg, "FOCUS", colours.get("focus"));
            HexGrid.background(reg, "HK", colours.get("hk"));
            HexGrid.background(reg, "HKBAD", colours.get("hkbad"));
            HexGrid.background(reg, "RECORD", colours.get("record"));
        });
    }

    private void rejudge() {
        try {
            page = decode(page.page());
            if (other != null) {
                other = decode(other.page());
            }
        } catch (PartInitException e) {
            bannerText.setText(e.getMessage());
        }
        refreshAll();
    }

    /** Compares with the boot page (as restored) of another evidence file. */
    public void compareWith(Path otherPath) {
        try {
            boolean[] owned = new boolean[1];
            OpenedEvidence ev = pagelens.ui.model.EvidenceRegistry.get().opened(otherPath, owned);
            try {
                other = decode(ev.restoredBootCopy().page());
            } finally {
                if (owned[0]) {
                    ev.close();
                }
            }
            otherFile = otherPath;
        } catch (IOException | PartInitException e) {
            bannerText.setText("cannot compare: " + e.getMessage());
            banner.layout(true);
            return;
        }
        diffOnly.setEnabled(true);
        otherColumn.getColumn().setWidth(260);
        otherColumn.getColumn().setText("Value in " + otherPath.getFileName());
        refreshAll();
    }

    public void setDifferencesOnly(boolean on) {
        diffOnly.setSelection(on);
        table.refresh();
    }

    private void refreshAll() {
        HekatonVerdict h = page.hekaton();
        Color bg = colours.get(h.verdict().id());
        banner.setBackground(bg);
        for (Label l : new Label[] { bannerHeadline, bannerText }) {
            l.setBackground(bg);
            l.setForeground(banner.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        }
        bannerHeadline.setText(h.verdict().name().replace('_', ' ') + ": " + h.headline());
        StringBuilder t = new StringBuilder(h.explanation()).append("\nWhat to do: ").append(h.action());
        t.append(String.format(Locale.ROOT, "\n%s, dbid %s, dbi_version %d (created as %d); %s; boot page from %s%s.", page.databaseName(),
                page.value("dbi_dbid"), page.dbiVersion(), page.createVersion(), page.checksumNote(), copies.get(copies.size() - 1).where(),
                copies.size() > 1 ? " (the last of " + copies.size() + " copies, as a restore applies it)" : ""));
        if (other != null) {
            List<BootCompare.Difference> d = BootCompare.compare(page, other);
            long hk = d.stream().filter(BootCompare.Difference::hekaton).count();
            t.append(String.format(Locale.ROOT, "\nCompared with %s (%s): %d difference(s), %d of them Hekaton state; verdict there: %s.",
                    otherFile.getFileName(), other.databaseName(), d.size(), hk, other.hekaton().verdict().name()));
        }
        bannerText.setText(t.toString());
        layoutLabel.setText("Layout: " + page.layoutNote() + (page.exactLayout() ? "" : "  (NOT this version's own layout)"));
        rows = buildRows();
        table.setInput(rows);
        banner.getParent().layout(true, true);
        grid.natTable.refresh(false);
    }

    private List<Row> buildRows() {
        Map<String, BootCompare.Difference> diffs = new HashMap<>();
        List<BootCompare.Difference> extra = new ArrayList<>();
        if (other != null) {
            for (BootCompare.Difference d : BootCompare.compare(page, other)) {
                if (d.name().startsWith("bytes ")) {
                    extra.add(d);
                } else {
                    diffs.put(d.name() + "@" + d.offset(), d);
                }
            }
        }
        HekatonVerdict h = page.hekaton();
        List<Row> out = new ArrayList<>();
        if (h.regionStart() >= 0) {
            int nz = h.nonZeroOffsets().size();
            out.add(new Row("In-Memory OLTP (Hekaton) region: Dbi_hkRecoveryLSN, Dbi_hkLogTruncationLSN, Dbi_hkCompatibilityMode, "
                    + "Dbi_hkRootFile, Dbi_hkRootFileWatermark, Dbi_hkTrimLSN, Dbi_hkUpgradeLSN, Dbi_hkUndeployLSN lie here",
                    h.regionStart(), h.regionEnd() - h.regionStart(), nz == 0 ? "all zero (apart from known fields)" : nz + " non-zero byte(s) unexplained",
                    null, page.layout().regionEvidence().tag(), "hekaton", "", true, nz > 0, extra.stream().anyMatch(BootCompare.Difference::hekaton)));
        }
        for (BootField f : page.fields()) {
            BootCompare.Difference d = diffs.remove(f.name() + "@" + f.offset());
            boolean hk = f.def().isHekaton() || f.offset() >= h.regionStart() && f.offset() < h.regionEnd();
            out.add(new Row(f.name(), f.offset(), f.size(), f.value(), d != null ? String.valueOf(d.after()) : other != null ? f.value() : null,
                    f.def().evidence().tag(), f.def().category(), f.rawHex(), hk, f.def().isHekaton() && !f.isZero(), d != null));
        }
        for (BootPage.Range r : page.uncovered()) {
            out.add(new Row("(bytes no known field covers)", r.start(), r.end() - r.start(),
                    r.nonZeroBytes() == 0 ? "all zero" : r.nonZeroBytes() + " non-zero", null, pagelens.core.Evidence.UNKNOWN.tag(), "unknown", r.hex(), false, false,
                    extra.stream().anyMatch(d -> d.offset() < r.end() && d.offset() + d.size() > r.start())));
        }
        for (BootCompare.Difference d : extra) {
            out.add(new Row(d.name(), d.offset(), d.size(), d.before(), d.after(), "", d.category(), "", d.hekaton(), d.hekaton(), true));
        }
        for (BootCompare.Difference d : diffs.values()) {
            out.add(new Row(d.name() + " (only in " + otherFile.getFileName() + ")", d.offset(), d.size(), "", d.after(), "", d.category(), "",
                    d.hekaton(), false, true));
        }
        out.sort((a, b) -> a.hekaton() != b.hekaton() ? (a.hekaton() ? -1 : 1) : Integer.compare(a.offset(), b.offset()));
        return out;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Rows the table shows now (after the differences-only filter). */
    public int visibleRows() {
        return table.getTable().getItemCount();
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }


    @Override
    public void dispose() {
        colours.values().forEach(Color::dispose);
        super.dispose();
    }

}

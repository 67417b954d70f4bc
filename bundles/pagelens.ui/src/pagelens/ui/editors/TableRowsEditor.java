package pagelens.ui.editors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableReader;
import pagelens.core.rows.TableSchema;
import pagelens.core.store.PageStore;
import pagelens.report.ValueText;
import pagelens.ui.base.Grids;
import pagelens.ui.base.Palette;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceRegistry;

/**
 * A table's rows, read from the evidence in a background job (pagelens.core.rows): a virtual NatTable that keeps only where
 * each row is (8 bytes a row) and decodes the rows of the pages on screen, so a table of millions of rows scrolls. Rows
 * from damaged pages are tinted, deleted (ghost) rows are shown on request, a filter keeps the rows whose value in one
 * column contains a text; a double-click opens the row's record in the page editor with its bytes selected. Read-only.
 */
public final class TableRowsEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.rows";
    static final String LABEL_DAMAGED = "ROW_DAMAGED";
    static final String LABEL_DELETED = "ROW_DELETED";
    private static final long DELETED = 1L << 62;
    private static final long DAMAGED = 1L << 61;
    private static final int PAGES_CACHED = 256;

    private TableRowsInput in;
    private pagelens.core.exam.OpenedEvidence evidence;
    private Catalog catalog;
    private Catalog.DbObject table;
    private TableReader reader;
    private TableSchema schema;
    private String title;

    private final Object lock = new Object();
    /** Every row found, in order: (file << 44) | (page << 12) | slot, with {@link #DELETED} and {@link #DAMAGED}. */
    private long[] found = new long[4096];
    private int foundCount;
    /** Indexes into {@link #found} of the rows not deleted. */
    private int[] live = new int[4096];
    private int liveCount;
    /** Indexes into {@link #found} kept by the filter, or null for no filter. */
    private volatile int[] filtered;
    private volatile boolean showDeleted;
    private volatile TableReader.Summary summary;
    private volatile String failure;
    private final Map<PageId, Map<Integer, Row>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<PageId, Map<Integer, Row>> e) {
            return size() > PAGES_CACHED;
        }
    };

    private Label headline;
    private NatTable natTable;
    private SelectionLayer selection;
    private Combo column;
    private Text value;
    private Button deleted;
    private Color damagedColour;
    private Color deletedColour;
    private int selectedRow = -1;
    private Job job;
    private long lastRefresh;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof TableRowsInput t)) {
            throw new PartInitException("not a table: " + input);
        }
        setSite(site);
        setInput(input);
        in = t;
        EvidenceItem item = EvidenceRegistry.get().open(t.file());
        Examination e = item.examination();
        if (e == null || e.catalog() == null) {
            throw new PartInitException(t.file() + ": its catalog has not been read (wait for the examination to finish)");
        }
        Catalog c = e.catalog();
        catalog = c;
        evidence = item.opened();
        table = c.objects().get(t.objectId());
        if (table == null) {
            throw new PartInitException("no object " + t.objectId() + " in the catalog of " + t.file());
        }
        PageStore store;
        try {
            store = item.opened().pages(ProgressMonitor.NULL);
        } catch (IOException ex) {
            throw new PartInitException(t.file() + ": " + ex.getMessage(), ex);
        }
        reader = new TableReader(store, c);
        schema = reader.schema(table);
        if (schema == null) {
            throw new PartInitException(c.schemaName(table.schemaId()) + "." + table.name() + ": the catalog holds no description of its columns");
        }
        title = c.schemaName(table.schemaId()) + "." + table.name();
        setPartName(title + " (rows)");
        setTitleToolTip(t.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        headline = new Label(root, SWT.WRAP);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayout(new GridLayout(7, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        deleted = new Button(bar, SWT.CHECK);
        deleted.setText("Show deleted rows");
        deleted.setToolTipText("Deleted (ghost) records still on the pages, shown in grey");
        deleted.addListener(SWT.Selection, e -> {
            showDeleted = deleted.getSelection();
            if (filtered != null) {
                applyFilter();
            } else {
                refresh();
            }
        });
        new Label(bar, SWT.NONE).setText("   Filter:");
        column = new Combo(bar, SWT.READ_ONLY);
        for (TableColumn c : schema.columns()) {
            column.add(c.name());
        }
        column.select(0);
        value = new Text(bar, SWT.BORDER | SWT.SEARCH);
        value.setMessage("value contains");
        value.setLayoutData(new GridData(220, SWT.DEFAULT));
        value.addListener(SWT.DefaultSelection, e -> applyFilter());
        Button apply = new Button(bar, SWT.PUSH);
        apply.setText("Filter");
        apply.addListener(SWT.Selection, e -> applyFilter());
        Button clear = new Button(bar, SWT.PUSH);
        clear.setText("Clear");
        clear.addListener(SWT.Selection, e -> {
            value.setText("");
            filtered = null;
            refresh();
        });
        damagedColour = new Color(Palette.damagedRow());
        deletedColour = new Color(Palette.deletedRow());
        createTable(root);
        refresh();
        read();
    }

    private void createTable(Composite root) {
        List<TableColumn> cols = schema.columns();
        IDataProvider body = Grids.readOnly(cols.size(), this::visibleCount, (col, row) -> {
            Row r = rowAt(row);
            if (r == null) {
                return "";
            }
            String t = ValueText.text(r.values()[col]);
            t = t == null ? "NULL" : t.length() > 200 ? t.substring(0, 199) + "…" : t;
            return r.gaps()[col] != null ? t + " [gap: " + r.gaps()[col] + "]" : t;
        });
        IDataProvider header = Grids.readOnly(cols.size(), () -> 1, (col, row) -> cols.get(col).name() + "  " + cols.get(col).typeName());
        int[] widths = new int[cols.size()];
        for (int i = 0; i < widths.length; i++) {
            int x = cols.get(i).xtype();
            widths[i] = x == 61 || x == 42 || x == 43 ? 210 : x == 36 ? 290 : 150; // date-times with their fraction, GUIDs whole
        }
        Grids.Grid grid = Grids.create(root, body, header, 150, widths, 70, (labels, col, row) -> {
            long loc = locationAt(row);
            if ((loc & DAMAGED) != 0) {
                labels.add(LABEL_DAMAGED);
            } else if ((loc & DELETED) != 0) {
                labels.add(LABEL_DELETED);
            }
        }, java.util.Map.of(LABEL_DAMAGED, damagedColour, LABEL_DELETED, deletedColour));
        natTable = grid.table();
        selection = grid.selection();
        selection.addLayerListener(event -> {
            if (event instanceof CellSelectionEvent c && c.getRowPosition() >= 0) {
                selectedRow = c.getRowPosition();
            }
        });
        natTable.addListener(SWT.MouseDoubleClick, e -> openRecord(selectedRow));
    }

    /** Reads the table's rows in a background job, keeping where each is; the table grows as they come. */
    private void read() {
        job = new Job("Reading the rows of " + title) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Reading the rows of " + title, IProgressMonitor.UNKNOWN);
                try {
                    summary = reader.read(table, new TableReader.Options(true, 0), (s, r) -> {
                        add(r);
                        if (System.currentTimeMillis() - lastRefresh > 250) {
                            lastRefresh = System.currentTimeMillis();
                            monitor.subTask(String.format(Locale.ROOT, "%,d rows", foundCount));
                            asyncRefresh();
                        }
                        return !monitor.isCanceled();
                    }, new ProgressMonitor() {
                        @Override
                        public boolean isCanceled() {
                            return monitor.isCanceled();
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    failure = e.getMessage();
                } finally {
                    monitor.done();
                    asyncRefresh();
                }
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }
        };
        job.setUser(false);
        job.schedule();
    }

    private void add(Row r) {
        long loc = ((long) r.page().fileId() << 44) | (r.page().pageId() << 12) | r.slot();
        if (r.kind() == Row.Kind.DELETED) {
            loc |= DELETED;
        }
        if (r.damage() != null) {
            loc |= DAMAGED;
        }
        synchronized (lock) {
            if (foundCount == found.length) {
                found = java.util.Arrays.copyOf(found, found.length * 2);
            }
            if (r.kind() != Row.Kind.DELETED) {
                if (liveCount == live.length) {
                    live = java.util.Arrays.copyOf(live, live.length * 2);
                }
                live[liveCount++] = foundCount;
            }
            found[foundCount++] = loc;
        }
    }

    private void asyncRefresh() {
        if (natTable != null && !natTable.isDisposed()) {
            natTable.getDisplay().asyncExec(this::refresh);
        }
    }

    private void refresh() {
        if (natTable == null || natTable.isDisposed()) {
            return;
        }
        natTable.refresh(false);
        headline.setText(headlineText());
        headline.getParent().layout(true);
    }

    /** The summary line: rows, damage, lost pages, deleted rows, the filter. */
    String headlineText() {
        TableReader.Summary s = summary;
        int all;
        int liveN;
        synchronized (lock) {
            all = foundCount;
            liveN = liveCount;
        }
        StringBuilder b = new StringBuilder(title).append(": ");
        b.append(String.format(Locale.ROOT, "%,d rows", liveN));
        if (all > liveN) {
            b.append(String.format(Locale.ROOT, " and %,d deleted%s", all - liveN, showDeleted ? " (grey)" : " (hidden)"));
        }
        if (failure != null) {
            b.append("; reading stopped: ").append(failure);
        } else if (s == null) {
            b.append(" (reading…)");
        } else {
            if (s.fromDamaged() > 0) {
                b.append(String.format(Locale.ROOT, "; %,d from damaged pages (tinted)", s.fromDamaged()));
            }
            for (TableReader.LostPage l : s.lost()) {
                b.append("; rows lost on page ").append(l.page()).append(l.slots() >= 0 ? " (about " + l.slots() + " by the slot count)" : "")
                        .append(": ").append(l.reason());
            }
            s.notDecoded().forEach(n -> b.append("; not decoded: ").append(n));
        }
        int[] f = filtered;
        if (f != null) {
            b.append(String.format(Locale.ROOT, "; filter: %,d match", f.length));
        }
        return b.toString();
    }

    private int visibleCount() {
        int[] f = filtered;
        if (f != null) {
            return f.length;
        }
        synchronized (lock) {
            return showDeleted ? foundCount : liveCount;
        }
    }

    private long locationAt(int visible) {
        int[] f = filtered;
        synchronized (lock) {
            int i = f != null ? (visible < f.length ? f[visible] : -1) : showDeleted ? visible : visible < liveCount ? live[visible] : -1;
            return i < 0 || i >= foundCount ? 0 : found[i];
        }
    }

    /** The decoded row shown at a visible position (its page decoded and cached), or null. */
    Row rowAt(int visible) {
        long loc = locationAt(visible);
        if (loc == 0) {
            return null;
        }
        return rowOf(loc);
    }

    private Row rowOf(long loc) {
        PageId id = new PageId((int) (loc >>> 44 & 0xFFFF), loc >>> 12 & 0xFFFF_FFFFL);
        int slot = (int) (loc & 0xFFF);
        Map<Integer, Row> rows;
        synchronized (pages) {
            rows = pages.get(id);
        }
        if (rows == null) {
            rows = new java.util.HashMap<>();
            try {
                for (Row r : reader.pageRows(table, id)) {
                    rows.put(r.slot(), r);
                }
            } catch (IOException e) {
                return null;
            }
            synchronized (pages) {
                pages.put(id, rows);
            }
        }
        return rows.get(slot);
    }

    /** Keeps the rows whose value in the chosen column contains the text (case-insensitive), in a background job. */
    private void applyFilter() {
        String text = value.getText().trim().toLowerCase(Locale.ROOT);
        int col = column.getSelectionIndex();
        if (text.isEmpty() || col < 0) {
            filtered = null;
            refresh();
            return;
        }
        boolean withDeleted = showDeleted;
        Job f = new Job("Filtering the rows of " + title) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                long[] locs;
                synchronized (lock) {
                    locs = java.util.Arrays.copyOf(found, foundCount);
                }
                monitor.beginTask("Filtering " + title, locs.length);
                int[] out = new int[1024];
                int n = 0;
                for (int i = 0; i < locs.length && !monitor.isCanceled(); i++) {
                    if (!withDeleted && (locs[i] & DELETED) != 0) {
                        continue;
                    }
                    Row r = rowOf(locs[i]);
                    String v = r == null ? null : ValueText.text(r.values()[col]);
                    if (v != null && v.toLowerCase(Locale.ROOT).contains(text)) {
                        if (n == out.length) {
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = i;
                    }
                    if (i % 4096 == 0) {
                        monitor.worked(4096);
                    }
                }
                monitor.done();
                if (!monitor.isCanceled()) {
                    filtered = java.util.Arrays.copyOf(out, n);
                    asyncRefresh();
                }
                return Status.OK_STATUS;
            }
        };
        f.schedule();
    }

    /** Opens the row's record in the page editor with its bytes selected. */
    void openRecord(int visible) {
        Row r = rowAt(visible);
        if (r == null) {
            return;
        }
        try {
            PageEditor ed = (PageEditor) getSite().getPage().openEditor(new EvidenceEditorInput(in.file()), PageEditor.ID, true,
                    IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
            ed.showPage(r.page());
            ed.reveal(r.offset(), r.length());
        } catch (PartInitException ex) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", ex.getMessage());
        }
    }

    /** The table's schema.name. */
    public String tableName() {
        return title;
    }

    /** The evidence, its catalog, the table and the reader this editor shows (for exports). */
    public pagelens.core.exam.OpenedEvidence evidence() {
        return evidence;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Catalog.DbObject table() {
        return table;
    }

    public TableReader reader() {
        return reader;
    }

    /** For tests: the NatTable, whether reading is done, the visible row count, the filter. */
    public NatTable natTable() {
        return natTable;
    }

    public boolean done() {
        return summary != null || failure != null;
    }

    public int rowCount() {
        return visibleCount();
    }

    public String headline() {
        return headline.getText();
    }

    public void filter(String columnName, String text) {
        column.select(column.indexOf(columnName));
        value.setText(text);
        applyFilter();
    }

    public void showDeletedRows(boolean show) {
        deleted.setSelection(show);
        showDeleted = show;
        refresh();
    }

    public List<String> cells(int visibleRow) {
        List<String> out = new ArrayList<>();
        Row r = rowAt(visibleRow);
        for (int i = 0; r != null && i < r.values().length; i++) {
            out.add(ValueText.text(r.values()[i]));
        }
        return out;
    }

    @Override
    public void setFocus() {
        natTable.setFocus();
    }

    @Override
    public void dispose() {
        if (job != null) {
            job.cancel();
        }
        if (damagedColour != null) {
            damagedColour.dispose();
            deletedColour.dispose();
        }
        super.dispose();
    }
}

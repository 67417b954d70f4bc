package pagelens.ui.editors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.LogFile;
import pagelens.core.log.LogOperations;
import pagelens.ui.base.Grids;
import pagelens.ui.base.Palette;

/**
 * A transaction log file (.ldf), read without a server by the same core reader as {@code pagelens log}: the summary line, the
 * VLF map (VLFs by file offset: used, never used, damaged), and a virtual table of the records (LSN, operation, context,
 * transaction, previous LSN, page, slot, allocation unit, time and transaction name) that grows as the log is read in the
 * background, with a filter on operation, transaction, page or LSN. Records from a damaged VLF are tinted.
 */
public final class LogEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.log";
    /** Records kept for the table at most (a 2 GB log holds tens of millions; the headline says when the table stops). */
    static final int MAX_RECORDS = 2_000_000;
    private static final String LABEL_DAMAGED = "LOG_DAMAGED";
    private static final String[] COLUMNS = { "LSN", "Operation", "Context", "Transaction", "Previous LSN", "Page", "Slot", "Allocation unit", "Length",
        "Time, transaction name" };

    private EvidenceEditorInput in;
    private final Object lock = new Object();
    private final List<LogFile.Record> records = new ArrayList<>();
    private volatile int[] filtered;
    private volatile LogFile.Result result;
    private volatile String failure;
    /** A word for the user after an action that could not be done (shown at the end of the headline). */
    private volatile String hint;
    private Label headline;
    private Canvas map;
    /** Page 0 of a log file; a backup's log part has none (disabled once the log is read). */
    private Button page0;
    private Text filter;
    private NatTable table;
    private Color damagedColour;
    private Job job;
    private long lastRefresh;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        in = initEvidence(site, input, " (log)");
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        headline = new Label(c, SWT.WRAP);
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        headline.setText("Reading the log " + in.file().getFileName() + "...");
        map = new Canvas(c, SWT.DOUBLE_BUFFERED);
        GridData md = new GridData(SWT.FILL, SWT.TOP, true, false);
        md.heightHint = 34;
        map.setLayoutData(md);
        map.addPaintListener(e -> paintMap(e.gc, map.getSize()));
        map.setToolTipText("VLFs by file offset: blue used (darker: the active part, by sequence number), grey never used, red damaged");
        Composite bar = new Composite(c, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Filter (operation, transaction, page, LSN):");
        filter = new Text(bar, SWT.BORDER | SWT.SEARCH);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.setMessage("LOP_BEGIN_XACT, 0000:00000350, 1:90, 19:186:2");
        Button apply = new Button(bar, SWT.PUSH);
        apply.setText("Filter");
        apply.addListener(SWT.Selection, e -> applyFilter(filter.getText()));
        filter.addListener(SWT.DefaultSelection, e -> applyFilter(filter.getText()));
        page0 = new Button(bar, SWT.PUSH);
        page0.setText("Page 0...");
        page0.setToolTipText("Page 0 of the log (its copy of the database's boot record) in the page editor");
        page0.addListener(SWT.Selection, e -> {
            try {
                getSite().getPage().openEditor(in, PageEditor.ID, true, org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
            } catch (PartInitException x) {
                org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", "Cannot open page 0: " + x.getMessage());
            }
        });
        damagedColour = new Color(c.getDisplay(), Palette.damagedRow());
        org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(c, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Grids.Grid g = Grids.create(sash, Grids.readOnly(COLUMNS.length, this::rowCount, (col, row) -> cell(col, row)),
                Grids.readOnly(COLUMNS.length, () -> 1, (col, row) -> COLUMNS[col]), 120,
                new int[] { 110, 190, 60, 120, 110, 80, 50, 150, 60, 260 }, 60, (labels, col, row) -> {
                    LogFile.Record r = record(row);
                    if (r != null && damaged(r.fileOffset())) {
                        labels.addLabel(LABEL_DAMAGED);
                    }
                }, Map.of(LABEL_DAMAGED, damagedColour));
        table = g.table();
        int[] selected = { -1 };
        g.selection().addLayerListener(e -> {
            if (e instanceof org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent cs && cs.getRowPosition() >= 0) {
                selected[0] = cs.getRowPosition();
            }
        });
        table.addListener(SWT.MouseDoubleClick, e -> openPageOf(record(selected[0])));
        g.selection().addLayerListener(e -> {
            if (e instanceof org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent cs && cs.getRowPosition() >= 0) {
                showRecord(record(cs.getRowPosition()));
            }
        });
        createRecordPane(sash);
        sash.setWeights(62, 38);
        read();
    }

    // ------------------------------------------------------------------ the selected record: its header fields and bytes

    private org.eclipse.swt.widgets.Label recordHeadline;
    private org.eclipse.swt.widgets.Table fieldTable;
    private HexGrid recordGrid;
    private volatile byte[] recordBytes = new byte[0];
    private pagelens.core.log.Logs.RecordReader recordReader;
    private volatile List<pagelens.core.log.LogRecordFields.Field> fields = List.of();
    private int focusStart = -1;
    private int focusEnd = -1;
    private Color fieldBg;
    private Color focusBg;
    private static final String LABEL_FIELD = "LOG_FIELD";
    private static final String LABEL_FOCUS = "LOG_FOCUS";

    private void createRecordPane(Composite parent) {
        Composite pane = new Composite(parent, SWT.NONE);
        pane.setLayout(new GridLayout(2, false));
        recordHeadline = new Label(pane, SWT.NONE);
        recordHeadline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        recordHeadline.setText("Select a record to see its header fields and bytes.");
        fieldTable = new org.eclipse.swt.widgets.Table(pane, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        fieldTable.setHeaderVisible(true);
        GridData fd = new GridData(SWT.FILL, SWT.FILL, false, true);
        fd.widthHint = 520;
        fieldTable.setLayoutData(fd);
        String[] heads = { "Field", "Value", "Offset", "Bytes", "Evidence" };
        int[] widths = { 130, 170, 60, 50, 90 };
        for (int i = 0; i < heads.length; i++) {
            org.eclipse.swt.widgets.TableColumn col = new org.eclipse.swt.widgets.TableColumn(fieldTable, SWT.LEFT);
            col.setText(heads[i]);
            col.setWidth(widths[i]);
        }
        fieldTable.addListener(SWT.Selection, e -> {
            int i = fieldTable.getSelectionIndex();
            List<pagelens.core.log.LogRecordFields.Field> fs = fields;
            if (i >= 0 && i < fs.size()) {
                focusField(fs.get(i).name());
            }
        });
        fieldBg = new Color(parent.getDisplay(), Palette.header(false));
        focusBg = new Color(parent.getDisplay(), new RGB(0x1F, 0x5F, 0xB0));
        Composite hex = new Composite(pane, SWT.NONE);
        hex.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        hex.setLayout(new org.eclipse.swt.layout.FillLayout());
        recordGrid = new HexGrid(hex, new HexGrid.Bytes() {
            @Override
            public int byteAt(int row, int col) {
                byte[] b = recordBytes;
                int at = row * HexGrid.ROW_BYTES + col;
                return at < b.length ? b[at] & 0xFF : -1;
            }

            @Override
            public int rows() {
                return (recordBytes.length + HexGrid.ROW_BYTES - 1) / HexGrid.ROW_BYTES;
            }

            @Override
            public String rowLabel(int row) {
                return String.format("%04X", row * HexGrid.ROW_BYTES);
            }
        }, 48, (labels, row, col) -> {
            int at = row * HexGrid.ROW_BYTES + col;
            if (at >= focusStart && at < focusEnd) {
                labels.add(LABEL_FOCUS);
            } else if (inField(at)) {
                labels.add(LABEL_FIELD);
            }
        }, reg -> {
            HexGrid.background(reg, LABEL_FIELD, fieldBg);
            org.eclipse.nebula.widgets.nattable.style.Style focus = new org.eclipse.nebula.widgets.nattable.style.Style();
            focus.setAttributeValue(org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes.BACKGROUND_COLOR, focusBg);
            focus.setAttributeValue(org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes.FOREGROUND_COLOR,
                    parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            reg.registerConfigAttribute(org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes.CELL_STYLE, focus,
                    org.eclipse.nebula.widgets.nattable.style.DisplayMode.NORMAL, LABEL_FOCUS);
        });
    }

    private boolean inField(int at) {
        for (pagelens.core.log.LogRecordFields.Field f : fields) {
            if (at >= f.offset() && at < f.offset() + f.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shows a record's bytes (read again from the log file, or from the backup's stream, its block fixed up) and its header fields
     * with their evidence (log-record.tsv); the same reader as everywhere else.
     */
    public void showRecord(LogFile.Record r) {
        LogFile.Result res = result;
        if (r == null || recordGrid == null || recordGrid.natTable.isDisposed()) {
            return;
        }
        if (res == null) {
            recordHeadline.setText("Record " + r.lsn() + ": its bytes are shown once the log is read.");
            return;
        }
        try {
            if (recordReader == null) {
                recordReader = pagelens.core.log.Logs.recordReader(in.file(), res); // kept open until the editor closes
            }
            recordBytes = recordReader.bytes(r);
            fields = pagelens.core.log.LogRecordFields.of(recordBytes);
            recordHeadline.setText(String.format(Locale.ROOT, "Record %s%s: %s, %,d bytes at %s offset 0x%X%s", r.lsn(), r.stale() ? " (stale: an earlier use "
                    + "of its VLF)" : "", LogOperations.name(r.operation()), r.length(), res.backup() == null ? "file" : "source .ldf", r.fileOffset(),
                    r.page() == null ? "" : "; page " + r.page() + " (double-click the row to open it)"));
        } catch (IOException | RuntimeException x) {
            recordBytes = new byte[0];
            fields = List.of();
            recordHeadline.setText("Record " + r.lsn() + ": its bytes cannot be read: " + x.getMessage());
        }
        focusStart = -1;
        focusEnd = -1;
        fieldTable.removeAll();
        for (pagelens.core.log.LogRecordFields.Field f : fields) {
            org.eclipse.swt.widgets.TableItem it = new org.eclipse.swt.widgets.TableItem(fieldTable, SWT.NONE);
            it.setText(new String[] { f.name(), f.value(), String.format("0x%02X", f.offset()), Integer.toString(f.length()), f.evidence().name() });
            it.setData(f);
        }
        recordHeadline.getParent().layout(true);
        recordGrid.reset();
        recordGrid.natTable.refresh(false);
    }

    /** Highlights one header field's bytes in the record's hex grid (for tests and the field table). */
    public boolean focusField(String name) {
        for (pagelens.core.log.LogRecordFields.Field f : fields) {
            if (f.name().equals(name)) {
                focusStart = f.offset();
                focusEnd = f.offset() + f.length();
                recordGrid.natTable.refresh(false);
                return true;
            }
        }
        return false;
    }

    /** The selected record's header fields (for tests). */
    public List<pagelens.core.log.LogRecordFields.Field> recordFields() {
        return fields;
    }

    /** The selected record's bytes (for tests). */
    public byte[] recordBytes() {
        return recordBytes.clone();
    }

    /** The record pane's hex grid (for pixel tests). */
    public NatTable recordGrid() {
        return recordGrid.natTable;
    }

    /** The bounds of a byte cell of the record grid, in the grid's coordinates (for pixel tests). */
    public org.eclipse.swt.graphics.Rectangle recordByteBounds(int offset) {
        return recordGrid.natTable.getBoundsByPosition(1 + offset % HexGrid.ROW_BYTES, 1 + offset / HexGrid.ROW_BYTES);
    }

    private void read() {
        job = new Job("Reading the log " + in.file().getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Reading the log " + in.file().getFileName(), IProgressMonitor.UNKNOWN);
                try {
                    // a log file, or the log part of a full backup: the same reading as 'pagelens log' and the scan
                    result = pagelens.core.log.Logs.read(in.file(), r -> {
                        synchronized (lock) {
                            if (records.size() < MAX_RECORDS) {
                                records.add(r);
                            }
                        }
                        if (System.currentTimeMillis() - lastRefresh > 250) {
                            lastRefresh = System.currentTimeMillis();
                            asyncRefresh();
                        }
                    }, new ProgressMonitor() {
                        @Override
                        public boolean isCanceled() {
                            return monitor.isCanceled();
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
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

    private void asyncRefresh() {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().asyncExec(() -> {
                if (table.isDisposed()) {
                    return;
                }
                table.refresh(false);
                LogFile.Result r = result;
                page0.setEnabled(r == null || r.backup() == null);
                String pending = pendingFilter;
                if (pending != null && done()) {
                    pendingFilter = null;
                    showLsn(pagelens.core.log.Lsn.parse(pending));
                }
                headline.setText(headline());
                headline.getParent().layout(true);
                map.redraw();
            });
        }
    }

    /**
     * Opens the data page a record names in the page editor: for a backup's log part the page in that backup; for a log file
     * when a data file of that file id is open as evidence (the file id from its examination), otherwise the headline says
     * what to open.
     */
    public boolean openPageOf(LogFile.Record r) {
        if (r == null || r.page() == null) {
            return false;
        }
        LogFile.Result res = result;
        if (res != null && res.backup() != null) {
            return showPageIn(in, r.page()); // a backup's log part: the page is in the same backup, as it was backed up
        }
        for (pagelens.ui.model.EvidenceItem item : pagelens.ui.model.EvidenceRegistry.get().items()) {
            pagelens.core.exam.Examination e = item.examination();
            if (e != null && "data file".equals(e.fileKind()) && e.fileId() == r.page().fileId()) {
                return showPageIn(new EvidenceEditorInput(item.path()), r.page());
            }
        }
        hint = "to see page " + r.page() + ", open its data file (file id " + r.page().fileId() + ") as evidence too";
        headline.setText(headline());
        headline.getParent().layout(true);
        return false;
    }

    /** Opens {@code page} of {@code evidence} in the page editor; on failure the headline says why. */
    private boolean showPageIn(EvidenceEditorInput evidence, pagelens.core.page.PageId page) {
        try {
            PageEditor ed = (PageEditor) getSite().getPage().openEditor(evidence, PageEditor.ID, true,
                    org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
            ed.showPage(page);
            return true;
        } catch (PartInitException | ClassCastException x) {
            hint = "cannot open page " + page + " of " + evidence.file().getFileName() + ": " + x.getMessage();
            headline.setText(headline());
            return false;
        }
    }

    /** The summary line: what pagelens log prints first. */
    public String headline() {
        LogFile.Result r = result;
        int n;
        synchronized (lock) {
            n = records.size();
        }
        int[] f = filtered;
        String shown = f == null ? "" : String.format(Locale.ROOT, "; filter: %,d of them shown", f.length);
        if (failure != null) {
            return in.file().getFileName() + ": cannot be read as a log: " + failure;
        }
        if (r == null) {
            return String.format(Locale.ROOT, "%s: reading... %,d records so far%s", in.file().getFileName(), n, shown);
        }
        long bad = r.problems().stream().filter(p -> p.kind() == LogFile.Kind.CHECKSUM).count();
        return String.format(Locale.ROOT, "%s: %s of a database of version %d; %d VLFs, %d used; %,d blocks (%,d empty), %,d records%s; LSN range %s - %s; "
                + "checkpoint (%s) %s%s; log block checksums: %,d of %,d blocks carry one, %s; %d problem(s)%s", in.file().getFileName(),
                r.backup() == null ? "log" : "the log part of a full backup", r.dbiVersion(),
                r.vlfs().size(), r.usedVlfs(), r.blocks(), r.emptyBlocks(), r.records(), r.records() > MAX_RECORDS
                        ? String.format(Locale.ROOT, " (the first %,d in the table: pagelens log --records lists all)", MAX_RECORDS) : "",
                r.first() == null ? "(none)" : r.first(), r.last() == null ? "(none)" : r.last(), r.backup() == null ? "page 0" : "SCIN",
                r.checkpoint(), r.checkpointIsBeginCheckpoint() ? " (a LOP_BEGIN_CKPT record)" : r.records() == 0 ? " (no records to find it in)"
                        : " (NOT found as LOP_BEGIN_CKPT)",
                r.checksummedBlocks(), r.blocks(), bad == 0 ? "every one holds" : bad + " do not hold", r.problems().size(), shown)
                + (hint == null ? "" : " | " + hint);
    }

    private boolean damaged(long fileOffset) {
        LogFile.Result r = result;
        if (r == null || r.problems().isEmpty()) {
            return false;
        }
        for (LogFile.Vlf v : r.vlfs()) {
            if (fileOffset >= v.offset() && fileOffset < v.offset() + v.size()) {
                return r.problems().stream().anyMatch(p -> p.offset() >= v.offset() && p.offset() < v.offset() + v.size());
            }
        }
        return false;
    }

    private void paintMap(GC gc, Point size) {
        LogFile.Result r = result;
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (r == null || r.vlfs().isEmpty()) {
            return;
        }
        LogFile.Vlf lastVlf = r.vlfs().get(r.vlfs().size() - 1);
        long end = lastVlf.offset() + lastVlf.size();
        long maxSeq = r.vlfs().stream().mapToLong(LogFile.Vlf::seqNo).max().orElse(0);
        for (LogFile.Vlf v : r.vlfs()) {
            int x0 = (int) (v.offset() * (size.x - 1) / end);
            int x1 = Math.max(x0 + 1, (int) ((v.offset() + v.size()) * (size.x - 1) / end));
            boolean bad = r.problems().stream().anyMatch(p -> p.offset() >= v.offset() && p.offset() < v.offset() + v.size());
            RGB rgb = bad ? Palette.health(pagelens.core.scan.PageStatus.DAMAGED)
                    : v.seqNo() == 0 ? new RGB(0xD0, 0xD0, 0xD0) : v.seqNo() == maxSeq ? new RGB(0x15, 0x65, 0xC0) : new RGB(0x90, 0xB8, 0xE8);
            Color col = new Color(gc.getDevice(), rgb);
            gc.setBackground(col);
            gc.fillRectangle(x0, 2, x1 - x0, size.y - 4);
            col.dispose();
            gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawRectangle(x0, 2, x1 - x0, size.y - 5);
            String label = v.seqNo() == 0 ? "" : String.valueOf(v.seqNo());
            if (gc.textExtent(label).x + 6 < x1 - x0) {
                gc.setForeground(gc.getDevice().getSystemColor(v.seqNo() == maxSeq || bad ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
                gc.drawText(label, x0 + 4, (size.y - gc.textExtent(label).y) / 2, true);
            }
        }
    }

    /**
     * Keeps the records a filter names: a page ({@code 1:90}) the records of that page, an LSN ({@code 19:186:2}) that record, a
     * transaction ({@code 0000:00000350}) its records, anything else the records whose operation name contains it.
     */
    private void applyFilter(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            filtered = null;
        } else {
            java.util.function.Predicate<LogFile.Record> p = filterOf(t);
            List<Integer> keep = new ArrayList<>();
            synchronized (lock) {
                for (int i = 0; i < records.size(); i++) {
                    if (p.test(records.get(i))) {
                        keep.add(i);
                    }
                }
            }
            filtered = keep.stream().mapToInt(Integer::intValue).toArray();
        }
        table.refresh(false);
        headline.setText(headline());
        headline.getParent().layout(true);
    }

    private static java.util.function.Predicate<LogFile.Record> filterOf(String t) {
        if (t.matches("(?i)[0-9a-f]{1,4}:[0-9a-f]{8}")) {
            String x = t.toLowerCase(Locale.ROOT);
            return r -> LogFile.transactionText(r.transactionId()).equals(x);
        }
        if (t.matches("\\d+:\\d+")) {
            pagelens.core.page.PageId page = pagelens.core.page.PageId.parse(t);
            return r -> page.equals(r.page());
        }
        if (t.matches("\\d+:\\d+:\\d+")) {
            String lsn = pagelens.core.log.Lsn.parse(t).toString();
            return r -> r.lsn().toString().equals(lsn);
        }
        String op = t.toUpperCase(Locale.ROOT);
        return r -> LogOperations.name(r.operation()).contains(op);
    }

    /** Applies a filter as the filter field does (for tests). */
    public void filter(String text) {
        filter.setText(text);
        applyFilter(text);
    }

    /** A filter to apply once the log is read (the boot page's checkpoint, asked for before the reading ends). */
    private volatile String pendingFilter;

    /** Shows one record by its LSN: now when the log is read, else as soon as it is; its fields and bytes below. */
    public void showLsn(pagelens.core.log.Lsn lsn) {
        if (done()) {
            filter(lsn.toString());
            if (rowCount() > 0) {
                showRecord(record(0));
            } else {
                hint = "no record " + lsn + " in this log";
                headline.setText(headline());
            }
        } else {
            pendingFilter = lsn.toString();
            filter.setText(pendingFilter);
        }
    }

    /** Rows shown (the filter's, or every record kept). */
    public int rowCount() {
        int[] f = filtered;
        if (f != null) {
            return f.length;
        }
        synchronized (lock) {
            return records.size();
        }
    }

    /** The record of a shown row. */
    public LogFile.Record record(int row) {
        int[] f = filtered;
        synchronized (lock) {
            int i = f == null ? row : row < f.length ? f[row] : -1;
            return i >= 0 && i < records.size() ? records.get(i) : null;
        }
    }

    private Object cell(int col, int row) {
        LogFile.Record r = record(row);
        return r == null ? "" : cellOf(r, col);
    }

    /**
     * An allocation unit with its object's name when an open data file or backup's catalog lists it (the catalog issue: the
     * same owner text as the findings), else its id.
     */
    private static String unitText(long au) {
        if (au == 0) {
            return "";
        }
        for (pagelens.ui.model.EvidenceItem item : pagelens.ui.model.EvidenceRegistry.get().items()) {
            pagelens.core.exam.Examination e = item.examination();
            String name = e == null ? null : pagelens.report.OwnerText.unit(e.catalog(), au);
            if (name != null) {
                return name + " (" + au + ")";
            }
        }
        return Long.toString(au);
    }

    private static Object cellOf(LogFile.Record r, int col) {
        return switch (col) {
            case 0 -> r.lsn().toString();
            case 1 -> LogOperations.name(r.operation());
            case 2 -> String.format(Locale.ROOT, "0x%02X", r.context() & 0xFF);
            case 3 -> LogFile.transactionText(r.transactionId());
            case 4 -> r.previous().toString();
            case 5 -> r.page() == null ? "" : r.page().toString();
            case 6 -> r.page() == null ? "" : Integer.toString(r.pageSlot());
            case 7 -> unitText(r.allocationUnit());
            case 8 -> Integer.toString(r.length());
            default -> (r.time() == null ? "" : r.time().toString().replace('T', ' ')) + (r.transactionName() == null ? "" : " " + r.transactionName());
        };
    }

    /** The shown row's cells as text (for tests). */
    public List<String> cells(int row) {
        List<String> out = new ArrayList<>();
        for (int col = 0; col < COLUMNS.length; col++) {
            out.add(String.valueOf(cell(col, row)));
        }
        return out;
    }

    public boolean done() {
        return result != null || failure != null;
    }

    public NatTable natTable() {
        return table;
    }

    public Canvas vlfMap() {
        return map;
    }

    public LogFile.Result result() {
        return result;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (job != null) {
            job.cancel();
        }
        if (damagedColour != null) {
            damagedColour.dispose();
        }
        if (fieldBg != null) {
            fieldBg.dispose();
            focusBg.dispose();
        }
        if (recordReader != null) {
            try {
                recordReader.close();
            } catch (IOException e) {
                // closing a read-only source: nothing to keep
            }
        }
        super.dispose();
    }
}

package pagelens.ui.editors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import pagelens.core.boot.BootLayouts;
import pagelens.core.preflight.Preflight;
import pagelens.report.PreflightOutputs;
import pagelens.report.PreflightPdf;
import pagelens.ui.base.Grids;
import pagelens.ui.base.MonitorAdapter;
import pagelens.ui.base.Palette;
import pagelens.ui.model.EvidenceRegistry;

/**
 * The migration preflight in the workbench: the same check as {@code pagelens preflight} (core {@link Preflight}) over the
 * chosen files and folders in a background job with progress and cancel; one row per database in a NatTable coloured by
 * verdict, sorted by a click on a column header, filtered by a text; a double-click opens the database's backup editor or
 * boot page; Export... writes the same PDF, CSV or JSON as the command line.
 */
public final class PreflightEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.preflight";
    static final String[] COLUMNS = { "Verdict", "Database", "File", "Kind", "Server", "Database version", "In-Memory OLTP", "Memory-optimized filegroup",
        "Integrity", "Failing rules" };

    private PreflightInput in;
    private final Object lock = new Object();
    private final List<Preflight.Row> all = new ArrayList<>();
    private List<Preflight.Row> shown = List.of();
    private int sortColumn = 0;
    private boolean descending;
    private String filter = "";
    private volatile int skipped = -1;
    private volatile String failure;
    private int files;
    private Label headline;
    private Text filterText;
    private NatTable natTable;
    private SelectionLayer selection;
    private int selected = -1;
    private final Color[] verdictColours = new Color[3];
    private Job job;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof PreflightInput p)) {
            throw new PartInitException("not a preflight: " + input);
        }
        setSite(site);
        setInput(input);
        in = p;
        setPartName("Preflight: " + p.target().label());
        setTitleToolTip(p.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        headline = new Label(root, SWT.WRAP);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Filter:");
        filterText = new Text(bar, SWT.BORDER | SWT.SEARCH);
        filterText.setMessage("any column contains");
        filterText.setLayoutData(new GridData(260, SWT.DEFAULT));
        filterText.addListener(SWT.Modify, e -> {
            filter = filterText.getText().trim().toLowerCase(Locale.ROOT);
            refresh();
        });
        Button export = new Button(bar, SWT.PUSH);
        export.setText("Export...");
        export.setToolTipText("The same PDF, CSV or JSON as 'pagelens preflight --pdf/--csv/--json'");
        export.addListener(SWT.Selection, e -> chooseExport());
        verdictColours[0] = new Color(Palette.verdict(Preflight.Outcome.PASS));
        verdictColours[1] = new Color(Palette.verdict(Preflight.Outcome.WARN));
        verdictColours[2] = new Color(Palette.verdict(Preflight.Outcome.FAIL));
        createTable(root);
        refresh();
        run();
    }

    private void createTable(Composite root) {
        IDataProvider body = Grids.readOnly(COLUMNS.length, () -> shown.size(), (col, row) -> {
            List<Preflight.Row> s = shown;
            return row < s.size() ? cell(s.get(row), col) : "";
        });
        IDataProvider header = Grids.readOnly(COLUMNS.length, () -> 1, (col, row) -> COLUMNS[col] + (col == sortColumn ? (descending ? " ▼" : " ▲") : ""));
        java.util.Map<String, Color> backgrounds = new java.util.HashMap<>();
        String[] names = { "PASS", "WARN", "FAIL" };
        for (int i = 0; i < names.length; i++) {
            backgrounds.put("VERDICT_" + names[i], verdictColours[i]);
        }
        Grids.Grid grid = Grids.create(root, body, header, 120, new int[] { 70, 140, 300, 130, 110, 110, 110, 150, 110, 260 }, 50, (labels, col, row) -> {
            List<Preflight.Row> s = shown;
            if (row < s.size()) {
                labels.add("VERDICT_" + s.get(row).verdict().name());
            }
        }, backgrounds);
        natTable = grid.table();
        selection = grid.selection();
        selection.addLayerListener(event -> {
            if (event instanceof CellSelectionEvent c && c.getRowPosition() >= 0) {
                selected = c.getRowPosition();
            }
        });
        natTable.addListener(SWT.MouseDoubleClick, e -> open(selected));
        // a click on a column header sorts by that column (again: the other way)
        natTable.addListener(SWT.MouseDown, e -> {
            if (natTable.getRowPositionByY(e.y) == 0) {
                int col = natTable.getColumnIndexByPosition(natTable.getColumnPositionByX(e.x));
                if (col >= 0) {
                    sortBy(col);
                }
            }
        });
    }

    /** The text of a cell. */
    static String cell(Preflight.Row r, int col) {
        return switch (col) {
            case 0 -> r.verdict().name();
            case 1 -> r.database() == null ? (r.error() != null ? "cannot be checked: " + r.error() : "?") : r.database();
            case 2 -> String.valueOf(r.path());
            case 3 -> nz(r.kind());
            case 4 -> nz(r.serverVersion());
            case 5 -> r.databaseVersion() == null ? "" : r.databaseVersion().toString();
            case 6 -> nz(r.hekaton());
            case 7 -> nz(r.filegroup());
            case 8 -> nz(r.integrity());
            default -> String.join(" ", r.failing().stream().map(Preflight.Check::rule).toList());
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Sorts the rows by a column (clicking the sorted column again turns the order round). */
    public void sortBy(int col) {
        descending = col == sortColumn && !descending;
        sortColumn = col;
        refresh();
    }

    private void run() {
        job = new Job("Migration preflight for " + in.target().label()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<Preflight.Input> inputs = Preflight.files(in.paths());
                    files = inputs.size();
                    skipped = Preflight.run(inputs, in.target(), in.verify(), Runtime.getRuntime().availableProcessors(),
                            BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder()), r -> {
                                synchronized (lock) {
                                    all.add(r);
                                }
                                asyncRefresh();
                            }, new MonitorAdapter(monitor, f -> {
                            }));
                } catch (pagelens.core.io.CanceledException e) {
                    failure = "cancelled";
                } catch (InterruptedException e) {
                    failure = "cancelled";
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    failure = e.getMessage();
                }
                asyncRefresh();
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
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
        List<Preflight.Row> rows;
        synchronized (lock) {
            rows = new ArrayList<>(all);
        }
        if (!filter.isEmpty()) {
            rows.removeIf(r -> {
                for (int c = 0; c < COLUMNS.length; c++) {
                    if (cell(r, c).toLowerCase(Locale.ROOT).contains(filter)) {
                        return false;
                    }
                }
                return true;
            });
        }
        Comparator<Preflight.Row> by = sortColumn == 0 ? Comparator.comparingInt(PreflightEditor::rank)
                : sortColumn == 5 ? Comparator.comparingInt(r -> r.databaseVersion() == null ? -1 : r.databaseVersion())
                : Comparator.comparing(r -> cell(r, sortColumn).toLowerCase(Locale.ROOT));
        rows.sort(descending ? by.reversed() : by.thenComparing(r -> String.valueOf(r.path())));
        shown = List.copyOf(rows);
        natTable.refresh(false);
        headline.setText(headlineText());
        headline.getParent().layout(true);
    }

    private static int rank(Preflight.Row r) {
        return switch (r.verdict()) {
            case FAIL -> 0;
            case WARN -> 1;
            default -> 2;
        };
    }

    /** Target, counts, progress. */
    String headlineText() {
        Preflight.Tally t = new Preflight.Tally();
        int n;
        synchronized (lock) {
            all.forEach(t);
            n = all.size();
        }
        String state = failure != null ? "; stopped: " + failure : skipped < 0 ? String.format(Locale.ROOT, " (checking: %,d of %,d file(s))", n, files)
                : skipped > 0 ? String.format(Locale.ROOT, "; %,d file(s) in the folders are not backups or data files", skipped) : "";
        return String.format(Locale.ROOT, "%s (database versions up to %d %s): %d fail, %d pass with warnings, %d pass%s%s", in.target().label(),
                in.target().maxVersion(), in.target().evidence().tag(), t.fail(), t.warn(), t.pass(), state,
                shown.size() < n ? String.format(Locale.ROOT, "; filter: %d shown", shown.size()) : "");
    }

    /** Opens a row's database: its backup editor, or its boot page. */
    void open(int row) {
        List<Preflight.Row> s = shown;
        if (row < 0 || row >= s.size() || s.get(row).path() == null) {
            return;
        }
        Path p = s.get(row).path();
        EvidenceRegistry.get().open(p);
        try {
            String id = pagelens.core.identify.Identifier.isReadableBackup(p) ? BackupEditor.ID : BootPageEditor.ID;
            getSite().getPage().openEditor(new EvidenceEditorInput(p), id, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", e.getMessage());
        }
    }

    private void chooseExport() {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setText("Export the preflight");
        d.setFilterNames(new String[] { "PDF summary", "CSV", "JSON" });
        d.setFilterExtensions(new String[] { "*.pdf", "*.csv", "*.json" });
        d.setFileName("preflight-" + in.target().id() + ".pdf");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        try {
            export(Path.of(chosen));
        } catch (IOException | RuntimeException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Export", "The preflight could not be exported: " + e.getMessage());
        }
    }

    /** Writes the results as the command line does: PDF, CSV or JSON by the file's extension. */
    public void export(Path out) throws IOException {
        List<Preflight.Row> rows;
        synchronized (lock) {
            rows = new ArrayList<>(all);
        }
        rows.sort(Comparator.comparing(r -> String.valueOf(r.path()))); // the command line's order: file order
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            PreflightPdf.write(in.target(), rows, in.paths(), out);
            return;
        }
        boolean json = name.endsWith(".json");
        try (PreflightOutputs o = new PreflightOutputs(in.target(), json ? out : null, json ? null : out, in.paths())) {
            rows.forEach(o);
            o.finish(Math.max(0, skipped));
        }
    }

    /** For tests: the rows in the order shown, done, the table. */
    public List<Preflight.Row> shownRows() {
        return shown;
    }

    public boolean done() {
        return skipped >= 0 || failure != null;
    }

    public NatTable natTable() {
        return natTable;
    }

    public String headline() {
        return headline.getText();
    }

    public void setFilter(String text) {
        filterText.setText(text);
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
        for (Color c : verdictColours) {
            if (c != null) {
                c.dispose();
            }
        }
        super.dispose();
    }
}

package pagelens.ui.editors;

import java.io.IOException;
import java.util.ArrayList;
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
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.xtp.XtpBlocks;
import pagelens.core.xtp.XtpContainer;
import pagelens.core.xtp.XtpDmv;
import pagelens.ui.base.MonitorAdapter;

/**
 * The In-Memory OLTP container browser: every checkpoint file of a container folder with GUID, size, used length,
 * unused zero tail, blocks, records, the type its block sizes suggest and its findings; totals and the plain statement
 * that block checksums cannot be verified. The scan runs in a background job. Read-only; the format logic is in
 * {@link XtpContainer}. Double-click opens a file in the block view.
 */
public final class ContainerEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.container";
    static final String LABEL_BAD = "BAD";
    static final String[] COLUMNS = { "File", "Pair " + pagelens.core.Evidence.DMV.tag(), "GUID", "Size", "Used " + pagelens.core.Evidence.EMPIRICAL.tag(), "Unused (zero)", "Blocks", "Records",
            "Type [inferred]", "Findings" };
    private java.util.Map<XtpContainer.CheckpointFile, String> pairs = java.util.Map.of();

    private EvidenceEditorInput in;
    private Label headline;
    private Label note;
    private NatTable table;
    private Text details;
    private SelectionLayer selection;
    private volatile XtpContainer.Scan scan;
    private final List<XtpContainer.CheckpointFile> rows = new ArrayList<>();
    private Color bad;
    private int selected = -1;
    private org.eclipse.swt.widgets.Button importButton;
    private volatile XtpDmv.Import dmv;
    private List<Finding> cross = List.of();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        in = initEvidence(site, input, " (container)");
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        headline = new Label(root, SWT.WRAP);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        headline.setText("Checking the checkpoint files of " + in.file() + " ...");
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        importButton = new org.eclipse.swt.widgets.Button(bar, SWT.PUSH);
        importButton.setText("Import DMV export...");
        importButton.setToolTipText("A CSV export of sys.dm_db_xtp_checkpoint_files with its header row (SSMS with column headers, or sqlcmd -s\",\" -W)");
        importButton.addListener(SWT.Selection, e -> chooseDmv());
        note = new Label(bar, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        note.setText("Block checksums are not verified: the algorithm is not public. Types are inferred from block sizes until a "
                + "sys.dm_db_xtp_checkpoint_files export is imported (types, states, pairs, cross-check, memory estimate).");
        bad = new Color(new RGB(0xFF, 0xCD, 0xD2));
        IDataProvider body = pagelens.ui.base.Grids.readOnly(COLUMNS.length, rows::size, (col, row) -> cell(rows.get(row), col));
        IDataProvider header = pagelens.ui.base.Grids.readOnly(COLUMNS.length, () -> 1, (col, row) -> COLUMNS[col]);
        pagelens.ui.base.Grids.Grid grid = pagelens.ui.base.Grids.create(root, body, header, 110, new int[] { 200, 110, 270, 100, 120, 110, 60, 70, 270, 70 },
                40, (labels, col, row) -> {
                    if (row < rows.size() && (rows.get(row).walk().findings().stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))
                            || cross.stream().anyMatch(f -> f.location().evidence().equals(rows.get(row).path()) && f.severity().atLeast(Severity.WARNING)))) {
                        labels.add(LABEL_BAD);
                    }
                }, java.util.Map.of(LABEL_BAD, bad));
        table = grid.table();
        selection = grid.selection();
        selection.addLayerListener(event -> {
            if (event instanceof CellSelectionEvent c && c.getRowPosition() >= 0 && c.getRowPosition() < rows.size()) {
                selected = c.getRowPosition();
                showDetails(rows.get(selected));
            }
        });
        table.addListener(SWT.MouseDoubleClick, e -> {
            if (selected >= 0 && selected < rows.size()) {
                try {
                    getSite().getPage().openEditor(new EvidenceEditorInput(rows.get(selected).path()), CheckpointFileEditor.ID, true,
                            org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
                } catch (PartInitException ex) {
                    org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", ex.getMessage());
                }
            }
        });
        details = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        details.setFont(JFaceResources.getTextFont());
        GridData dd = new GridData(SWT.FILL, SWT.FILL, true, false);
        dd.heightHint = 180;
        details.setLayoutData(dd);
        details.setText("Select a file to see its blocks and findings; double-click opens its bytes.");
        root.addDisposeListener(e -> bad.dispose());
        // the evidence job checks the folder once; this editor shows its result (opened without one, it checks itself)
        pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().items().stream()
                .filter(x -> x.path().equals(in.file())).findFirst().orElse(null);
        if (item != null) {
            java.util.function.Consumer<pagelens.ui.model.EvidenceItem> l = x -> {
                if (x == item && (x.xtpScan() != null || x.xtpError() != null)) {
                    Display.getDefault().asyncExec(() -> {
                        if (scan == null && !headline.isDisposed()) {
                            scan = x.xtpScan();
                            show(x.xtpScan(), x.xtpError());
                        }
                    });
                }
            };
            pagelens.ui.model.EvidenceRegistry.get().addListener(l);
            root.addDisposeListener(e -> pagelens.ui.model.EvidenceRegistry.get().removeListener(l));
            l.accept(item);
            return;
        }
        Job job = new Job("Checking checkpoint files in " + in.file()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    XtpContainer.Scan s = XtpContainer.scan(in.file(), new MonitorAdapter(monitor, f -> {
                    }));
                    scan = s;
                    Display.getDefault().asyncExec(() -> show(s, null));
                } catch (pagelens.core.io.CanceledException e) {
                    Display.getDefault().asyncExec(() -> show(null, "check canceled"));
                    return Status.CANCEL_STATUS;
                } catch (IOException | RuntimeException e) {
                    Display.getDefault().asyncExec(() -> show(null, e.getMessage()));
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(false);
        job.schedule();
    }

    private void chooseDmv() {
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.OPEN);
        d.setText("Import a sys.dm_db_xtp_checkpoint_files export");
        d.setFilterExtensions(new String[] { "*.csv;*.txt", "*" });
        String f = d.open();
        if (f != null) {
            importDmv(java.nio.file.Paths.get(f));
        }
    }

    /** Reads the export, cross-checks it with the scan and shows types, states and the estimate (also for tests). */
    public void importDmv(java.nio.file.Path csv) {
        XtpContainer.Scan s = scan;
        if (s == null) {
            headline.setText("Wait for the check of the folder to finish, then import the DMV export.");
            return;
        }
        try {
            XtpDmv.Import i = XtpDmv.read(csv);
            dmv = i;
            cross = XtpDmv.crossCheck(i, s);
            for (pagelens.ui.model.EvidenceItem item : pagelens.ui.model.EvidenceRegistry.get().items()) {
                if (item.path().equals(in.file())) {
                    List<Finding> all = new ArrayList<>(s.findings());
                    all.addAll(cross);
                    item.setFindings(all);
                    pagelens.ui.model.EvidenceRegistry.get().changed(item);
                }
            }
            show(s, null);
        } catch (IOException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Import DMV export", e.getMessage());
        }
    }

    /** The value of a body cell by row and column index (tests; the table may scroll columns out of view). */
    public Object cellValue(int row, int col) {
        return cell(rows.get(row), col);
    }

    Object cell(XtpContainer.CheckpointFile f, int col) {
        XtpBlocks.FileWalk w = f.walk();
        XtpDmv.Row r = XtpDmv.rowFor(dmv, f);
        if (col == 8 && r != null) {
            return r.typeName() + " " + r.stateName() + " " + pagelens.core.Evidence.DMV.tag();
        }
        return switch (col) {
            case 0 -> f.relative();
            case 1 -> pairs.getOrDefault(f, "");
            case 2 -> f.guid() == null ? "-" : f.guid();
            case 3 -> String.format(Locale.ROOT, "%,d", f.size());
            case 4 -> String.format(Locale.ROOT, "%,d", w.dataEnd());
            case 5 -> String.format(Locale.ROOT, "%,d", w.zeroTail());
            case 6 -> w.blocks().size();
            case 7 -> String.format(Locale.ROOT, "%,d", w.rows());
            case 8 -> w.inferredKind();
            default -> w.findings().size();
        };
    }

    private void show(XtpContainer.Scan s, String error) {
        if (headline.isDisposed()) {
            return;
        }
        if (s == null) {
            headline.setText("Not checked: " + error);
            return;
        }
        rows.clear();
        // with a DMV import, data files are followed by their delta files
        pairs = XtpDmv.inPairs(dmv, s.files());
        rows.addAll(pairs.keySet());
        long errors = java.util.stream.Stream.concat(s.findings().stream(), cross.stream()).filter(f -> f.severity().atLeast(Severity.ERROR)).count();
        headline.setText(String.format(Locale.ROOT, "%s - %d checkpoint files, %,d bytes, %,d blocks, %,d records%s",
                s.layout().label(), s.files().size(), s.totalSize(), s.files().stream().mapToInt(f -> f.walk().blocks().size()).sum(),
                s.files().stream().mapToInt(f -> f.walk().rows()).sum(),
                errors == 0 ? "; no structural damage found" : String.format(Locale.ROOT, "; %d structural error%s", errors, errors == 1 ? "" : "s")));
        note.setText("Block checksums: " + s.checksums() + ". Types are inferred from block sizes until a "
                + "sys.dm_db_xtp_checkpoint_files export is imported (types, states, pairs, cross-check, memory estimate).");
        note.getParent().layout(true);
        StringBuilder sb = new StringBuilder();
        if (dmv != null) {
            XtpDmv.MemoryEstimate m = XtpDmv.estimate(dmv);
            headline.setText(headline.getText() + String.format(Locale.ROOT, "; memory estimate %,d bytes (%,d after deleted rows)", m.usedBytes(),
                    m.afterDeletes()));
            sb.append("DMV export ").append(dmv.csv()).append(": ").append(dmv.rows().size()).append(" rows\n");
            sb.append("Memory estimate: ").append(m.method()).append("\n  ").append(m.uncertainty()).append('\n');
        }
        for (Finding f : java.util.stream.Stream.concat(s.findings().stream(), cross.stream()).toList()) {
            if (f.location().evidence().equals(s.root()) || cross.contains(f)) {
                sb.append(f.severity().id().toUpperCase(Locale.ROOT)).append(' ').append(f.ruleId()).append(": ").append(f.title()).append('\n');
            }
        }
        if (sb.length() > 0) {
            details.setText(sb.toString());
        }
        headline.getParent().layout(true, true);
        table.refresh();
    }

    private void showDetails(XtpContainer.CheckpointFile f) {
        XtpBlocks.FileWalk w = f.walk();
        StringBuilder sb = new StringBuilder();
        sb.append(f.relative()).append(String.format(Locale.ROOT, "  %,d bytes, %s%s%n", f.size(), w.inferredKind(),
                w.claimedHeader() ? ", starts with a CKPT file header " + pagelens.core.Evidence.CLAIMED.tag() : ""));
        for (Finding x : w.findings()) {
            sb.append(String.format(Locale.ROOT, "%-8s %-22s %s%n", x.severity().id().toUpperCase(Locale.ROOT), x.ruleId(), x.title()));
        }
        sb.append(String.format(Locale.ROOT, "%-12s %-6s %-10s %-10s %-10s %-8s%n", "offset", "type", "size", "len +32", "len +36", "records"));
        int shown = 0;
        for (XtpBlocks.Block b : w.blocks()) {
            if (shown++ == 500) {
                sb.append(String.format(Locale.ROOT, "... %,d more blocks%n", w.blocks().size() - 500));
                break;
            }
            sb.append(String.format(Locale.ROOT, "0x%010X 0x%04X 0x%08X 0x%08X 0x%08X %,8d%s%n", b.offset(), b.type(), b.size(), b.length1(),
                    b.length2(), b.rows(), b.cut() ? "  (cut by the end of the file)" : ""));
        }
        details.setText(sb.toString());
    }

    /** The scan shown, or null while it runs (tests). */
    public XtpContainer.Scan scan() {
        return scan;
    }

    /** The table (tests read its pixels). */
    public NatTable table() {
        return table;
    }

    public String headlineText() {
        return headline.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

}

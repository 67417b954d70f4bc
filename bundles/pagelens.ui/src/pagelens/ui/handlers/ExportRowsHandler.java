package pagelens.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.report.RowsExport;
import pagelens.ui.base.MonitorAdapter;
import pagelens.ui.editors.TableRowsEditor;

/**
 * File &gt; Export Table Rows...: the rows of the table open in the active rows editor, written as CSV or JSON lines with
 * a summary beside them ({@link RowsExport}, as {@code pagelens rows --csv} writes them), in a background job with progress
 * and cancel.
 */
public final class ExportRowsHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof TableRowsEditor ed)) {
            MessageDialog.openInformation(shell, "Export Table Rows", "Open a table's rows first: double-click a table in the Evidence explorer.");
            return null;
        }
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Export the rows of " + ed.tableName());
        d.setFilterNames(new String[] { "CSV (RFC 4180)", "JSON lines" });
        d.setFilterExtensions(new String[] { "*.csv", "*.jsonl" });
        d.setFileName(ed.tableName().replaceAll("[^A-Za-z0-9._ -]", "_") + ".csv");
        d.setOverwrite(false);
        String chosen = d.open();
        if (chosen == null) {
            return null;
        }
        export(ed, Path.of(chosen), !chosen.toLowerCase(Locale.ROOT).endsWith(".jsonl"), shell.getDisplay());
        return null;
    }

    /** Runs the export in a job; says the result (or the reason it failed) when done. */
    public static Job export(TableRowsEditor ed, Path target, boolean csv, Display display) {
        Job job = new Job("Exporting the rows of " + ed.tableName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String message;
                boolean ok;
                try {
                    ObjectNode s = RowsExport.write(ed.evidence(), ed.catalog(), ed.table(), ed.reader(), target, csv, false, 0,
                            new MonitorAdapter(monitor, f -> {
                            }));
                    ok = true;
                    message = String.format(Locale.ROOT, "%,d rows written to %s (%,d from damaged pages, %,d pages lost).%nSummary: %s",
                            s.get("rows").asLong(), target, s.get("rowsFromDamagedPages").asLong(), s.get("lostPages").size(), RowsExport.sidecar(target));
                } catch (pagelens.core.io.CanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (IOException | RuntimeException e) {
                    ok = false;
                    message = "The rows could not be exported: " + e.getMessage();
                }
                boolean done = ok;
                String text = message;
                lastResult = text;
                if (display != null && !display.isDisposed()) { // null: no dialog (tests)
                    display.asyncExec(() -> {
                        if (done) {
                            MessageDialog.openInformation(display.getActiveShell(), "Export Table Rows", text);
                        } else {
                            MessageDialog.openError(display.getActiveShell(), "Export Table Rows", text);
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** The last export's message (tests). */
    public static volatile String lastResult;
}

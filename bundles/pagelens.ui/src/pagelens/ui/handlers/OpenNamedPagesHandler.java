package pagelens.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import pagelens.core.exam.Examination;
import pagelens.core.findings.ServerMessages;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceRegistry;

/**
 * File &gt; Open Pages Named by the Server...: a DBCC CHECKDB output, an error log or a suspect_pages export is read, and
 * the pages it names are listed against the evidence in the active page editor (or the one database evidence open).
 */
public final class OpenNamedPagesHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Examination e = target(window);
        if (e == null) {
            MessageDialog.openInformation(window.getShell(), "PageLens", "Open the data file or backup the server's messages are about first "
                    + "(and wait for its examination), or show one of its pages in the page editor.");
            return null;
        }
        FileDialog d = new FileDialog(window.getShell(), SWT.OPEN);
        d.setText("Pages named by the server: DBCC CHECKDB output, error log or suspect_pages (CSV)");
        d.setFilterExtensions(new String[] { "*.*", "*.txt;*.log;*.csv;*.tsv;ERRORLOG*" });
        String f = d.open();
        if (f == null) {
            return null;
        }
        show(window, e, Paths.get(f));
        return null;
    }

    /** Reads {@code serverOutput} and opens the dialog against {@code e} (also for tests). */
    public static NamedPagesDialog show(IWorkbenchWindow window, Examination e, Path serverOutput) {
        List<ServerMessages.Message> messages;
        try {
            messages = ServerMessages.read(serverOutput);
        } catch (IOException ex) {
            MessageDialog.openError(window.getShell(), "PageLens", "Cannot read " + serverOutput + ": " + ex.getMessage());
            return null;
        }
        if (messages.isEmpty()) {
            MessageDialog.openInformation(window.getShell(), "PageLens", serverOutput.getFileName()
                    + " names no page (no reference such as (1:414)): is it DBCC CHECKDB output, an error log or a suspect_pages export?");
            return null;
        }
        NamedPagesDialog dlg = new NamedPagesDialog(window.getShell(), window.getActivePage(), e, e.namedPages(messages),
                serverOutput.getFileName().toString());
        dlg.setBlockOnOpen(false);
        dlg.open();
        return dlg;
    }

    /** The examination of the evidence in the active page editor, else of the one database evidence open. */
    static Examination target(IWorkbenchWindow window) {
        if (window.getActivePage() != null && window.getActivePage().getActiveEditor() instanceof PageEditor pe && pe.store() != null) {
            EvidenceItem i = EvidenceRegistry.get().find(pe.store().evidence());
            if (i != null && i.examination() != null) {
                return i.examination();
            }
        }
        List<Examination> dbs = new ArrayList<>();
        for (EvidenceItem i : EvidenceRegistry.get().items()) {
            if (i.examination() != null && i.examination().catalog() != null) {
                dbs.add(i.examination());
            }
        }
        return dbs.size() == 1 ? dbs.get(0) : null;
    }
}

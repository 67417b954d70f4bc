package pagelens.ui.handlers;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import pagelens.ui.editors.EvidenceOpener;

/** File &gt; Open Evidence...: one or more files, opened read-only. */
public final class OpenEvidenceHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog d = new FileDialog(window.getShell(), SWT.OPEN | SWT.MULTI);
        d.setText("Open Evidence (read-only)");
        d.setFilterNames(new String[] { "SQL Server files (*.mdf, *.ndf, *.ldf, *.bak, *.txt)", "All files" });
        d.setFilterExtensions(new String[] { "*.mdf;*.ndf;*.ldf;*.bak;*.txt;*.MDF;*.NDF;*.LDF;*.BAK", "*" });
        if (d.open() == null) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (String name : d.getFileNames()) {
            paths.add(Paths.get(d.getFilterPath(), name));
        }
        EvidenceOpener.open(window, paths);
        return null;
    }
}

package pagelens.ui.handlers;

import java.nio.file.Paths;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import pagelens.ui.editors.EvidenceOpener;

/** File &gt; Open Evidence Folder...: an In-Memory OLTP container or another folder. */
public final class OpenEvidenceFolderHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        DirectoryDialog d = new DirectoryDialog(window.getShell());
        d.setText("Open Evidence Folder (read-only)");
        d.setMessage("Choose an In-Memory OLTP container folder or another evidence folder");
        String dir = d.open();
        if (dir != null) {
            EvidenceOpener.open(window, List.of(Paths.get(dir)));
        }
        return null;
    }
}

package pagelens.ui.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import pagelens.core.preflight.Target;
import pagelens.ui.editors.PreflightEditor;
import pagelens.ui.editors.PreflightInput;

/** File &gt; Migration Preflight...: a folder of backups and data files and a target, then the preflight view. */
public final class PreflightHandler extends AbstractHandler {
    /** The targets offered (the command line takes a database version too). */
    static final String[] TARGETS = { "mi-gp", "mi-bc", "2019", "2022", "2025" };

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        DirectoryDialog dd = new DirectoryDialog(shell);
        dd.setText("Migration preflight: the folder of backups and data files");
        String folder = dd.open();
        if (folder == null) {
            return null;
        }
        TargetDialog t = new TargetDialog(shell);
        if (t.open() != Dialog.OK) {
            return null;
        }
        try {
            HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().openEditor(
                    new PreflightInput(List.of(Path.of(folder)), Target.parse(t.target), t.verify), PreflightEditor.ID, true);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(shell, "PageLens", e.getMessage());
        }
        return null;
    }

    /** The target and whether every page is verified. */
    static final class TargetDialog extends Dialog {
        String target = TARGETS[0];
        boolean verify;
        private Combo combo;
        private Button check;

        TargetDialog(Shell parent) {
            super(parent);
        }

        @Override
        protected void configureShell(Shell s) {
            super.configureShell(s);
            s.setText("Migration preflight");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText("Target:");
            combo = new Combo(c, SWT.READ_ONLY);
            for (String t : TARGETS) {
                combo.add(t + " - " + Target.parse(t).label());
            }
            combo.select(0);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            check = new Button(c, SWT.CHECK);
            check.setText("Verify every page (slower; by default the headers, file list and boot page)");
            check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            return c;
        }

        @Override
        protected void buttonPressed(int id) {
            if (id == IDialogConstants.OK_ID) {
                target = TARGETS[Math.max(0, combo.getSelectionIndex())];
                verify = check.getSelection();
            }
            super.buttonPressed(id);
        }
    }
}

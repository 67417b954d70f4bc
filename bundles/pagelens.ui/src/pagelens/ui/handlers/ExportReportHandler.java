package pagelens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import pagelens.ui.wizards.ReportExportWizard;

/** File &gt; Export Findings Report...: the report wizard directly. */
public final class ExportReportHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        ReportExportWizard w = new ReportExportWizard();
        w.init(HandlerUtil.getActiveWorkbenchWindow(event).getWorkbench(), null);
        new WizardDialog(HandlerUtil.getActiveShell(event), w).open();
        return null;
    }
}

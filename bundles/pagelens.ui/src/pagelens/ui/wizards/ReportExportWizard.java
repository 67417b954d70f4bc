package pagelens.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import pagelens.core.boot.BootLayouts;
import pagelens.core.cases.Case;
import pagelens.core.cases.CaseBuilder;
import pagelens.core.cases.CaseInfo;
import pagelens.ui.base.MonitorAdapter;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.report.JsonReport;
import pagelens.report.PdfReport;
import pagelens.report.ReportTarget;

/** File &gt; Export &gt; PageLens Findings Report: the case fields (remembered), outputs, then a background job. */
public final class ReportExportWizard extends Wizard implements IExportWizard {
    static final String PREFS = pagelens.ui.model.Settings.NODE;

    private ReportPage page;
    private Job job;

    public ReportExportWizard() {
        setWindowTitle("Export PageLens Findings Report");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // the report covers all open evidence
    }

    @Override
    public void addPages() {
        page = new ReportPage(prefs());
        addPage(page);
    }

    static Preferences prefs() {
        return InstanceScope.INSTANCE.getNode(PREFS);
    }

    public ReportPage page() {
        return page;
    }

    /** The job writing the report (tests wait for it). */
    public Job job() {
        return job;
    }

    @Override
    public boolean performFinish() {
        List<Path> evidence = new ArrayList<>();
        for (EvidenceItem i : EvidenceRegistry.get().items()) {
            evidence.add(i.path());
        }
        if (evidence.isEmpty()) {
            page.setErrorMessage("No evidence is open: open files with File > Open Evidence first.");
            return false;
        }
        Path pdf = page.pdfPath();
        Path json = page.jsonPath();
        if (pdf == null && json == null) {
            page.setErrorMessage("Give a PDF file, a JSON file, or both.");
            return false;
        }
        try {
            for (Path out : new Path[] { pdf, json }) {
                if (out != null) {
                    ReportTarget.check(out, evidence);
                }
            }
        } catch (IOException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
        CaseInfo info = page.caseInfo();
        page.remember(prefs());
        try {
            prefs().flush();
        } catch (BackingStoreException e) {
            // remembered for this session only
        }
        CaseBuilder builder = new CaseBuilder(BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder()),
                page.filegroup(), page.filegroup().name().equals("NOT_STATED") ? "not stated" : pagelens.core.Evidence.USER.after("set in the report wizard, overriding what the evidence says"));
        for (EvidenceItem i : EvidenceRegistry.get().items()) {
            if (i.sha256() != null) {
                builder.openedWith(i.path(), i.sha256());
            }
            if (i.examination() != null) {
                builder.examined(i.examination()); // the report says what the workbench shows
            }
        }
        Display display = getShell().getDisplay();
        job = new Job("Writing PageLens findings report") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try (Case c = builder.build(info, evidence, new MonitorAdapter(monitor, f -> {
                }))) {
                    if (pdf != null) {
                        PdfReport.write(c, pdf);
                    }
                    if (json != null) {
                        JsonReport.write(c, json);
                    }
                    String where = (pdf != null ? pdf.toString() : "") + (pdf != null && json != null ? " and " : "") + (json != null ? json.toString() : "");
                    display.asyncExec(() -> {
                        if (!display.isDisposed() && !Boolean.getBoolean("pagelens.tests")) {
                            MessageDialog.openInformation(display.getActiveShell(), "PageLens", "Report written: " + where);
                        }
                    });
                    return Status.OK_STATUS;
                } catch (pagelens.core.io.CanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (IOException | RuntimeException e) {
                    return Status.error("The report could not be written: " + e.getMessage(), e);
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return true;
    }
}

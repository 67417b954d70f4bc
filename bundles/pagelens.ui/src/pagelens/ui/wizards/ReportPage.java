package pagelens.ui.wizards;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.Preferences;

import pagelens.core.boot.XtpFilegroup;
import pagelens.core.cases.CaseInfo;

/** The case fields and the output files. */
public final class ReportPage extends WizardPage {
    private final Preferences prefs;
    Text title;
    Text ticket;
    Text analyst;
    Text organisation;
    Text notes;
    Combo filegroup;
    Text pdf;
    Text json;

    ReportPage(Preferences prefs) {
        super("report");
        this.prefs = prefs;
        setTitle("PageLens Findings Report");
        setDescription("A PDF for the support ticket and/or JSON for automation, covering all open evidence. Evidence is never overwritten.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        title = field(c, "Title:", prefs.get("title", "PageLens findings"));
        ticket = field(c, "Ticket id:", prefs.get("ticket", ""));
        analyst = field(c, "Analyst:", prefs.get("analyst", System.getProperty("user.name", "")));
        organisation = field(c, "Organisation:", prefs.get("organisation", ""));
        notes = field(c, "Notes:", "");
        new Label(c, SWT.NONE).setText("Memory-optimized filegroup:");
        filegroup = new Combo(c, SWT.READ_ONLY);
        filegroup.setItems("not stated (assume none)", "yes, the database has one", "no, it has none");
        filegroup.select(0);
        filegroup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        pdf = file(c, "PDF file:", prefs.get("pdf", Paths.get(System.getProperty("user.home"), "pagelens-report.pdf").toString()), "*.pdf");
        json = file(c, "JSON file (optional):", "", "*.json");
        setControl(c);
    }

    private Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return t;
    }

    private Text file(Composite c, String label, String value, String ext) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setText(value);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 360;
        t.setLayoutData(gd);
        Button b = new Button(c, SWT.PUSH);
        b.setText("Browse...");
        b.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.SAVE);
            d.setFilterExtensions(new String[] { ext, "*" });
            d.setOverwrite(true);
            String f = d.open();
            if (f != null) {
                t.setText(f);
            }
        });
        return t;
    }

    public void set(String titleText, String ticketText, String pdfPath, String jsonPath) {
        title.setText(titleText);
        ticket.setText(ticketText);
        pdf.setText(pdfPath);
        json.setText(jsonPath);
    }

    Path pdfPath() {
        return pdf.getText().isBlank() ? null : Paths.get(pdf.getText().trim());
    }

    Path jsonPath() {
        return json.getText().isBlank() ? null : Paths.get(json.getText().trim());
    }

    XtpFilegroup filegroup() {
        return switch (filegroup.getSelectionIndex()) {
            case 1 -> XtpFilegroup.PRESENT;
            case 2 -> XtpFilegroup.ABSENT;
            default -> XtpFilegroup.NOT_STATED;
        };
    }

    CaseInfo caseInfo() {
        return new CaseInfo(title.getText(), ticket.getText(), analyst.getText(), organisation.getText(), null, notes.getText());
    }

    void remember(Preferences p) {
        p.put("title", title.getText());
        p.put("ticket", ticket.getText());
        p.put("analyst", analyst.getText());
        p.put("organisation", organisation.getText());
        if (pdfPath() != null) {
            p.put("pdf", pdfPath().toString());
        }
    }
}

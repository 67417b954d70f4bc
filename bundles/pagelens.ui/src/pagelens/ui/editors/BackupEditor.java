package pagelens.ui.editors;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import pagelens.core.backup.Backup;
import pagelens.core.backup.BackupCatalog;
import pagelens.core.backup.RestoreTarget;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.findings.Finding;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageId;
import pagelens.core.scan.PageCounts;
import pagelens.core.store.PageCopy;
import pagelens.ui.base.MonitorAdapter;

/**
 * The backup editor: what RESTORE HEADERONLY and FILELISTONLY would say, read without a restore (set, versions with
 * their evidence, file list), page counts, boot page copies with the In-Memory OLTP verdict, a restore-target check,
 * the In-Memory OLTP content and findings. The backup is read in a cancelable background job; any page opens in the
 * page editor. Read-only; the format logic is in {@link Backup}.
 */
public final class BackupEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.backup";

    private EvidenceEditorInput in;
    private Composite body;
    private Label headline;
    private Label verdict;
    private Table set;
    private Table files;
    private Table boots;
    private Table findings;
    private Combo target;
    private Label targetVerdict;
    private Text pageField;
    private volatile Backup backup;
    private volatile BootPage boot;
    /** The core examination this editor shows (the evidence job's, or its own when opened without one). */
    private volatile pagelens.core.exam.Examination exam;
    private volatile String error;
    private Color red;
    private Color green;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        in = initEvidence(site, input, " (backup)");
    }

    /** The backup once read (tests), or null. */
    public Backup backup() {
        return backup;
    }

    /** The headline text (tests). */
    public String headlineText() {
        return headline.getText();
    }

    /** The backup set table (RESTORE HEADERONLY-like facts). */
    public Table setTable() {
        return set;
    }

    /** The file list table (tests). */
    public Table filesTable() {
        return files;
    }

    /** The boot page copies table (tests). */
    public Table bootsTable() {
        return boots;
    }

    /** Scrolls the editor so that the boot page copies are in view. */
    public void revealBootCopies() {
        ((ScrolledComposite) body.getParent()).showControl(boots);
    }

    /** Chooses a restore target release (tests and the combo). */
    public String checkTarget(int release) {
        for (int i = 0; i < RestoreTarget.RELEASES.length; i++) {
            if (RestoreTarget.RELEASES[i] == release) {
                target.select(i);
            }
        }
        updateTarget();
        return targetVerdict.getText();
    }

    @Override
    public void createPartControl(Composite parent) {
        red = new Color(new RGB(0xC6, 0x28, 0x28));
        green = new Color(new RGB(0x2E, 0x7D, 0x32));
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroll, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        scroll.setContent(body);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(body.computeSize(scroll.getClientArea().width, SWT.DEFAULT)));
        headline = new Label(body, SWT.WRAP);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        headline.setText("Reading " + in.file() + " ...");
        verdict = new Label(body, SWT.WRAP);
        verdict.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        section("Backup set (like RESTORE HEADERONLY)");
        set = table(new String[] { "Field", "Value", "Evidence" }, new int[] { 220, 520, 320 }, 8);

        Composite tr = new Composite(body, SWT.NONE);
        tr.setLayout(new GridLayout(3, false));
        tr.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(tr, SWT.NONE).setText("Restore on:");
        target = new Combo(tr, SWT.READ_ONLY);
        for (int r : RestoreTarget.RELEASES) {
            target.add("SQL Server " + r + " (up to database version " + RestoreTarget.maxVersionOf(r) + ")");
        }
        target.addListener(SWT.Selection, e -> updateTarget());
        targetVerdict = new Label(tr, SWT.WRAP);
        targetVerdict.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        section("Database files (like RESTORE FILELISTONLY; SFIN layout INFERRED from real backups)");
        files = table(new String[] { "File id", "Type", "Logical name", "Size", "Filegroup", "Physical name", "Type evidence" },
                new int[] { 60, 50, 160, 120, 100, 420, 360 }, 3);

        section("Boot page copies (a restore applies the last)");
        boots = table(new String[] { "Copy", "Stream offset", "m_lsn", "" }, new int[] { 60, 140, 180, 400 }, 2);
        boots.addListener(SWT.DefaultSelection, e -> {
            if (boots.getSelectionIndex() >= 0) {
                openBoot();
            }
        });
        Composite go = new Composite(body, SWT.NONE);
        go.setLayout(new GridLayout(5, false));
        new Label(go, SWT.NONE).setText("Open page:");
        pageField = new Text(go, SWT.BORDER);
        pageField.setMessage("1:9");
        pageField.setLayoutData(new GridData(90, SWT.DEFAULT));
        pageField.addListener(SWT.DefaultSelection, e -> openPage(pageField.getText()));
        Button open = new Button(go, SWT.PUSH);
        open.setText("Open in page editor");
        open.addListener(SWT.Selection, e -> openPage(pageField.getText().isBlank() ? "1:9" : pageField.getText()));
        Button bootButton = new Button(go, SWT.PUSH);
        bootButton.setText("Boot page view");
        bootButton.addListener(SWT.Selection, e -> openBoot());
        Button logButton = new Button(go, SWT.PUSH);
        logButton.setText("Log part...");
        logButton.setToolTipText("The log this backup carries (its source log's VLFs, the log blocks and records copied into it) in the log editor");
        logButton.addListener(SWT.Selection, e -> openLog());

        section("Findings");
        findings = table(new String[] { "Severity", "Rule", "Where", "Title" }, new int[] { 80, 200, 160, 700 }, 4);
        findings.addListener(SWT.DefaultSelection, e -> {
            int i = findings.getSelectionIndex();
            if (i >= 0 && backup != null) {
                Finding f = exam.findings().findings().get(i);
                if (f.location().pageId() >= 0) {
                    openPage(Math.max(1, f.location().fileId()) + ":" + f.location().pageId());
                }
            }
        });
        load();
    }

    private void section(String title) {
        Label l = new Label(body, SWT.NONE);
        l.setText(title);
        l.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
    }

    private Table table(String[] columns, int[] widths, int rows) {
        Table t = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(columns[i]);
            c.setWidth(widths[i]);
        }
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.heightHint = t.getHeaderHeight() + t.getItemHeight() * rows + 4;
        t.setLayoutData(gd);
        return t;
    }

    /** The evidence this editor opened itself (closed with it), or null when it shows the evidence job's examination. */
    private pagelens.core.exam.OpenedEvidence ownEvidence;

    private void load() {
        // the evidence job examines the backup once; this editor shows that examination (opened without one, it examines)
        pagelens.ui.model.EvidenceItem item = pagelens.ui.model.EvidenceRegistry.get().find(in.file());
        if (item != null) {
            java.util.function.Consumer<pagelens.ui.model.EvidenceItem> l = x -> {
                if (x == item && (x.examination() != null || x.examinationError() != null)) {
                    accept(x.examination(), x.examinationError());
                }
            };
            pagelens.ui.model.EvidenceRegistry.get().addListener(l);
            body.addDisposeListener(e -> pagelens.ui.model.EvidenceRegistry.get().removeListener(l));
            l.accept(item);
            return;
        }
        ownEvidence = pagelens.core.exam.OpenedEvidence.open(in.file());
        Job job = Job.create("Reading backup " + in.getName(), (IProgressMonitor m) -> {
            try {
                accept(pagelens.core.exam.Examination.run(ownEvidence, pagelens.core.exam.Examination.Options.defaults(
                        BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder())).withHash(false), new MonitorAdapter(m, f -> {
                        })), null);
            } catch (OperationCanceledException | pagelens.core.io.CanceledException e) {
                accept(null, "reading was canceled");
            } catch (RuntimeException e) {
                accept(null, e.getMessage());
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    /** Takes an examination (or the reason there is none) and shows it (any thread). */
    private synchronized void accept(pagelens.core.exam.Examination e, String err) {
        if (backup != null || error != null) {
            return;
        }
        if (e == null || e.backup() == null) {
            error = e == null ? err : String.join("; ", e.problems());
        } else {
            exam = e;
            boot = e.boot();
            backup = e.backup();
            if (!e.problems().isEmpty()) {
                error = String.join("; ", e.problems());
            }
        }
        if (!body.isDisposed()) {
            body.getDisplay().asyncExec(this::show);
        }
    }

    private void show() {
        if (body.isDisposed()) {
            return;
        }
        Backup b = backup;
        if (b == null) {
            headline.setText("Cannot read " + in.file() + ": " + error);
            headline.setForeground(red);
            body.layout(true, true);
            return;
        }
        String name = boot != null ? boot.databaseName() : b.catalog().files().isEmpty() ? "?" : b.catalog().files().get(0).logicalName();
        headline.setText(String.format(Locale.ROOT, "%s: %s backup%s, SQL Server %s, database version %s", name, b.backupKind(),
                b.compressed() ? " (compressed)" : "", b.softwareVersion(), boot != null ? boot.dbiVersion() : b.databaseVersion()));
        StringBuilder v = new StringBuilder();
        boolean bad = exam.hasErrors();
        v.append(bad ? "A restore would meet damage: " + (exam.findings().count(pagelens.core.findings.Severity.CRITICAL)
                + exam.findings().count(pagelens.core.findings.Severity.ERROR)) + " finding(s) of severity error or worse below. " : "Every page checksum and torn-page check in the backup passes. ");
        if (boot != null) {
            v.append("In-Memory OLTP: ").append(boot.hekaton().verdict().name()).append(" - ").append(boot.hekaton().headline());
            bad |= boot.critical();
        } else {
            v.append("No boot page in the backup: no verdict. ");
        }
        if (error != null) {
            v.append(" (").append(error).append(")");
        }
        verdict.setText(v.toString());
        verdict.setForeground(bad ? red : green);
        fillSet(b);
        fillFiles(b);
        fillBoots(b);
        for (Finding f : exam.findings().findings()) {
            TableItem it = new TableItem(findings, SWT.NONE);
            it.setText(new String[] { f.severity().id(), f.ruleId(), f.location().describe(), f.title() });
        }
        if (exam.findings().total() == 0) {
            new TableItem(findings, SWT.NONE).setText(new String[] { "", "", "", "none" });
        }
        int dbv = boot != null ? boot.dbiVersion() : b.databaseVersion() == null ? -1 : b.databaseVersion();
        target.setEnabled(dbv > 0);
        if (dbv > 0) {
            target.select(target.getItemCount() - 1);
            updateTarget();
        }
        for (Table t : new Table[] { set, files, boots, findings }) {
            ((GridData) t.getLayoutData()).heightHint = t.getHeaderHeight() + t.getItemHeight() * Math.max(1, t.getItemCount()) + 6;
            for (TableColumn c : t.getColumns()) {
                int w = c.getWidth();
                c.pack();
                c.setWidth(Math.min(Math.max(w, c.getWidth()), t == set ? 560 : t == boots ? 420 : 900));
            }
        }
        body.layout(true, true);
        ((ScrolledComposite) body.getParent()).setMinSize(body.computeSize(body.getParent().getSize().x, SWT.DEFAULT));
    }

    private void fillSet(Backup b) {
        row(set, "Backup kind", b.backupKind(), "MTF SSET attributes " + pagelens.core.Evidence.SRC.tag());
        row(set, "Written by", b.softwareName(), "MTF TAPE software name");
        row(set, "Server version", b.softwareVersion(), "SCIN chunk " + pagelens.core.Evidence.INFERRED.tag());
        row(set, "Database version", String.valueOf(b.databaseVersion()), "SCIN chunk " + pagelens.core.Evidence.INFERRED.tag());
        if (boot != null) {
            row(set, "Database name / dbi_version", boot.databaseName() + " / " + boot.dbiVersion() + " (created as " + boot.createVersion() + ")",
                    "boot page " + pagelens.core.Evidence.VERIFIED.tag());
        }
        row(set, "Compressed", b.compressed() ? "yes (MSSQLBAK, MS-XCA chunks)" : "no", b.compressed() ? "chunk framing " + pagelens.core.Evidence.INFERRED.tag() : "");
        PageCounts c = b.counts();
        row(set, "Pages", String.format(Locale.ROOT, "%,d slots; checksum %,d (%,d ok, %,d bad); torn-page %,d (%,d torn); unprotected %,d; "
                + "never used or not a page %,d", c.total(), c.checksumProtected(), c.checksumOk(), c.checksumBad(), c.tornProtected(), c.torn(),
                c.unprotected(), c.empty()), "page checksum algorithm " + pagelens.core.Evidence.VERIFIED.tag());
        row(set, "Memory-optimized filegroup", b.xtpFilegroup().name(), b.xtpFilegroupReason());
        row(set, "In-Memory OLTP memory estimate", b.xtp().memoryEstimate(), b.xtp().summary());
        pagelens.core.log.LogFile.Result log = exam.log();
        if (log != null) {
            row(set, "Log part", String.format(java.util.Locale.ROOT, "%,d block(s), %,d record(s) carried%s; the source log's %d VLF(s); SCIN: first %s, "
                    + "last %s, checkpoint %s%s (Log part... below)", log.blocks(), log.records(), log.first() == null ? "" : " (" + log.first() + " - "
                            + log.last() + ")", log.vlfs().size(), log.backup().firstLsn(), log.backup().lastLsn(), log.backup().checkpointLsn(),
                    log.records() == 0 ? "" : log.checkpointIsBeginCheckpoint() ? ", a LOP_BEGIN_CKPT record" : ", NOT a LOP_BEGIN_CKPT record"),
                    "MSTL, MQTL, SCIN (docs/log.md 11) " + pagelens.core.Evidence.VERIFIED.tag());
        }
        row(set, "MTF blocks", String.join(" ", b.walk().blocks().stream().map(d -> d.type()).toList()), "MTF 1.00a " + pagelens.core.Evidence.DOC.tag());
        for (String n : b.notes()) {
            row(set, "Note", n, "");
        }
    }

    private void fillFiles(Backup b) {
        for (BackupCatalog.FileEntry f : b.catalog().files()) {
            BackupCatalog.FileType t = b.typeOf(f);
            String fg = b.catalog().filegroupName(f);
            row(files, String.valueOf(f.fileId()), t.letter(), f.logicalName(), String.format(Locale.ROOT, "%,d", f.size()), fg == null ? "-" : fg,
                    f.physicalName(), t.evidence());
        }
        if (b.catalog().files().isEmpty()) {
            row(files, "", "", "no SFIN chunk found", "", "", "", "");
        }
    }

    private void fillBoots(Backup b) {
        var copies = b.bootCopies();
        for (int i = 0; i < copies.size(); i++) {
            PageCopy copy = copies.get(i);
            String lsn;
            try {
                lsn = PageHeader.parse(b.pages().read(copy)).lsn().toString();
            } catch (IOException e) {
                lsn = "unreadable: " + e.getMessage();
            }
            row(boots, String.valueOf(i + 1), String.format(Locale.ROOT, "0x%X", copy.provenance().offset()), lsn,
                    i == copies.size() - 1 ? "the copy a restore applies" : "");
        }
        if (copies.isEmpty()) {
            row(boots, "", "", "", "no boot page (1:9) in the data streams");
        }
        if (copies.size() > 1) {
            try {
                var diffs = b.bootCopyDifferences(BootLayouts.withUserFolder(pagelens.ui.model.Settings.layoutsFolder()));
                if (diffs.isEmpty()) {
                    row(boots, "", "", "", "first and last copy: every DBINFO field the same");
                }
                for (var d : diffs) {
                    row(boots, "differs", String.format(Locale.ROOT, "P+0x%03X", d.offset()), d.before() + " -> " + d.after(),
                            d.name() + (d.hekaton() ? "  [Hekaton]" : ""));
                }
            } catch (IOException e) {
                row(boots, "", "", "", "copies not compared: " + e.getMessage());
            }
        }
    }

    private static void row(Table t, String... cells) {
        new TableItem(t, SWT.NONE).setText(cells);
    }

    private void updateTarget() {
        Backup b = backup;
        int i = target.getSelectionIndex();
        if (b == null || i < 0) {
            return;
        }
        int dbv = boot != null ? boot.dbiVersion() : b.databaseVersion();
        int release = RestoreTarget.RELEASES[i];
        targetVerdict.setText(RestoreTarget.verdict(dbv, release));
        targetVerdict.setForeground(RestoreTarget.restorable(dbv, release) ? green : red);
        targetVerdict.getParent().layout(true);
    }

    private void openPage(String text) {
        PageId id;
        try {
            id = PageId.parse(text.trim());
        } catch (IllegalArgumentException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Open page", "Not a page id: \"" + text + "\" (write file:page, like 1:9)");
            return;
        }
        try {
            PageEditor ed = (PageEditor) getSite().getPage().openEditor(in, PageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
            ed.showPage(id);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Open page", e.getMessage());
        }
    }

    /** The backup's log part in the log editor (docs/log.md 11). */
    public LogEditor openLog() {
        try {
            return (LogEditor) getSite().getPage().openEditor(in, LogEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        } catch (PartInitException | ClassCastException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Log part", e.getMessage());
            return null;
        }
    }

    private void openBoot() {
        try {
            getSite().getPage().openEditor(in, BootPageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Boot page", e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        body.setFocus();
    }

    @Override
    public void dispose() {
        if (ownEvidence != null) {
            try {
                ownEvidence.close();
            } catch (IOException e) {
                // nothing to save
            }
        }
        if (red != null) {
            red.dispose();
            green.dispose();
        }
        super.dispose();
    }
}

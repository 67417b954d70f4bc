package pagelens.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.page.PageId;
import pagelens.ui.editors.BootPageEditor;
import pagelens.ui.editors.EvidenceEditorInput;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.wizards.ReportExportWizard;

/**
 * All findings of the open evidence, like Problems: severity icon, rule, location, title; filters by
 * severity and rule; a summary of counts; double-click opens the page with the bytes selected; "Report..."
 * exports them.
 */
public final class FindingsView extends ViewPart {
    public static final String ID = "pagelens.ui.views.findings";

    private TableViewer viewer;
    private Combo severity;
    private Combo rule;
    private Label summary;
    private List<Finding> all = List.of();
    private final Consumer<EvidenceItem> listener = item -> {
        Display d = Display.getDefault();
        if (!d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginHeight = 2;
        root.setLayout(gl);
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(6, false));
        new Label(bar, SWT.NONE).setText("Show:");
        severity = new Combo(bar, SWT.READ_ONLY);
        severity.setItems("all severities", "critical and error", "warning and worse", "critical only");
        severity.select(0);
        severity.addListener(SWT.Selection, e -> applyFilter());
        rule = new Combo(bar, SWT.READ_ONLY);
        rule.setItems("all rules");
        rule.select(0);
        rule.addListener(SWT.Selection, e -> applyFilter());
        Button report = new Button(bar, SWT.PUSH);
        report.setText("Report...");
        report.setToolTipText("Export the findings of the open evidence as a PDF and/or JSON report");
        report.addListener(SWT.Selection, e -> {
            ReportExportWizard w = new ReportExportWizard();
            w.init(PlatformUI.getWorkbench(), null);
            new WizardDialog(getSite().getShell(), w).open();
        });
        summary = new Label(bar, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        viewer = new TableViewer(root, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        TableViewerColumn sev = column("Severity", 90, f -> f.severity().id());
        sev.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Finding) element).severity().id();
            }

            @Override
            public Image getImage(Object element) {
                return switch (((Finding) element).severity()) {
                    case CRITICAL, ERROR -> images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
                    case WARNING -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
                    case INFO -> images.getImage(ISharedImages.IMG_OBJS_INFO_TSK);
                };
            }
        });
        column("Rule", 200, Finding::ruleId);
        column("Location", 170, f -> f.location().evidence().getFileName() + " " + f.location().describe());
        column("Owner", 260, FindingsView::owner);
        column("Title", 520, Finding::title);
        viewer.addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof Finding f) {
                open(f);
            }
        });
        getSite().setSelectionProvider(viewer);
        EvidenceRegistry.get().addListener(listener);
        refresh();
    }

    /** The owner of a finding's page as the examination of its evidence names it (the same wording as every surface). */
    static String owner(Finding f) {
        EvidenceItem item = f.location().evidence() == null ? null : pagelens.ui.model.EvidenceRegistry.get().find(f.location().evidence());
        pagelens.core.exam.Examination e = item == null ? null : item.examination();
        pagelens.core.catalog.Owner o = e == null ? null : e.ownerOf(f);
        return o == null ? "" : pagelens.report.OwnerText.brief(o);
    }

    private TableViewerColumn column(String title, int width, Function<Finding, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Finding) element);
            }
        });
        return c;
    }

    /** Opens the finding's page (boot page verdicts in the boot page editor) with its bytes selected. */
    public void open(Finding f) {
        IWorkbenchPage page = getSite().getPage();
        try {
            EvidenceEditorInput in = new EvidenceEditorInput(f.location().evidence());
            if (f.ruleId().startsWith("boot.")) {
                page.openEditor(in, BootPageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
                return;
            }
            if (f.location().pageId() < 0) {
                java.nio.file.Path ev = f.location().evidence();
                if (java.nio.file.Files.isDirectory(ev)) {
                    page.openEditor(in, pagelens.ui.editors.ContainerEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
                } else if (f.location().fileOffset() >= 0 && java.nio.file.Files.isRegularFile(ev)) {
                    // a finding at a byte offset of a file that has no pages (a checkpoint file): its bytes in the hex editor
                    pagelens.ui.editors.HexEditor hex = (pagelens.ui.editors.HexEditor) page.openEditor(in, pagelens.ui.editors.HexEditor.ID, true,
                            IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
                    hex.goToOffset(f.location().fileOffset());
                }
                return;
            }
            PageEditor ed = (PageEditor) page.openEditor(in, PageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
            ed.showPage(new PageId(Math.max(1, f.location().fileId()), f.location().pageId()));
            if (f.location().byteLength() > 0) {
                ed.reveal(f.location().byteStart(), f.location().byteLength());
            }
        } catch (PartInitException | ClassCastException e) {
            summary.setText("cannot open: " + e.getMessage());
        }
    }

    /** Re-reads the findings of every evidence item (UI thread). */
    public void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Finding> f = new ArrayList<>();
        for (EvidenceItem i : EvidenceRegistry.get().items()) {
            f.addAll(i.findings());
        }
        all = f;
        TreeSet<String> rules = new TreeSet<>();
        f.forEach(x -> rules.add(x.ruleId()));
        String chosen = rule.getText();
        List<String> items = new ArrayList<>();
        items.add("all rules");
        items.addAll(rules);
        rule.setItems(items.toArray(String[]::new));
        rule.select(Math.max(0, items.indexOf(chosen)));
        applyFilter();
    }

    private void applyFilter() {
        Severity floor = switch (severity.getSelectionIndex()) {
            case 1 -> Severity.ERROR;
            case 2 -> Severity.WARNING;
            case 3 -> Severity.CRITICAL;
            default -> Severity.INFO;
        };
        String r = rule.getSelectionIndex() <= 0 ? null : rule.getText();
        List<Finding> shown = all.stream().filter(f -> f.severity().atLeast(floor) && (r == null || f.ruleId().equals(r))).toList();
        viewer.setInput(shown);
        long[] n = new long[Severity.values().length];
        all.forEach(f -> n[f.severity().ordinal()]++);
        summary.setText(String.format(Locale.ROOT, "%d critical, %d error, %d warning, %d info (showing %d)", n[0], n[1], n[2], n[3], shown.size()));
        summary.getParent().layout(true);
    }

    public TableViewer viewer() {
        return viewer;
    }

    public void filter(int severityIndex) {
        severity.select(severityIndex);
        applyFilter();
    }

    public String summaryText() {
        return summary.getText();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        EvidenceRegistry.get().removeListener(listener);
        super.dispose();
    }
}

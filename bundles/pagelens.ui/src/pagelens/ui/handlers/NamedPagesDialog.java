package pagelens.ui.handlers;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;

import pagelens.core.exam.Examination;
import pagelens.report.OwnerText;
import pagelens.ui.editors.EvidenceEditorInput;
import pagelens.ui.editors.PageEditor;

/**
 * The pages a SQL Server named (CHECKDB, error log, suspect_pages), each beside PageLens's own verdict on this evidence and
 * the page's owner; rows where the two differ are tinted. Double-click opens the page in the page editor.
 */
public final class NamedPagesDialog extends Dialog {
    private final Examination examination;
    private final List<Examination.NamedPage> pages;
    private final String source;
    private final IWorkbenchPage page;
    private TableViewer viewer;
    private Color differ;
    private Color damaged;

    public NamedPagesDialog(Shell shell, IWorkbenchPage page, Examination examination, List<Examination.NamedPage> pages, String source) {
        super(shell);
        this.page = page;
        this.examination = examination;
        this.pages = pages;
        this.source = source;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell s) {
        super.configureShell(s);
        s.setText("Pages named in " + source);
    }

    /** The verdict column's words. */
    public static String verdict(Examination.NamedPage n) {
        return OwnerText.verdict(n) + (n.differs() ? " - DIFFERS from the server" : "");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        long differs = pages.stream().filter(Examination.NamedPage::differs).count();
        Label l = new Label(area, SWT.WRAP);
        l.setText(String.format(Locale.ROOT, "%d page(s) named in %s, checked against %s; %d where PageLens's verdict differs from the server's. "
                + "Double-click a row to open the page.", pages.size(), source, examination.path().getFileName(), differs));
        l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        differ = new Color(pagelens.ui.base.Palette.health(pagelens.core.scan.PageStatus.WARNING));
        damaged = new Color(255, 0xEB, 0xEE);
        viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.widthHint = 1100;
        gd.heightHint = 360;
        viewer.getTable().setLayoutData(gd);
        column("Page", 80, n -> n.message().page().toString());
        column("Server", 150, n -> n.message().source() + (n.message().error() > 0 ? " " + n.message().error() : ""));
        column("PageLens", 260, NamedPagesDialog::verdict);
        column("Owner", 230, n -> n.owner() == null ? "" : OwnerText.brief(n.owner()));
        column("Server's message", 520, n -> n.message().message());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(pages);
        viewer.addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof Examination.NamedPage n) {
                open(n);
            }
        });
        return area;
    }

    /** Opens the page in the page editor of the evidence. */
    public void open(Examination.NamedPage n) {
        try {
            PageEditor ed = (PageEditor) page.openEditor(new EvidenceEditorInput(examination.path()), PageEditor.ID, true,
                    org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
            ed.showPage(n.message().page());
        } catch (org.eclipse.ui.PartInitException ex) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getShell(), "PageLens", ex.getMessage());
        }
    }

    private void column(String title, int width, java.util.function.Function<Examination.NamedPage, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Examination.NamedPage) element);
            }

            @Override
            public Color getBackground(Object element) {
                Examination.NamedPage n = (Examination.NamedPage) element;
                return n.differs() ? differ : n.verdict() == Examination.PageVerdict.DAMAGED ? damaged : null;
            }
        });
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    public boolean close() {
        if (differ != null) {
            differ.dispose();
            damaged.dispose();
        }
        return super.close();
    }

    /** The table (tests). */
    public TableViewer viewer() {
        return viewer;
    }
}

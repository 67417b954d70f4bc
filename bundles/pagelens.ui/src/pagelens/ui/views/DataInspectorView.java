package pagelens.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import pagelens.core.decode.Inspector;
import pagelens.ui.editors.PageEditor;

/**
 * The data inspector for the byte selected in the active page editor: integers of each width and sign, LSN, page id,
 * datetime, GUID, text (the readings come from the core's {@link Inspector}). Follows the caret.
 */
public final class DataInspectorView extends ViewPart {
    public static final String ID = "pagelens.ui.views.inspector";

    private Label where;
    private Table table;
    private PageEditor editor;
    private final Runnable onCaret = this::refresh;
    private final IPartListener2 parts = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof PageEditor pe && pe != editor) {
                follow(pe);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == editor) {
                follow(null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        where = new Label(root, SWT.NONE);
        where.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(root, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String t : new String[] { "As", "Value" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(t);
            c.setWidth(t.equals("As") ? 190 : 320);
        }
        getSite().getPage().addPartListener(parts);
        if (getSite().getPage().getActiveEditor() instanceof PageEditor pe) {
            follow(pe);
        } else {
            refresh();
        }
    }

    private void follow(PageEditor pe) {
        if (editor != null) {
            editor.removeCaretListener(onCaret);
        }
        editor = pe;
        if (pe != null) {
            pe.addCaretListener(onCaret);
        }
        refresh();
    }

    /** Shows the readings at the followed editor's caret. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        table.removeAll();
        if (editor == null || editor.caret() < 0) {
            where.setText(editor == null ? "No page editor is active." : "Select a byte in the page editor.");
            return;
        }
        where.setText(String.format(java.util.Locale.ROOT, "Page %s, offset 0x%04X", editor.currentPage(), editor.caret()));
        for (Inspector.Reading r : editor.inspection()) {
            new TableItem(table, SWT.NONE).setText(new String[] { r.name(), r.value() });
        }
    }

    /** The rows shown (tests): "as = value". */
    public java.util.List<String> rows() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (TableItem it : table.getItems()) {
            out.add(it.getText(0) + " = " + it.getText(1));
        }
        return out;
    }

    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(parts);
        if (editor != null) {
            editor.removeCaretListener(onCaret);
        }
        super.dispose();
    }
}

package pagelens.ui.editors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import pagelens.core.page.Node;

/**
 * The page editor's structure tree in the workbench's Outline view (header fields, slots, records, columns, the
 * verification), linked both ways: selecting a node selects its bytes in the editor, and a byte or node selected in the
 * editor is selected here.
 */
final class StructureOutlinePage extends ContentOutlinePage {
    private final PageEditor editor;
    private boolean linking;

    StructureOutlinePage(PageEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer v = getTreeViewer();
        v.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Node) input).children().toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return ((Node) e).children().toArray();
            }

            @Override
            public Object getParent(Object e) {
                return null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return !((Node) e).children().isEmpty();
            }
        });
        v.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object e) {
                Node n = (Node) e;
                return n.name() + (n.value() == null || n.value().isEmpty() ? "" : " = " + n.value())
                        + (n.length() > 0 ? String.format(Locale.ROOT, "  [0x%04X +%d]", n.offset(), n.length()) : "");
            }
        });
        if (editor.structureTree() != null) {
            v.setInput(editor.structureTree());
            v.expandToLevel(2);
        }
    }

    /** The tree of a new page. */
    void setTree(Node tree) {
        TreeViewer v = getTreeViewer();
        if (v != null && !v.getControl().isDisposed()) {
            v.setInput(tree);
            v.expandToLevel(2);
        }
    }

    /** Mirrors the editor's selection. */
    void show(Node n) {
        TreeViewer v = getTreeViewer();
        if (v == null || v.getControl().isDisposed() || editor.structureTree() == null) {
            return;
        }
        List<Node> path = pathTo(editor.structureTree(), n);
        if (path == null) {
            return;
        }
        linking = true;
        try {
            v.setSelection(new TreeSelection(new TreePath(path.toArray())), true);
        } finally {
            linking = false;
        }
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (linking) {
            return;
        }
        Object o = ((IStructuredSelection) event.getSelection()).getFirstElement();
        if (o instanceof Node n) {
            editor.selectStructureNode(n);
        }
    }

    /** The nodes from below the root down to {@code n}, or null. */
    static List<Node> pathTo(Node root, Node n) {
        for (Node c : root.children()) {
            if (c == n) {
                return new ArrayList<>(List.of(c));
            }
            List<Node> p = pathTo(c, n);
            if (p != null) {
                p.add(0, c);
                return p;
            }
        }
        return null;
    }
}

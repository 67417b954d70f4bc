package pagelens.ui.editors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Node;
import pagelens.core.xtp.XtpBlockStructure;
import pagelens.core.xtp.XtpBlocks;
import pagelens.ui.base.MonitorAdapter;

/**
 * The block view of one In-Memory OLTP checkpoint file: its blocks as a structure tree (header fields with their
 * evidence, rows of data blocks, slack), linked to a hex grid of the selected block, in the page editor's style. The
 * file is walked in a background job; a block's bytes are read when it is selected. Read-only; the format logic is in
 * {@link XtpBlocks} and {@link XtpBlockStructure}.
 */
public final class CheckpointFileEditor extends ReadOnlyEditor {
    public static final String ID = "pagelens.ui.editors.checkpoint";
    /** Largest block read for display. */
    static final int MAX_BLOCK = 16 << 20;

    /** A top-level tree entry: one block of the walk, its tree once read. */
    public static final class BlockEntry {
        final XtpBlocks.Block block;
        Node tree;

        BlockEntry(XtpBlocks.Block block) {
            this.block = block;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "block at 0x%X: %,d bytes, used %,d%s%s", block.offset(), block.size(), block.length1(),
                    block.data() ? ", " + block.rows() + " rows" : "", block.cut() ? "  CUT" : "");
        }
    }

    private EvidenceEditorInput in;
    private Label headline;
    private TreeViewer tree;
    private HexGrid grid;
    private volatile XtpBlocks.FileWalk walk;
    private final List<BlockEntry> entries = new ArrayList<>();
    private byte[] bytes = new byte[0];
    private long base;
    private int focusStart = -1;
    private int focusEnd = -1;
    private Color focusBg;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        in = initEvidence(site, input, " (blocks)");
    }

    /** The walk once done (tests), or null. */
    public XtpBlocks.FileWalk walk() {
        return walk;
    }

    public TreeViewer treeViewer() {
        return tree;
    }

    public NatTable natTable() {
        return grid.natTable;
    }

    /** The focused byte range (block-relative), or null. */
    public int[] focus() {
        return focusStart < 0 ? null : new int[] { focusStart, focusEnd };
    }

    public String headlineText() {
        return headline.getText();
    }

    @Override
    public void createPartControl(Composite parent) {
        focusBg = new Color(new RGB(0x4A, 0x90, 0xE2));
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        headline = new Label(root, SWT.WRAP);
        headline.setFont(JFaceResources.getBannerFont());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        headline.setText("Walking the blocks of " + in.file() + " ...");
        Label note = new Label(root, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        note.setText("Block layout from one real sample (EMPIRICAL); fields marked UNKNOWN are shown raw. Block checksums are verified only "
                + "with a profile you established (pagelens xtp discover --save).");
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new TreeViewer(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return entries.toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                if (e instanceof BlockEntry b) {
                    return load(b) == null ? new Object[0] : b.tree.children().toArray();
                }
                return ((Node) e).children().toArray();
            }

            @Override
            public Object getParent(Object e) {
                return null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return e instanceof BlockEntry || !((Node) e).children().isEmpty();
            }
        });
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object e) {
                if (e instanceof Node n) {
                    return n.name() + (n.value() == null || n.value().isEmpty() ? "" : " = " + n.value())
                            + (n.length() > 0 ? String.format(Locale.ROOT, "  [+0x%X, %d]", n.offset(), n.length()) : "");
                }
                return String.valueOf(e);
            }
        });
        tree.addSelectionChangedListener(e -> selected(((IStructuredSelection) e.getSelection()).getFirstElement()));
        tree.setInput(entries);
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new org.eclipse.swt.layout.FillLayout());
        grid = new HexGrid(right, new HexGrid.Bytes() {
            @Override
            public int byteAt(int row, int col) {
                int i = row * 16 + col;
                return i < bytes.length ? bytes[i] & 0xFF : -1;
            }

            @Override
            public int rows() {
                return (bytes.length + 15) / 16;
            }

            @Override
            public String rowLabel(int row) {
                return String.format(Locale.ROOT, "%08X", base + row * 16L);
            }
        }, 80, (labels, row, col) -> {
            int off = row * 16 + col;
            if (off >= focusStart && off < focusEnd) {
                labels.add("FOCUS");
            }
        }, reg -> {
            Style focus = new Style();
            focus.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, focusBg);
            focus.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, focus, DisplayMode.NORMAL, "FOCUS");
        });
        sash.setWeights(45, 55);
        Job job = Job.create("Walking blocks of " + in.getName(), (IProgressMonitor m) -> {
            String error = null;
            try {
                walk = XtpBlocks.walk(in.file(), new MonitorAdapter(m, f -> {
                }));
            } catch (IOException | RuntimeException e) {
                error = e.getMessage();
            }
            String err = error;
            if (!root.isDisposed()) {
                root.getDisplay().asyncExec(() -> show(err));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void show(String error) {
        if (headline.isDisposed()) {
            return;
        }
        XtpBlocks.FileWalk w = walk;
        if (w == null) {
            headline.setText("Cannot walk " + in.file() + ": " + error);
            return;
        }
        entries.clear();
        w.blocks().forEach(b -> entries.add(new BlockEntry(b)));
        headline.setText(String.format(Locale.ROOT, "%s: %,d bytes, %d blocks, %,d rows, used %,d; looks like %s [inferred]; %d finding(s)",
                in.getName(), w.size(), w.blocks().size(), w.rows(), w.dataEnd(), w.inferredKind(), w.findings().size()));
        headline.getParent().layout(true);
        tree.refresh();
        if (!entries.isEmpty()) {
            tree.setSelection(new org.eclipse.jface.viewers.StructuredSelection(entries.get(0)), true);
            tree.setExpandedState(entries.get(0), true);
        }
    }

    /** Reads a block and builds its tree (once). */
    private Node load(BlockEntry b) {
        if (b.tree == null) {
            try (EvidenceSource src = EvidenceSource.open(in.file())) {
                byte[] data = src.readUpTo(b.block.offset(), (int) Math.min(MAX_BLOCK, Math.max(40, b.block.size())));
                b.tree = XtpBlockStructure.of(data, b.block.offset());
            } catch (IOException e) {
                b.tree = Node.leaf("unreadable", e.getMessage(), 0, 0);
            }
        }
        return b.tree;
    }

    private void selected(Object o) {
        BlockEntry owner = null;
        Node node = null;
        if (o instanceof BlockEntry b) {
            owner = b;
        } else if (o instanceof Node n) {
            node = n;
            owner = entries.stream().filter(e -> e.tree != null && contains(e.tree, n)).findFirst().orElse(null);
        }
        if (owner == null) {
            return;
        }
        if (base != owner.block.offset() || bytes.length == 0) {
            try (EvidenceSource src = EvidenceSource.open(in.file())) {
                bytes = src.readUpTo(owner.block.offset(), (int) Math.min(MAX_BLOCK, Math.max(40, owner.block.size())));
                base = owner.block.offset();
            } catch (IOException e) {
                bytes = new byte[0];
            }
            grid.reset();
        }
        if (node != null && node.length() > 0) {
            focusStart = node.offset();
            focusEnd = node.offset() + node.length();
            grid.select(node.offset() / 16, node.offset() % 16);
        } else {
            focusStart = focusEnd = -1;
        }
        grid.natTable.redraw();
    }

    private static boolean contains(Node root, Node n) {
        if (root == n) {
            return true;
        }
        for (Node c : root.children()) {
            if (contains(c, n)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (focusBg != null) {
            focusBg.dispose();
        }
        super.dispose();
    }
}

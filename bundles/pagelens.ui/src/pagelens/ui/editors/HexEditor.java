package pagelens.ui.editors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import pagelens.core.io.CachedReader;
import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Page;

/**
 * A read-only hex view of any evidence file: a virtualised NatTable of 16-byte rows. NatTable counts
 * rows and pixels in {@code int}, so the file is shown through a 64 MiB window that the bar above the
 * grid moves (go to offset, previous/next window); only the rows on screen are read, through a small
 * block cache, so a multi-gigabyte file opens at once.
 */
public final class HexEditor extends EditorPart {
    public static final String ID = "pagelens.ui.editors.hex";

    /** Bytes per row. */
    public static final int ROW_BYTES = 16;
    /** Rows per window (64 MiB), so that rows x row height stays far below Integer.MAX_VALUE pixels. */
    public static final int WINDOW_ROWS = 1 << 22;
    public static final long WINDOW_BYTES = (long) WINDOW_ROWS * ROW_BYTES;

    static final String LABEL_HEADER = "PAGE_HEADER";

    private EvidenceSource source;
    private CachedReader reader;
    private long windowStart;
    /** Data or log file: page headers are coloured. */
    private boolean pageFile;
    private HexGrid grid;
    private NatTable natTable;
    private Label windowLabel;
    private Text offsetText;
    private Button prev;
    private Button next;
    private Color headerBg;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof EvidenceEditorInput in)) {
            throw new PartInitException("PageLens hex editor needs an evidence file");
        }
        setSite(site);
        setInput(input);
        setPartName(in.getName());
        setTitleToolTip(in.getToolTipText());
        try {
            source = EvidenceSource.open(in.file());
        } catch (IOException e) {
            throw new PartInitException(in.file() + ": " + e.getMessage(), e);
        }
        reader = new CachedReader(source, 64 * 1024, 64);
        try {
            pageFile = Page.isPageFile(source.readUpTo(0, Page.HEADER_SIZE));
        } catch (IOException e) {
            pageFile = false;
        }
    }

    public long fileSize() {
        return source.size();
    }

    public long windowStart() {
        return windowStart;
    }

    /** What the bar above the grid says (window, size, or an error). */
    public String windowText() {
        return windowLabel.getText();
    }

    public NatTable natTable() {
        return natTable;
    }

    /** Rows in the current window. */
    int windowRows() {
        long remaining = source.size() - windowStart;
        return (int) Math.max(0, Math.min(WINDOW_ROWS, (remaining + ROW_BYTES - 1) / ROW_BYTES));
    }

    private int byteAt(int row, int col) {
        try {
            return reader.byteAt(windowStart + (long) row * ROW_BYTES + col);
        } catch (UncheckedIOException e) {
            return -2;
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 2;
        root.setLayout(gl);
        createBar(root);
        createTable(root);
        updateWindowLabel();
    }

    private void createBar(Composite root) {
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout gl = new GridLayout(6, false);
        gl.marginHeight = 2;
        bar.setLayout(gl);
        new Label(bar, SWT.NONE).setText("Go to offset:");
        offsetText = new Text(bar, SWT.BORDER | SWT.SINGLE);
        offsetText.setMessage("0x12000 or 73728");
        offsetText.setLayoutData(new GridData(140, SWT.DEFAULT));
        offsetText.addListener(SWT.FocusIn, e -> offsetText.getDisplay().asyncExec(() -> {
            if (!offsetText.isDisposed()) {
                offsetText.selectAll(); // typing replaces the old value
            }
        }));
        offsetText.addListener(SWT.DefaultSelection, e -> goToTyped());
        Button go = new Button(bar, SWT.PUSH);
        go.setText("Go");
        go.addListener(SWT.Selection, e -> goToTyped());
        prev = new Button(bar, SWT.PUSH);
        prev.setText("\u25C0 Previous 64 MiB");
        prev.addListener(SWT.Selection, e -> setWindow(windowStart - WINDOW_BYTES));
        next = new Button(bar, SWT.PUSH);
        next.setText("Next 64 MiB \u25B6");
        next.addListener(SWT.Selection, e -> setWindow(windowStart + WINDOW_BYTES));
        windowLabel = new Label(bar, SWT.NONE);
        windowLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private void createTable(Composite root) {
        headerBg = new Color(new RGB(0xDD, 0xEB, 0xFF));
        grid = new HexGrid(root, new HexGrid.Bytes() {
            @Override
            public int byteAt(int row, int col) {
                return HexEditor.this.byteAt(row, col);
            }

            @Override
            public int rows() {
                return windowRows();
            }

            @Override
            public String rowLabel(int row) {
                return String.format("%010X", windowStart + (long) row * ROW_BYTES);
            }
        }, 112, (labels, row, col) -> {
            long off = windowStart + (long) row * ROW_BYTES + col;
            if (pageFile && off % Page.SIZE < Page.HEADER_SIZE) {
                labels.add(LABEL_HEADER);
            }
        }, reg -> HexGrid.background(reg, LABEL_HEADER, headerBg));
        natTable = grid.natTable;
        natTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    private void goToTyped() {
        String t = offsetText.getText().trim().replace("_", "");
        try {
            long off = t.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            goToOffset(off);
        } catch (NumberFormatException e) {
            windowLabel.setText("not an offset: " + t + " (decimal, or hex with 0x)");
        }
    }

    /** Moves the view to {@code offset} and selects that byte. */
    public void goToOffset(long offset) {
        if (offset < 0 || offset >= source.size()) {
            windowLabel.setText(String.format(Locale.ROOT, "offset 0x%X is outside the file (size 0x%X)", offset, source.size()));
            return;
        }
        setWindow(offset / WINDOW_BYTES * WINDOW_BYTES);
        grid.select((int) ((offset - windowStart) / ROW_BYTES), (int) (offset % ROW_BYTES));
    }

    private void setWindow(long start) {
        long s = Math.max(0, Math.min(start, Math.max(0, (source.size() - 1) / WINDOW_BYTES * WINDOW_BYTES)));
        if (s != windowStart) {
            windowStart = s;
            grid.reset();
        }
        updateWindowLabel();
    }

    private void updateWindowLabel() {
        long size = source.size();
        long windows = Math.max(1, (size + WINDOW_BYTES - 1) / WINDOW_BYTES);
        long end = Math.min(size, windowStart + WINDOW_BYTES);
        prev.setEnabled(windowStart > 0);
        next.setEnabled(end < size);
        windowLabel.setText(windows == 1
                ? String.format(Locale.ROOT, "%,d bytes, read-only", size)
                : String.format(Locale.ROOT, "bytes 0x%X-0x%X of %,d (window %d of %d), read-only", windowStart, end - 1, size,
                        windowStart / WINDOW_BYTES + 1, windows));
    }

    @Override
    public void setFocus() {
        natTable.setFocus();
    }

    @Override
    public void dispose() {
        try {
            source.close();
        } catch (IOException e) {
            // nothing to do: the channel is read-only
        }
        if (headerBg != null) {
            headerBg.dispose();
        }
        super.dispose();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // evidence is read-only
    }

    @Override
    public void doSaveAs() {
        // evidence is read-only
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}

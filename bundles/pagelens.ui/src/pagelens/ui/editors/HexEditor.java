package pagelens.ui.editors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

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

import pagelens.core.io.CachedReader;
import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Page;

/**
 * A read-only hex view of any evidence file: a virtualised NatTable of 16-byte rows. NatTable counts
 * rows and pixels in {@code int}, so the file is shown through a 64 MiB window that the bar above the
 * grid moves (go to offset, previous/next window); only the rows on screen are read, through a small
 * block cache, so a multi-gigabyte file opens at once.
 */
public final class HexEditor extends ReadOnlyEditor {
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
    private Label findLabel;
    private long findFrom;
    private String lastFind;
    private Text offsetText;
    private Button prev;
    private Button next;
    private Color headerBg;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        EvidenceEditorInput in = initEvidence(site, input, "");
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
        findLabel = new FindBar(root, "Find:", 220, this::findNext).status;
    }

    /** Finds the pattern after the last hit (or from the start of the file) in a background job; the hit is selected. */
    public void findNext(String typed, pagelens.core.io.ByteSearch.Mode mode) {
        byte[] pattern;
        try {
            pattern = pagelens.core.io.ByteSearch.pattern(typed, mode);
        } catch (IllegalArgumentException e) {
            findLabel.setText(e.getMessage());
            return;
        }
        if (!typed.equals(lastFind)) {
            findFrom = 0;
            lastFind = typed;
        }
        long from = findFrom;
        findLabel.setText(String.format(Locale.ROOT, "searching from 0x%X ...", from));
        org.eclipse.core.runtime.jobs.Job job = new org.eclipse.core.runtime.jobs.Job("Find in " + getPartName()) {
            @Override
            protected org.eclipse.core.runtime.IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    long hit = pagelens.core.io.ByteSearch.find(source, pattern, from, new pagelens.ui.base.MonitorAdapter(monitor, f -> {
                    }));
                    findLabel.getDisplay().asyncExec(() -> {
                        if (findLabel.isDisposed()) {
                            return;
                        }
                        if (hit < 0) {
                            findLabel.setText(String.format(Locale.ROOT, "not found after 0x%X (%d bytes)", from, pattern.length));
                            findFrom = 0;
                        } else {
                            findLabel.setText(String.format(Locale.ROOT, "found at 0x%X (%d bytes); Find next continues", hit, pattern.length));
                            findFrom = hit + 1;
                            goToOffset(hit);
                        }
                    });
                } catch (pagelens.core.io.CanceledException e) {
                    return org.eclipse.core.runtime.Status.CANCEL_STATUS;
                } catch (java.io.IOException e) {
                    findLabel.getDisplay().asyncExec(() -> findLabel.setText("cannot read: " + e.getMessage()));
                }
                return org.eclipse.core.runtime.Status.OK_STATUS;
            }
        };
        job.schedule();
    }

    public String findStatus() {
        return findLabel.getText();
    }

    private void createTable(Composite root) {
        headerBg = new Color(pagelens.ui.base.Palette.header(false));
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

}

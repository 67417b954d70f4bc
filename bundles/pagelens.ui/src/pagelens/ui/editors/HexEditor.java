package pagelens.ui.editors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectCellCommand;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
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

    static final String LABEL_ZERO = "ZERO";
    static final String LABEL_HEADER = "PAGE_HEADER";
    static final String LABEL_TEXT = "TEXT";
    static final String LABEL_OFFSET = "OFFSET";

    private EvidenceSource source;
    private CachedReader reader;
    private long windowStart;
    /** Data or log file: page headers are coloured. */
    private boolean pageFile;
    private NatTable natTable;
    private SelectionLayer selectionLayer;
    private ViewportLayer viewportLayer;
    private Label windowLabel;
    private Text offsetText;
    private Button prev;
    private Button next;
    private Color headerBg;
    private Color zeroFg;
    private Color offsetFg;

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
        IDataProvider body = new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                if (col < ROW_BYTES) {
                    int b = byteAt(row, col);
                    return b >= 0 ? String.format("%02X", b) : b == -2 ? "??" : "";
                }
                StringBuilder sb = new StringBuilder(ROW_BYTES);
                for (int i = 0; i < ROW_BYTES; i++) {
                    int b = byteAt(row, i);
                    if (b < 0) {
                        break;
                    }
                    sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                }
                return sb.toString();
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
                // read-only: evidence is never changed
            }

            @Override
            public int getColumnCount() {
                return ROW_BYTES + 1;
            }

            @Override
            public int getRowCount() {
                return windowRows();
            }
        };
        IDataProvider colHeader = new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                return col < ROW_BYTES ? String.format("%02X", col) : "Text";
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
            }

            @Override
            public int getColumnCount() {
                return ROW_BYTES + 1;
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        };
        IDataProvider rowHeader = new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                return String.format("%010X", windowStart + (long) row * ROW_BYTES);
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
            }

            @Override
            public int getColumnCount() {
                return 1;
            }

            @Override
            public int getRowCount() {
                return windowRows();
            }
        };
        Font mono = JFaceResources.getTextFont();
        DataLayer bodyData = new DataLayer(body, 26, 20);
        bodyData.setColumnWidthByPosition(ROW_BYTES, 150);
        bodyData.setConfigLabelAccumulator((labels, col, row) -> {
            if (col == ROW_BYTES) {
                labels.add(LABEL_TEXT);
                return;
            }
            long off = windowStart + (long) row * ROW_BYTES + col;
            if (pageFile && off % Page.SIZE < Page.HEADER_SIZE) {
                labels.add(LABEL_HEADER);
            }
            if (byteAt(row, col) == 0) {
                labels.add(LABEL_ZERO);
            }
        });
        selectionLayer = new SelectionLayer(bodyData);
        viewportLayer = new ViewportLayer(selectionLayer);
        DataLayer colHeaderData = new DataLayer(colHeader, 26, 20);
        colHeaderData.setColumnWidthByPosition(ROW_BYTES, 150);
        ColumnHeaderLayer colHeaderLayer = new ColumnHeaderLayer(colHeaderData, viewportLayer, selectionLayer);
        DataLayer rowHeaderData = new DataLayer(rowHeader, 112, 20);
        rowHeaderData.setConfigLabelAccumulator((labels, col, row) -> labels.add(LABEL_OFFSET));
        RowHeaderLayer rowHeaderLayer = new RowHeaderLayer(rowHeaderData, viewportLayer, selectionLayer);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(colHeader, rowHeader)),
                rowHeaderLayer, colHeaderLayer);
        GridLayer grid = new GridLayer(viewportLayer, colHeaderLayer, rowHeaderLayer, corner);

        natTable = new NatTable(root, SWT.NO_BACKGROUND | SWT.NO_REDRAW_RESIZE | SWT.DOUBLE_BUFFERED | SWT.V_SCROLL | SWT.H_SCROLL,
                grid, false);
        natTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        DefaultNatTableStyleConfiguration style = new DefaultNatTableStyleConfiguration();
        style.font = mono;
        style.hAlign = HorizontalAlignmentEnum.CENTER;
        natTable.addConfiguration(style);
        headerBg = new Color(new RGB(0xDD, 0xEB, 0xFF));
        zeroFg = new Color(new RGB(0xA8, 0xA8, 0xA8));
        offsetFg = new Color(new RGB(0x30, 0x50, 0x90));
        natTable.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry reg) {
                Style header = new Style();
                header.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, headerBg);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, header, DisplayMode.NORMAL, LABEL_HEADER);
                Style zero = new Style();
                zero.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, zeroFg);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, zero, DisplayMode.NORMAL, LABEL_ZERO);
                Style text = new Style();
                text.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.LEFT);
                text.setAttributeValue(CellStyleAttributes.FONT, mono);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, text, DisplayMode.NORMAL, LABEL_TEXT);
                Style off = new Style();
                off.setAttributeValue(CellStyleAttributes.FONT, mono);
                off.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, offsetFg);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, off, DisplayMode.NORMAL, LABEL_OFFSET);
            }
        });
        natTable.configure();
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
        int row = (int) ((offset - windowStart) / ROW_BYTES);
        int col = (int) (offset % ROW_BYTES);
        selectionLayer.doCommand(new SelectCellCommand(selectionLayer, col, row, false, false));
    }

    private void setWindow(long start) {
        long s = Math.max(0, Math.min(start, Math.max(0, (source.size() - 1) / WINDOW_BYTES * WINDOW_BYTES)));
        if (s != windowStart) {
            windowStart = s;
            selectionLayer.clear();
            natTable.refresh();
            viewportLayer.setOriginY(viewportLayer.getStartYOfRowPosition(0));
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

    /** The cell at the top-left of the body (tests). */
    ILayerCell firstBodyCell() {
        return selectionLayer.getCellByPosition(0, 0);
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
        for (Color c : new Color[] { headerBg, zeroFg, offsetFg }) {
            if (c != null) {
                c.dispose();
            }
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

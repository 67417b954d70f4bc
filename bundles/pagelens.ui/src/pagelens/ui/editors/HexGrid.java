package pagelens.ui.editors;

import java.util.function.Consumer;

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
import org.eclipse.nebula.widgets.nattable.layer.LabelStack;
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
import org.eclipse.swt.widgets.Composite;

/**
 * The virtualised hex grid both editors use: a row header with the offset, 16 byte columns and a text
 * column, in a monospace font, zero bytes grey. Only the cells on screen are asked for.
 */
final class HexGrid {
    static final int ROW_BYTES = 16;
    static final String LABEL_ZERO = "ZERO";
    static final String LABEL_TEXT = "TEXT";
    static final String LABEL_OFFSET = "OFFSET";

    /** Where the bytes come from. */
    interface Bytes {
        /** The byte at row/column (0..255), -1 past the end, -2 unreadable. */
        int byteAt(int row, int col);

        int rows();

        String rowLabel(int row);
    }

    /** Adds labels for one byte cell (regions, focus). */
    interface Labeller {
        void addLabels(LabelStack labels, int row, int col);
    }

    final NatTable natTable;
    final SelectionLayer selectionLayer;
    final ViewportLayer viewportLayer;
    private final Color zeroFg;
    private final Color offsetFg;

    HexGrid(Composite parent, Bytes bytes, int rowHeaderWidth, Labeller labeller, Consumer<IConfigRegistry> styles) {
        IDataProvider body = new Provider(ROW_BYTES + 1, bytes::rows) {
            @Override
            public Object getDataValue(int col, int row) {
                if (col < ROW_BYTES) {
                    int b = bytes.byteAt(row, col);
                    return b >= 0 ? String.format("%02X", b) : b == -2 ? "??" : "";
                }
                StringBuilder sb = new StringBuilder(ROW_BYTES);
                for (int i = 0; i < ROW_BYTES; i++) {
                    int b = bytes.byteAt(row, i);
                    if (b < 0) {
                        break;
                    }
                    sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                }
                return sb.toString();
            }
        };
        IDataProvider colHeader = new Provider(ROW_BYTES + 1, () -> 1) {
            @Override
            public Object getDataValue(int col, int row) {
                return col < ROW_BYTES ? String.format("%02X", col) : "Text";
            }
        };
        IDataProvider rowHeader = new Provider(1, bytes::rows) {
            @Override
            public Object getDataValue(int col, int row) {
                return bytes.rowLabel(row);
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
            labeller.addLabels(labels, row, col);
            if (bytes.byteAt(row, col) == 0) {
                labels.add(LABEL_ZERO);
            }
        });
        selectionLayer = new SelectionLayer(bodyData);
        viewportLayer = new ViewportLayer(selectionLayer);
        DataLayer colHeaderData = new DataLayer(colHeader, 26, 20);
        colHeaderData.setColumnWidthByPosition(ROW_BYTES, 150);
        ColumnHeaderLayer colHeaderLayer = new ColumnHeaderLayer(colHeaderData, viewportLayer, selectionLayer);
        DataLayer rowHeaderData = new DataLayer(rowHeader, rowHeaderWidth, 20);
        rowHeaderData.setConfigLabelAccumulator((labels, col, row) -> labels.add(LABEL_OFFSET));
        RowHeaderLayer rowHeaderLayer = new RowHeaderLayer(rowHeaderData, viewportLayer, selectionLayer);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(colHeader, rowHeader)), rowHeaderLayer, colHeaderLayer);
        natTable = new NatTable(parent, SWT.NO_BACKGROUND | SWT.NO_REDRAW_RESIZE | SWT.DOUBLE_BUFFERED | SWT.V_SCROLL | SWT.H_SCROLL,
                new GridLayer(viewportLayer, colHeaderLayer, rowHeaderLayer, corner), false);
        DefaultNatTableStyleConfiguration style = new DefaultNatTableStyleConfiguration();
        style.font = mono;
        style.hAlign = HorizontalAlignmentEnum.CENTER;
        natTable.addConfiguration(style);
        zeroFg = new Color(new RGB(0xA8, 0xA8, 0xA8));
        offsetFg = new Color(new RGB(0x30, 0x50, 0x90));
        natTable.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry reg) {
                Style zero = new Style();
                zero.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, zeroFg);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, zero, DisplayMode.NORMAL, LABEL_ZERO);
                Style text = new Style();
                text.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.LEFT);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, text, DisplayMode.NORMAL, LABEL_TEXT);
                Style off = new Style();
                off.setAttributeValue(CellStyleAttributes.FONT, mono);
                off.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, offsetFg);
                reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, off, DisplayMode.NORMAL, LABEL_OFFSET);
                styles.accept(reg);
            }
        });
        natTable.configure();
        natTable.addDisposeListener(e -> {
            zeroFg.dispose();
            offsetFg.dispose();
        });
    }

    /** Registers a background colour for a label. */
    static void background(IConfigRegistry reg, String label, Color bg) {
        Style s = new Style();
        s.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, bg);
        reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, s, DisplayMode.NORMAL, label);
    }

    /** Selects the cell of a byte (the viewport follows). */
    void select(int row, int col) {
        selectionLayer.doCommand(new SelectCellCommand(selectionLayer, col, row, false, false));
    }

    /** Back to the top, after the rows changed. */
    void reset() {
        selectionLayer.clear();
        natTable.refresh();
        viewportLayer.setOriginY(viewportLayer.getStartYOfRowPosition(0));
    }

    private abstract static class Provider implements IDataProvider {
        private final int columns;
        private final java.util.function.IntSupplier rows;

        Provider(int columns, java.util.function.IntSupplier rows) {
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public void setDataValue(int col, int row, Object value) {
            // read-only: evidence is never changed
        }

        @Override
        public int getColumnCount() {
            return columns;
        }

        @Override
        public int getRowCount() {
            return rows.getAsInt();
        }
    }
}

package pagelens.ui.base;

import java.util.Map;
import java.util.function.IntSupplier;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.IConfigLabelAccumulator;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;

/**
 * The workbench's read-only result grids (container browser, table rows, preflight): one NatTable composition, a row header
 * with row numbers, a column header, a selection layer, and row backgrounds by label. Virtual: the providers are asked only
 * for the cells on screen.
 */
public final class Grids {
    private Grids() {
    }

    /** A grid and its selection layer (selection events, the selected row). */
    public record Grid(NatTable table, SelectionLayer selection) {
    }

    /** Gives a cell's value (column, row). */
    public interface Cells {
        Object cell(int column, int row);
    }

    /** A read-only provider of {@code columns} columns and {@code rows} rows (asked again on every refresh). */
    public static IDataProvider readOnly(int columns, IntSupplier rows, Cells cells) {
        return new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                return cells.cell(col, row);
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
                // read-only
            }

            @Override
            public int getColumnCount() {
                return columns;
            }

            @Override
            public int getRowCount() {
                return rows.getAsInt();
            }
        };
    }

    /**
     * Creates the grid, filling its parent's remaining space (GridLayout).
     *
     * @param widths         column widths (null: {@code defaultWidth} for every column)
     * @param rowHeaderWidth width of the row-number column
     * @param labels         the labels of a cell (for backgrounds), or null
     * @param backgrounds    a background colour per label (owned by the caller)
     */
    public static Grid create(Composite parent, IDataProvider body, IDataProvider header, int defaultWidth, int[] widths, int rowHeaderWidth,
            IConfigLabelAccumulator labels, Map<String, Color> backgrounds) {
        DataLayer data = new DataLayer(body, defaultWidth, 22);
        DataLayer headerData = new DataLayer(header, defaultWidth, 22);
        for (int i = 0; widths != null && i < widths.length; i++) {
            data.setColumnWidthByPosition(i, widths[i]);
            headerData.setColumnWidthByPosition(i, widths[i]);
        }
        if (labels != null) {
            data.setConfigLabelAccumulator(labels);
        }
        SelectionLayer selection = new SelectionLayer(data);
        ViewportLayer viewport = new ViewportLayer(selection);
        ColumnHeaderLayer colHeader = new ColumnHeaderLayer(headerData, viewport, selection);
        DefaultRowHeaderDataProvider rowHeaderProvider = new DefaultRowHeaderDataProvider(body);
        RowHeaderLayer rowHeader = new RowHeaderLayer(new DataLayer(rowHeaderProvider, rowHeaderWidth, 22), viewport, selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(header, rowHeaderProvider)), rowHeader, colHeader);
        NatTable table = new NatTable(parent, SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED | SWT.V_SCROLL | SWT.H_SCROLL,
                new GridLayer(viewport, colHeader, rowHeader, corner), false);
        table.addConfiguration(new DefaultNatTableStyleConfiguration());
        table.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry reg) {
                backgrounds.forEach((label, colour) -> {
                    Style s = new Style();
                    s.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, colour);
                    reg.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, s, DisplayMode.NORMAL, label);
                });
            }
        });
        table.configure();
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return new Grid(table, selection);
    }
}

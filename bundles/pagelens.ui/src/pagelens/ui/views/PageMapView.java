package pagelens.ui.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import pagelens.core.page.PageId;
import pagelens.core.scan.PageStatus;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceRegistry;

/**
 * Every page of the file in the active page editor as a small cell coloured by health (from the
 * background scan); legend, zoom, tooltip, click to open. Only the visible rows are painted, in runs of
 * one colour, so a file of a million pages stays responsive.
 */
public final class PageMapView extends ViewPart {
    public static final String ID = "pagelens.ui.views.pagemap";

    private Canvas canvas;
    private Label info;
    private Combo zoom;
    private Combo mode;
    private Composite legend;
    /** Owner mode: the colour index of every page (0..OWNER_COLOURS-1 the largest owners, OWNER_COLOURS other, -1 none), or null. */
    private byte[] ownerIndex;
    private java.util.List<String> ownerNames = java.util.List.of();
    private final Color[] ownerColours = new Color[pagelens.ui.base.Palette.OWNER_COLOURS + 2];
    private PageEditor editor;
    private PageStatus status;
    private int cell = 6;
    private final Color[] colours = new Color[6];
    private final Consumer<EvidenceItem> listener = item -> {
        Display d = Display.getDefault();
        if (!d.isDisposed()) {
            d.asyncExec(this::reload);
        }
    };
    private final IPartListener2 parts = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof PageEditor pe) {
                editor = pe;
                reload();
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        RGB[] rgb = new RGB[6];
        for (byte b = 0; b < 6; b++) {
            rgb[b] = pagelens.ui.base.Palette.health(b);
        }
        for (int i = 0; i < rgb.length; i++) {
            colours[i] = new Color(rgb[i]);
        }
        for (int i = 0; i <= pagelens.ui.base.Palette.OWNER_COLOURS; i++) {
            ownerColours[i] = new Color(pagelens.ui.base.Palette.owner(i));
        }
        ownerColours[pagelens.ui.base.Palette.OWNER_COLOURS + 1] = new Color(pagelens.ui.base.Palette.owner(-1));
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(5, false));
        new Label(root, SWT.NONE).setText("Colour by:");
        mode = new Combo(root, SWT.READ_ONLY);
        mode.setItems("health", "owner");
        mode.select(0);
        mode.addListener(SWT.Selection, e -> reload());
        new Label(root, SWT.NONE).setText("Zoom:");
        zoom = new Combo(root, SWT.READ_ONLY);
        zoom.setItems("2 px", "4 px", "6 px", "10 px", "16 px");
        zoom.select(2);
        zoom.addListener(SWT.Selection, e -> {
            cell = Integer.parseInt(zoom.getText().split(" ")[0]);
            updateScroll();
            canvas.redraw();
        });
        info = new Label(root, SWT.NONE);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        info.setText(HEALTH_LEGEND);
        legend = new Composite(root, SWT.NONE);
        GridData legendData = new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1);
        legendData.widthHint = 0; // takes the view's width, never widens it
        legend.setLayoutData(legendData);
        org.eclipse.swt.layout.RowLayout rl = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rl.center = true;
        // one line, cut at the view's edge (the map's tooltip names each page's owner): wrapped over
        // several lines, the legend of a database with many owners left the map itself a few pixels high in a short view
        rl.wrap = false;
        legend.setLayout(rl);
        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.V_SCROLL | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> updateScroll());
        canvas.getVerticalBar().addListener(SWT.Selection, e -> canvas.redraw());
        canvas.addListener(SWT.MouseMove, e -> {
            long p = pageAt(e.x, e.y);
            canvas.setToolTipText(p < 0 ? null : String.format(Locale.ROOT, "page %d:%d - %s%s (click to open)", fileId(), p, describe(status.get(p)),
                    ownerOf(p)));
        });
        canvas.addListener(SWT.MouseDown, e -> {
            long p = pageAt(e.x, e.y);
            if (p >= 0 && editor != null) {
                editor.showPage(new PageId(fileId(), p));
                getSite().getPage().activate(editor);
            }
        });
        getSite().getPage().addPartListener(parts);
        EvidenceRegistry.get().addListener(listener);
        if (getSite().getPage().getActiveEditor() instanceof PageEditor pe) {
            editor = pe;
        }
        reload();
    }

    private static final String HEALTH_LEGEND = "green: checksum verifies, teal: torn bits whole, blue: no protection, grey: never used, "
            + "orange: warning, red: damaged";

    /** Whether the map colours pages by their owner. */
    public boolean byOwner() {
        return mode != null && mode.getSelectionIndex() == 1;
    }

    /** Colours by health (false) or by owner (true). */
    public void colourByOwner(boolean owner) {
        mode.select(owner ? 1 : 0);
        reload();
    }

    /** The legend's owner names in colour order (owner mode), for tests. */
    public java.util.List<String> ownerLegend() {
        return ownerNames;
    }

    private String ownerOf(long p) {
        pagelens.core.exam.Examination e = examination();
        pagelens.core.catalog.Owner o = e == null ? null : e.ownerOf(new PageId(fileId(), p));
        return o == null ? "" : " - " + pagelens.report.OwnerText.brief(o);
    }

    private pagelens.core.exam.Examination examination() {
        if (editor == null || editor.store() == null) {
            return null;
        }
        EvidenceItem i = EvidenceRegistry.get().find(editor.store().evidence());
        return i == null ? null : i.examination();
    }

    /** Owner mode: one colour index per page from the examination's ownership; the legend names the largest owners. */
    private void computeOwners() {
        ownerIndex = null;
        ownerNames = java.util.List.of();
        for (org.eclipse.swt.widgets.Control c : legend.getChildren()) {
            c.dispose();
        }
        pagelens.core.exam.Examination e = examination();
        if (!byOwner() || status == null || e == null || e.ownership() == null) {
            info.setText(byOwner() ? "owner: not known for this evidence (no system catalog read)" : HEALTH_LEGEND);
            legend.getParent().layout(true, true);
            return;
        }
        java.util.List<pagelens.core.catalog.Ownership.Group> largest = new java.util.ArrayList<>(e.ownership().groups());
        largest.sort((a, b) -> Long.compare(b.pages(), a.pages()));
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < largest.size() && i < pagelens.ui.base.Palette.OWNER_COLOURS; i++) {
            index.put(largest.get(i).owner().groupKey(), i);
            names.add(pagelens.report.OwnerText.brief(largest.get(i).owner()));
        }
        int file = fileId();
        byte[] idx = new byte[(int) Math.min(status.pages(), Integer.MAX_VALUE - 8)];
        java.util.Map<Long, Byte> byUnit = new java.util.HashMap<>();
        for (int p = 0; p < idx.length; p++) {
            pagelens.core.catalog.Owner o = e.ownerOf(new PageId(file, p));
            if (o == null) {
                idx[p] = -1;
                continue;
            }
            idx[p] = byUnit.computeIfAbsent(o.allocationUnitId() ^ ((long) o.by().ordinal() << 62),
                    k -> (byte) (int) index.getOrDefault(o.groupKey(), pagelens.ui.base.Palette.OWNER_COLOURS));
        }
        ownerIndex = idx;
        ownerNames = List.copyOf(names);
        for (int i = 0; i <= names.size(); i++) {
            swatch(ownerColours[i < names.size() ? i : pagelens.ui.base.Palette.OWNER_COLOURS]);
            new Label(legend, SWT.NONE).setText(i < names.size() ? names.get(i) : "other owners");
        }
        swatch(ownerColours[pagelens.ui.base.Palette.OWNER_COLOURS + 1]);
        new Label(legend, SWT.NONE).setText("no owner (maps, boot page, unformatted)");
        info.setText(String.format(Locale.ROOT, "owners of pages, the %d largest in colour", names.size()));
        legend.getParent().layout(true, true);
    }

    /** A painted colour swatch for the legend (a label's background is not painted on every platform). */
    private void swatch(Color colour) {
        Canvas sw = new Canvas(legend, SWT.NONE);
        sw.setLayoutData(new org.eclipse.swt.layout.RowData(14, 14));
        sw.addPaintListener(e -> {
            e.gc.setBackground(colour);
            e.gc.fillRectangle(0, 0, 14, 14);
            e.gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            e.gc.drawRectangle(0, 0, 13, 13);
        });
    }

    private int fileId() {
        return editor != null && editor.currentPage() != null ? editor.currentPage().fileId() : 1;
    }

    static String describe(byte s) {
        return switch (s) {
            case PageStatus.CHECKSUM_OK -> "checksum verifies";
            case PageStatus.TORN_OK -> "torn-page bits whole";
            case PageStatus.UNPROTECTED -> "no protection";
            case PageStatus.WARNING -> "warning";
            case PageStatus.DAMAGED -> "damaged";
            default -> "never used";
        };
    }

    /** Reads the status of the active page editor's file from the evidence registry. */
    public void reload() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        status = null;
        if (editor != null && editor.store() != null) {
            Path p = editor.store().evidence();
            for (EvidenceItem i : EvidenceRegistry.get().items()) {
                if (i.path().equals(p)) {
                    status = i.pageStatus();
                }
            }
            setContentDescription(p.getFileName() + (status == null ? ": not scanned yet (page files are scanned in the background)"
                    : String.format(Locale.ROOT, ": %,d pages", status.pages())));
        } else {
            setContentDescription("Open a data or log file in the page editor to see its pages.");
        }
        computeOwners();
        updateScroll();
        canvas.redraw();
    }

    private int cols() {
        return Math.max(1, (canvas.getClientArea().width - 4) / cell);
    }

    private void updateScroll() {
        ScrollBar bar = canvas.getVerticalBar();
        long rows = status == null ? 0 : (status.pages() + cols() - 1) / cols();
        int visible = Math.max(1, canvas.getClientArea().height / cell);
        bar.setMaximum((int) Math.min(Integer.MAX_VALUE - 1, rows));
        bar.setThumb(Math.min(visible, Math.max(1, (int) rows)));
        bar.setPageIncrement(visible);
        bar.setEnabled(rows > visible);
    }

    private long pageAt(int x, int y) {
        if (status == null) {
            return -1;
        }
        int col = (x - 2) / cell;
        if (col < 0 || col >= cols()) {
            return -1;
        }
        long row = canvas.getVerticalBar().getSelection() + y / cell;
        long p = row * cols() + col;
        return p < status.pages() ? p : -1;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        if (status == null) {
            return;
        }
        int cols = cols();
        long first = canvas.getVerticalBar().getSelection();
        int rows = area.height / cell + 1;
        int gap = cell >= 4 ? 1 : 0;
        for (int r = 0; r < rows; r++) {
            long base = (first + r) * cols;
            if (base >= status.pages()) {
                break;
            }
            int c = 0;
            byte[] owners = ownerIndex;
            while (c < cols && base + c < status.pages()) {
                byte s = owners != null ? owners[(int) (base + c)] : status.get(base + c);
                int start = c;
                while (c < cols && base + c < status.pages() && (owners != null ? owners[(int) (base + c)] : status.get(base + c)) == s && gap == 0) {
                    c++;
                }
                if (gap > 0) {
                    c++;
                }
                gc.setBackground(owners != null ? ownerColours[s < 0 ? pagelens.ui.base.Palette.OWNER_COLOURS + 1 : s] : colours[Math.max(0, Math.min(5, s))]);
                gc.fillRectangle(2 + start * cell, r * cell, (c - start) * cell - gap, cell - gap);
            }
        }
    }

    /** The file's status being shown (tests). */
    public PageStatus shown() {
        return status;
    }

    /** The zoom control (tests). */
    public Combo zoomCombo() {
        return zoom;
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(parts);
        EvidenceRegistry.get().removeListener(listener);
        for (Color c : colours) {
            if (c != null) {
                c.dispose();
            }
        }
        for (Color c : ownerColours) {
            if (c != null) {
                c.dispose();
            }
        }
        super.dispose();
    }
}

package pagelens.ui.views;

import java.nio.file.Files;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

import pagelens.core.identify.Identification;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/**
 * Every opened evidence item with its kind, size and SHA-256, as a tree: a backup shows its set, the set its database
 * files, each file its page groups by health and type; a data file shows its page groups once scanned. Double-click
 * opens an item, or the first page of a group in the page editor.
 */
public final class EvidenceExplorerView extends ViewPart {
    public static final String ID = pagelens.ui.editors.EvidenceOpener.EXPLORER_VIEW_ID;

    /** A child row of the tree: a backup set, a database file of a backup, or a page group. */
    public record Child(EvidenceItem item, String text, Object data, int fileId, long firstPage) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Tree rows of the database's own catalog: the database, a schema, a table, one partition of an index or heap. */
    public record DatabaseNode() {
    }

    public record SchemaNode(int schemaId) {
    }

    public record TableNode(int objectId) {
    }

    public record PartitionNode(long rowsetId) {
    }

    private TreeViewer viewer;
    private final Consumer<EvidenceItem> listener = item -> {
        Display d = Display.getDefault();
        if (!d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        column("Name", 250, i -> i.path().getFileName() != null ? i.path().getFileName().toString() : i.path().toString());
        column("Kind", 110, i -> i.identification() == null ? "identifying..." : i.identification().kind().id());
        column("Size", 90, EvidenceExplorerView::sizeText);
        column("SHA-256", 140, EvidenceItem::hashText);
        column("Details", 320, i -> {
            Identification id = i.identification();
            if (id == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            if (id.databaseName() != null) {
                sb.append(id.databaseName()).append(" (version ").append(id.databaseVersion()).append("); ");
            }
            return sb.append(String.join("; ", id.details())).toString();
        });
        column("Path", 320, i -> i.path().toString());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((java.util.List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return children(e).toArray();
            }

            @Override
            public Object getParent(Object e) {
                return null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return !children(e).isEmpty();
            }
        });
        viewer.setInput(EvidenceRegistry.get().items());
        // files and folders dropped on the explorer open as evidence
        viewer.addDropSupport(org.eclipse.swt.dnd.DND.DROP_COPY | org.eclipse.swt.dnd.DND.DROP_LINK | org.eclipse.swt.dnd.DND.DROP_DEFAULT,
                new org.eclipse.swt.dnd.Transfer[] { org.eclipse.swt.dnd.FileTransfer.getInstance() }, new org.eclipse.swt.dnd.DropTargetAdapter() {
                    @Override
                    public void dragEnter(org.eclipse.swt.dnd.DropTargetEvent e) {
                        // evidence is never moved: a drop only opens it
                        e.detail = org.eclipse.swt.dnd.DND.DROP_COPY;
                    }

                    @Override
                    public void drop(org.eclipse.swt.dnd.DropTargetEvent e) {
                        if (e.data instanceof String[] names) {
                            EvidenceOpener.openDropped(getSite().getWorkbenchWindow(), names);
                        }
                    }
                });
        viewer.addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof EvidenceItem item && Files.exists(item.path())) {
                EvidenceOpener.openEditor(getSite().getPage(), item.path());
            } else if (o instanceof Child c && c.data() instanceof TableNode t) {
                openRows(c, t);
            } else if (o instanceof Child c && c.firstPage() >= 0) {
                openPage(c);
            } else if (o instanceof Child c) {
                EvidenceOpener.openEditor(getSite().getPage(), c.item().path());
            }
        });
        getSite().setSelectionProvider(viewer);
        EvidenceRegistry.get().addListener(listener);
    }

    private static String sizeText(EvidenceItem i) {
        Identification id = i.identification();
        if (id != null && id.size() >= 0) {
            return String.format(Locale.ROOT, "%,d", id.size());
        }
        try {
            return Files.isDirectory(i.path()) ? "folder" : String.format(Locale.ROOT, "%,d", Files.size(i.path()));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The children of a tree element (format facts come from the core: the backup's catalog and page groups). */
    static java.util.List<Object> children(Object e) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        if (e instanceof EvidenceItem item) {
            pagelens.core.backup.Backup b = item.backup();
            if (b != null) {
                out.add(new Child(item, String.format(Locale.ROOT, "backup set: %s, SQL Server %s, database version %s", b.backupKind(),
                        b.softwareVersion(), b.databaseVersion()), b, -1, -1));
            } else if (item.pageStatus() != null) {
                int fileId = 1;
                for (pagelens.core.scan.PageStatus.Group g : item.pageStatus().groups()) {
                    out.add(new Child(item, String.format(Locale.ROOT, "%s: %,d pages", pagelens.ui.base.Labels.group(g), g.count()), g, fileId, g.firstPage()));
                }
            }
            pagelens.core.exam.Examination ex = item.examination();
            if (ex != null && ex.catalog() != null && ex.catalog().readable()) {
                pagelens.core.catalog.Catalog cat = ex.catalog();
                long catalogFindings = ex.findingList().stream().filter(f -> f.ruleId().startsWith("catalog.")).count();
                out.add(new Child(item, String.format(Locale.ROOT, "database: %d user table(s)%s", cat.userTables().size(),
                        catalogFindings > 0 ? ", system catalog damaged or incomplete (" + catalogFindings + " finding(s))" : ""), new DatabaseNode(), -1, -1));
            }
        } else if (e instanceof Child c && c.data() instanceof pagelens.core.backup.Backup b) {
            for (pagelens.core.backup.BackupCatalog.FileEntry f : b.catalog().files()) {
                out.add(new Child(c.item(), String.format(Locale.ROOT, "file %d (%s) %s, %,d bytes%s", f.fileId(), b.typeOf(f).letter(),
                        f.logicalName(), f.size(), b.catalog().filegroupName(f) == null ? "" : ", " + b.catalog().filegroupName(f)), f, f.fileId(), -1));
            }
            for (Integer id : b.groups().keySet()) {
                if (b.catalog().files().stream().noneMatch(f -> f.fileId() == id)) {
                    out.add(new Child(c.item(), "pages of file " + id + " (not in the file list)", id, id, -1));
                }
            }
        } else if (e instanceof Child c && (c.data() instanceof DatabaseNode || c.data() instanceof SchemaNode || c.data() instanceof TableNode)) {
            out.addAll(catalogChildren(c));
        } else if (e instanceof Child c && (c.data() instanceof pagelens.core.backup.BackupCatalog.FileEntry || c.data() instanceof Integer)) {
            pagelens.core.backup.Backup b = c.item().backup();
            for (pagelens.core.scan.PageStatus.Group g : b.groups().getOrDefault(c.fileId(), java.util.List.of())) {
                out.add(new Child(c.item(), String.format(Locale.ROOT, "%s: %,d pages", pagelens.ui.base.Labels.group(g), g.count()), g, c.fileId(), g.firstPage()));
            }
        }
        return out;
    }

    /** Schemas, tables and partitions with their pages and damaged pages, from the examination's catalog and ownership. */
    private static java.util.List<Object> catalogChildren(Child c) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        pagelens.core.exam.Examination ex = c.item().examination();
        if (ex == null || ex.catalog() == null) {
            return out;
        }
        pagelens.core.catalog.Catalog cat = ex.catalog();
        java.util.Map<Long, pagelens.core.catalog.Ownership.Group> byUnit = new java.util.HashMap<>();
        if (ex.ownership() != null) {
            ex.ownership().groups().forEach(g -> byUnit.put(g.owner().allocationUnitId(), g));
        }
        if (c.data() instanceof DatabaseNode) {
            java.util.Map<Integer, Integer> tables = new java.util.TreeMap<>();
            cat.userTables().forEach(t -> tables.merge(t.schemaId(), 1, Integer::sum));
            tables.forEach((id, n) -> {
                String name = cat.schemaName(id);
                out.add(new Child(c.item(), String.format(Locale.ROOT, "schema %s: %d table(s)", name == null ? "#" + id + " (name unavailable)" : name, n),
                        new SchemaNode(id), -1, -1));
            });
        } else if (c.data() instanceof SchemaNode s) {
            for (pagelens.core.catalog.Catalog.DbObject t : cat.userTables()) {
                if (t.schemaId() != s.schemaId()) {
                    continue;
                }
                long pages = 0;
                long damaged = 0;
                pagelens.core.page.PageId first = null;
                long rows = -1;
                for (pagelens.core.catalog.Catalog.Rowset r : cat.rowsetsOf(t.id())) {
                    if (r.indexId() <= 1) {
                        rows = r.rows();
                    }
                    for (pagelens.core.catalog.Catalog.AllocationUnit u : cat.unitsOf(r.id())) {
                        pagelens.core.catalog.Ownership.Group g = byUnit.get(u.id());
                        pages += g == null ? 0 : g.pages();
                        damaged += g == null ? 0 : g.damaged();
                        if (g != null && g.firstDamaged() != null && (first == null || g.firstDamaged().compareTo(first) < 0)) {
                            first = g.firstDamaged();
                        }
                    }
                }
                pagelens.core.page.PageId open = first != null ? first : firstPage(cat, t.id());
                out.add(new Child(c.item(), String.format(Locale.ROOT, "%s: %,d rows, %,d pages%s", t.name(), rows, pages,
                        damaged > 0 ? String.format(Locale.ROOT, ", %,d DAMAGED (first %s)", damaged, first) : ""), new TableNode(t.id()),
                        open == null ? -1 : open.fileId(), open == null ? -1 : open.pageId()));
            }
        } else if (c.data() instanceof TableNode t) {
            for (pagelens.core.catalog.Catalog.Rowset r : cat.rowsetsOf(t.objectId())) {
                StringBuilder units = new StringBuilder();
                pagelens.core.page.PageId open = null;
                for (pagelens.core.catalog.Catalog.AllocationUnit u : cat.unitsOf(r.id())) {
                    pagelens.core.catalog.Ownership.Group g = byUnit.get(u.id());
                    units.append(units.length() > 0 ? "; " : "").append(u.unitType() == null ? "type " + u.type() : pagelens.report.OwnerText.unitType(u.unitType()))
                            .append(String.format(Locale.ROOT, " %,d pages", g == null ? 0 : g.pages()));
                    if (g != null && g.damaged() > 0) {
                        units.append(String.format(Locale.ROOT, ", %,d DAMAGED (first %s)", g.damaged(), g.firstDamaged()));
                        open = open == null ? g.firstDamaged() : open;
                    }
                    if (open == null && u.first() != null && !u.first().isNull()) {
                        open = u.first();
                    }
                }
                String label = pagelens.report.OwnerText.indexLabel(cat, r);
                out.add(new Child(c.item(), String.format(Locale.ROOT, "%s, partition %d: %,d rows; %s", label, r.partition(), r.rows(), units),
                        new PartitionNode(r.id()), open == null ? -1 : open.fileId(), open == null ? -1 : open.pageId()));
            }
        }
        return out;
    }

    private static pagelens.core.page.PageId firstPage(pagelens.core.catalog.Catalog cat, int objectId) {
        for (pagelens.core.catalog.Catalog.Rowset r : cat.rowsetsOf(objectId)) {
            for (pagelens.core.catalog.Catalog.AllocationUnit u : cat.unitsOf(r.id())) {
                if (u.first() != null && !u.first().isNull()) {
                    return u.first();
                }
            }
        }
        return null;
    }

    /** Opens a table's rows (the rows editor reads them in the background). */
    private void openRows(Child c, TableNode t) {
        try {
            String name = c.text().contains(":") ? c.text().substring(0, c.text().indexOf(':')) : c.text();
            getSite().getPage().openEditor(new pagelens.ui.editors.TableRowsInput(c.item().path(), t.objectId(), name),
                    pagelens.ui.editors.TableRowsEditor.ID, true);
        } catch (org.eclipse.ui.PartInitException ex) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", ex.getMessage());
        }
    }

    private void openPage(Child c) {
        try {
            pagelens.ui.editors.PageEditor ed = (pagelens.ui.editors.PageEditor) getSite().getPage().openEditor(
                    new pagelens.ui.editors.EvidenceEditorInput(c.item().path()), pagelens.ui.editors.PageEditor.ID, true,
                    org.eclipse.ui.IWorkbenchPage.MATCH_INPUT | org.eclipse.ui.IWorkbenchPage.MATCH_ID);
            ed.showPage(new pagelens.core.page.PageId(c.fileId(), c.firstPage()));
        } catch (org.eclipse.ui.PartInitException ex) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "PageLens", ex.getMessage());
        }
    }

    private void column(String title, int width, Function<EvidenceItem, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setResizable(true);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Child ch) {
                    return title.equals("Name") ? ch.text() : "";
                }
                return text.apply((EvidenceItem) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return getText(element);
            }
        });
    }

    /** Re-reads the registry (runs on the UI thread). */
    public void refresh() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            Object[] expanded = viewer.getExpandedElements();
            viewer.setInput(EvidenceRegistry.get().items());
            viewer.setExpandedElements(expanded);
        }
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        EvidenceRegistry.get().removeListener(listener);
        super.dispose();
    }
}

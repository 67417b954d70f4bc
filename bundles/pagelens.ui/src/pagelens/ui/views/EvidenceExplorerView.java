package pagelens.ui.views;

import java.nio.file.Files;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

import pagelens.core.identify.Identification;
import pagelens.ui.model.EvidenceItem;
import pagelens.ui.model.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;

/** Lists every opened evidence item with its kind, size and SHA-256. Double-click opens a file. */
public final class EvidenceExplorerView extends ViewPart {
    public static final String ID = "pagelens.ui.views.evidence";

    private TableViewer viewer;
    private final Consumer<EvidenceItem> listener = item -> {
        Display d = Display.getDefault();
        if (!d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column("Name", 170, i -> i.path().getFileName() != null ? i.path().getFileName().toString() : i.path().toString());
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
        viewer.setContentProvider(ArrayContentProvider.getInstance());
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

    private void column(String title, int width, Function<EvidenceItem, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setResizable(true);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((EvidenceItem) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return text.apply((EvidenceItem) element);
            }
        });
    }

    /** Re-reads the registry (runs on the UI thread). */
    public void refresh() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(EvidenceRegistry.get().items());
        }
    }

    public TableViewer viewer() {
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

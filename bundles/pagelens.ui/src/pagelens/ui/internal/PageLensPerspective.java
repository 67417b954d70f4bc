package pagelens.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import pagelens.ui.views.EvidenceExplorerView;

/** The PageLens perspective: evidence on the left, editors in the centre, progress at the bottom. */
public final class PageLensPerspective implements IPerspectiveFactory {
    public static final String ID = "pagelens.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("pagelens.left", IPageLayout.LEFT, 0.26f, editors);
        left.addView(EvidenceExplorerView.ID);
        layout.getViewLayout(EvidenceExplorerView.ID).setCloseable(false);
        // the page editor's structure tree (linked to its bytes) below the evidence
        IFolderLayout outline = layout.createFolder("pagelens.outline", IPageLayout.BOTTOM, 0.5f, "pagelens.left");
        outline.addView(IPageLayout.ID_OUTLINE);
        outline.addView(pagelens.ui.views.DataInspectorView.ID);
        IFolderLayout bottom = layout.createFolder("pagelens.bottom", IPageLayout.BOTTOM, 0.70f, editors);
        bottom.addView(pagelens.ui.views.FindingsView.ID);
        bottom.addView(pagelens.ui.views.PageMapView.ID);
        bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(EvidenceExplorerView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(pagelens.ui.views.DataInspectorView.ID);
        layout.addShowViewShortcut(pagelens.ui.views.FindingsView.ID);
        layout.addShowViewShortcut(pagelens.ui.views.PageMapView.ID);
    }
}

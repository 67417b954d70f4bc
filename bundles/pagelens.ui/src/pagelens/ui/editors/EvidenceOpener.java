package pagelens.ui.editors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.model.RecentEvidence;

/** Opens evidence: adds it to the registry, starts its identify-and-hash job, opens files in the hex editor. */
public final class EvidenceOpener {

    /** The Evidence explorer's view id (EvidenceExplorerView.ID is this constant). */
    public static final String EXPLORER_VIEW_ID = "pagelens.ui.views.evidence";

    private EvidenceOpener() {
    }

    public static void open(IWorkbenchWindow window, List<Path> paths) {
        EvidenceRegistry registry = EvidenceRegistry.get();
        IWorkbenchPage page = window.getActivePage();
        try {
            if (page != null) {
                // by id: the views sit above the editors (they open them), so this package does not import them
                page.showView(EXPLORER_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
            }
        } catch (PartInitException e) {
            // the view is optional for opening
        }
        for (Path raw : paths) {
            Path p = raw.toAbsolutePath().normalize();
            RecentEvidence.add(p);
            registry.open(p);
            if (page != null && Files.isRegularFile(p)) {
                openEditor(page, p);
            } else if (page != null && pagelens.core.xtp.XtpContainer.looksLikeContainer(p)) {
                openEditor(page, p);
            }
        }
    }

    /** Opens what was dropped (file names from a drag and drop); names that do not exist are skipped. */
    public static void openDropped(IWorkbenchWindow window, String[] names) {
        List<Path> paths = new java.util.ArrayList<>();
        for (String n : names) {
            if (n != null && Files.exists(java.nio.file.Paths.get(n))) {
                paths.add(java.nio.file.Paths.get(n));
            }
        }
        if (!paths.isEmpty()) {
            open(window, paths);
        }
    }

    public static void openEditor(IWorkbenchPage page, Path file) {
        try {
            EvidenceEditorInput in = new EvidenceEditorInput(file);
            if (Files.isDirectory(file)) {
                page.openEditor(in, pagelens.ui.editors.ContainerEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
                return;
            }
            if (file.getFileName() != null && pagelens.core.xtp.XtpContainer.isCheckpointFileName(file)) {
                page.openEditor(in, pagelens.ui.editors.CheckpointFileEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
                return;
            }
            if (pagelens.core.identify.Identifier.isReadableBackup(file)
                    && opened(page, page.openEditor(in, pagelens.ui.editors.BackupEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID))) {
                return; // its pages and boot page open from the backup editor
            }
            if (pagelens.core.identify.Identifier.identify(file).kind() == pagelens.core.identify.EvidenceKind.LOG_FILE
                    && opened(page, page.openEditor(in, LogEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID))) {
                return; // its page 0 (the boot record's copy) opens from the log editor's "Page 0..." in the page editor
            }
            if (pagelens.core.identify.Identifier.opensAsPages(file) && opened(page, page.openEditor(in, PageEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID))) {
                return;
            }
            // anything else, or a file whose pages cannot be read (a damaged backup, a file that merely starts with TAPE)
            page.openEditor(in, HexEditor.ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(page.getWorkbenchWindow().getShell(), "PageLens",
                    "Cannot open " + file + ": " + e.getMessage());
        }
    }

    /** Cancels every identify/hash job still running. */
    public static void cancelJobs() {
        EvidenceRegistry.get().cancelJobs();
    }

    /** False (and the placeholder closed) when the workbench could not create the editor. */
    private static boolean opened(IWorkbenchPage page, org.eclipse.ui.IEditorPart part) {
        if (part != null && part.getClass().getSimpleName().equals("ErrorEditorPart")) {
            page.closeEditor(part, false);
            return false;
        }
        return part != null;
    }

    /** Waits until every identify/hash job has finished (tests). */
    public static void joinJobs() throws InterruptedException {
        EvidenceRegistry.get().joinJobs();
    }
}

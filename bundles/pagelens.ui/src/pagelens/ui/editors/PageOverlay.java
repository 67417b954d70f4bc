package pagelens.ui.editors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.PlatformUI;

import pagelens.core.page.PageId;
import pagelens.core.store.PatchSet;

/**
 * The page editor's edits: an in-memory overlay (core {@link PatchSet}) changed through the workbench's operation
 * history (Edit > Undo/Redo), saved only as a copy that is never evidence. The evidence itself is never written.
 */
final class PageOverlay {
    /** What the overlay asks of the editor. */
    interface Target {
        /** The page shown and its bytes as read from the evidence. */
        PageId current();

        byte[] original();

        /** Shows the page again after its overlay changed. */
        void refresh(PageId id);

        void status(String text, boolean bad);
    }

    private final PatchSet patches = new PatchSet();
    private final IUndoContext undoContext;
    private final Target target;

    PageOverlay(Object owner, String label, Target target) {
        this.undoContext = new ObjectUndoContext(owner, label);
        this.target = target;
    }

    PatchSet patches() {
        return patches;
    }

    IUndoContext undoContext() {
        return undoContext;
    }

    /** Changes bytes of the current page (as one undoable operation), in the overlay only. */
    void edit(byte[] shown, int offset, byte[] values, String label) {
        PageId id = target.current();
        byte[] before = Arrays.copyOfRange(shown, offset, offset + values.length);
        byte[] orig = target.original().clone();
        AbstractOperation op = new AbstractOperation(label) {
            @Override
            public IStatus execute(IProgressMonitor m, IAdaptable a) {
                apply(id, orig, offset, values);
                return Status.OK_STATUS;
            }

            @Override
            public IStatus redo(IProgressMonitor m, IAdaptable a) {
                return execute(m, a);
            }

            @Override
            public IStatus undo(IProgressMonitor m, IAdaptable a) {
                apply(id, orig, offset, before);
                return Status.OK_STATUS;
            }
        };
        op.addContext(undoContext);
        try {
            PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().execute(op, null, null);
        } catch (ExecutionException e) {
            target.status("edit failed: " + e.getMessage(), true);
        }
    }

    private void apply(PageId id, byte[] orig, int offset, byte[] values) {
        for (int i = 0; i < values.length; i++) {
            patches.set(id, orig, offset + i, values[i] & 0xFF);
        }
        target.refresh(id);
    }

    /** Writes the evidence with the edits to {@code out}; refuses any path in {@code evidence}. */
    void saveCopy(Path source, Path out, List<Path> evidence) throws IOException {
        patches.saveCopy(source, out, evidence);
    }
}

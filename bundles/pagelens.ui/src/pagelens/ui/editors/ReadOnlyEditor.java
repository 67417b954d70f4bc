package pagelens.ui.editors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.part.EditorPart;

/** An editor that only shows evidence: never dirty, nothing to save. */
public abstract class ReadOnlyEditor extends EditorPart {

    @Override
    public final void doSave(IProgressMonitor monitor) {
        // evidence is read-only
    }

    @Override
    public final void doSaveAs() {
        // evidence is read-only
    }

    @Override
    public final boolean isDirty() {
        return false;
    }

    @Override
    public final boolean isSaveAsAllowed() {
        return false;
    }
}

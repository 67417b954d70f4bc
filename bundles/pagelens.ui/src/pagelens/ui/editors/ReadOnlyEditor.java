package pagelens.ui.editors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/** An editor that only shows evidence: never dirty, nothing to save. */
public abstract class ReadOnlyEditor extends EditorPart {

    /** Accepts only evidence; sets site, input, the part name (file name + suffix) and the tooltip. */
    protected final EvidenceEditorInput initEvidence(IEditorSite site, IEditorInput input, String nameSuffix) throws PartInitException {
        if (!(input instanceof EvidenceEditorInput e)) {
            throw new PartInitException("not evidence: " + input);
        }
        setSite(site);
        setInput(input);
        setPartName(e.getName() + nameSuffix);
        setTitleToolTip(e.getToolTipText());
        return e;
    }

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

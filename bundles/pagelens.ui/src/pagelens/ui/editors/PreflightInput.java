package pagelens.ui.editors;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import pagelens.core.preflight.Target;

/** A migration preflight to run: the paths (files or folders), the target, whether every page is verified. */
public final class PreflightInput implements IEditorInput {
    private final List<Path> paths;
    private final Target target;
    private final boolean verify;

    public PreflightInput(List<Path> paths, Target target, boolean verify) {
        this.paths = List.copyOf(paths);
        this.target = target;
        this.verify = verify;
    }

    public List<Path> paths() {
        return paths;
    }

    public Target target() {
        return target;
    }

    public boolean verify() {
        return verify;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return "Preflight: " + target.id();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Migration preflight of " + paths + " for " + target.label();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}

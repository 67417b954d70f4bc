package pagelens.ui.editors;

import java.nio.file.Path;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** One table of an evidence file as editor input (equal by file and object id: one editor per table). */
public final class TableRowsInput implements IEditorInput {
    private final Path file;
    private final int objectId;
    private final String name;

    public TableRowsInput(Path file, int objectId, String name) {
        this.file = file.toAbsolutePath().normalize();
        this.objectId = objectId;
        this.name = name;
    }

    public Path file() {
        return file;
    }

    public int objectId() {
        return objectId;
    }

    @Override
    public boolean exists() {
        return java.nio.file.Files.exists(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return name + " in " + file + " (rows read from the evidence, read-only)";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRowsInput t && t.file.equals(file) && t.objectId == objectId;
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + objectId;
    }
}

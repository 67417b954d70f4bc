package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pagelens.core.page.PageId;

/**
 * The data files of one database as one store: page (f:n) is page n of the file whose id is f (each file's id from its own
 * file header page). The primary file (the one holding the boot page, file id 1) names the evidence. The files are the
 * callers' stores: closed with this one only when it was told it owns them.
 */
public final class DatabaseFiles implements PageStore {
    private final Map<Integer, PageStore> files = new TreeMap<>();
    private final Path primary;
    private final boolean owns;

    private DatabaseFiles(Path primary, boolean owns) {
        this.primary = primary;
        this.owns = owns;
    }

    /**
     * @param primary the primary file's store
     * @param others  the other data files' stores
     * @throws IllegalArgumentException when two files have the same file id (two copies of one file, or files of two databases)
     */
    public static DatabaseFiles of(FilePageStore primary, List<FilePageStore> others, boolean owns) {
        DatabaseFiles d = new DatabaseFiles(primary.evidence(), owns);
        List<FilePageStore> all = new ArrayList<>();
        all.add(primary);
        all.addAll(others);
        for (FilePageStore f : all) {
            PageStore before = d.files.putIfAbsent(f.fileId(), f);
            if (before != null) {
                throw new IllegalArgumentException(f.evidence() + " and " + before.evidence() + " both say they are file " + f.fileId()
                        + ": two copies of one file, or files of different databases");
            }
        }
        return d;
    }

    /** The file of a file id, or null. */
    public Path file(int fileId) {
        PageStore s = files.get(fileId);
        return s == null ? null : s.evidence();
    }

    @Override
    public Path evidence() {
        return primary;
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder("database of " + files.size() + " data files:");
        files.forEach((id, s) -> b.append(' ').append(id).append(" (").append(s.evidence().getFileName()).append(')'));
        return b.toString();
    }

    @Override
    public List<Integer> fileIds() {
        return List.copyOf(files.keySet());
    }

    @Override
    public long pageLimit(int fileId) {
        PageStore s = files.get(fileId);
        return s == null ? 0 : s.pageLimit(fileId);
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        PageStore s = files.get(id.fileId());
        return s == null ? List.of() : s.copies(id);
    }

    @Override
    public byte[] read(PageCopy copy) throws IOException {
        PageStore s = files.get(copy.id().fileId());
        if (s == null) {
            throw new IOException("no file " + copy.id().fileId() + " in " + description());
        }
        return s.read(copy);
    }

    @Override
    public void close() throws IOException {
        if (owns) {
            for (PageStore s : files.values()) {
                s.close();
            }
        }
    }
}

package pagelens.core.exam;

import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;

/**
 * Opens any evidence path as a {@link PageStore} through {@link OpenedEvidence}, or says in one line why it cannot.
 * Closing the store closes the evidence.
 */
public final class PageStores {
    private PageStores() {
    }

    public static PageStore open(Path path) throws IOException {
        OpenedEvidence ev = OpenedEvidence.open(path);
        try {
            if (!ev.identification().readable() || !ev.hasPages()) {
                throw new IOException(path + ": " + (ev.kind() == pagelens.core.identify.EvidenceKind.XTP_CONTAINER
                        ? "is an In-Memory OLTP container folder, not a file of 8 KB pages" : ev.identification().summary()));
            }
            PageStore s = ev.pages(ProgressMonitor.NULL);
            return new PageStore() {
                @Override
                public Path evidence() {
                    return s.evidence();
                }

                @Override
                public String description() {
                    return s.description();
                }

                @Override
                public List<Integer> fileIds() {
                    return s.fileIds();
                }

                @Override
                public long pageLimit(int fileId) {
                    return s.pageLimit(fileId);
                }

                @Override
                public List<PageCopy> copies(PageId id) {
                    return s.copies(id);
                }

                @Override
                public byte[] read(PageCopy copy) throws IOException {
                    return s.read(copy);
                }

                @Override
                public void close() throws IOException {
                    ev.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            ev.close();
            throw e;
        }
    }
}

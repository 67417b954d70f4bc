package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Path;

import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;

/** Opens any evidence path as a {@link PageStore}, or says in one line why it cannot. */
public final class PageStores {
    private PageStores() {
    }

    public static PageStore open(Path path) throws IOException {
        Identification id = Identifier.identify(path);
        if (!id.readable()) {
            throw new IOException(path + ": " + id.summary());
        }
        return switch (id.kind()) {
            case DATA_FILE, LOG_FILE -> FilePageStore.open(path);
            case DBCC_PAGE_DUMP -> DbccPageDump.parse(path);
            case BACKUP, COMPRESSED_BACKUP -> pagelens.core.backup.Backup.read(path).pages().owningSource();
            case XTP_CONTAINER -> throw new IOException(path + ": is an In-Memory OLTP container folder, not a file of 8 KB pages");
            case UNKNOWN -> {
                if (id.size() >= 8192) {
                    // damaged files may not identify: read them as pages anyway
                    yield FilePageStore.open(path);
                }
                throw new IOException(path + ": " + id.summary());
            }
        };
    }
}

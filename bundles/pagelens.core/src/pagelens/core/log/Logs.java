package pagelens.core.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import pagelens.core.backup.Backup;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;

/** Opens "a log" the way every face does: a log file (.ldf), or the log part a full backup carries (docs/log.md 11). */
public final class Logs {
    private Logs() {
    }

    /** Whether {@code kind} is evidence {@link #read} takes. */
    public static boolean readable(EvidenceKind kind) {
        return kind == EvidenceKind.LOG_FILE || kind == EvidenceKind.BACKUP || kind == EvidenceKind.COMPRESSED_BACKUP;
    }

    /**
     * Reads the log of {@code path}: a log file whole, or a backup's descriptors and log bytes (only the backup's headers and its
     * log streams are read, not its data pages). Every record goes to {@code records} (may be null: a summary).
     */
    public static LogFile.Result read(Path path, Consumer<LogFile.Record> records, ProgressMonitor monitor) throws IOException {
        EvidenceKind kind = Identifier.identify(path).kind();
        if (kind == EvidenceKind.LOG_FILE) {
            try (EvidenceSource src = EvidenceSource.open(path)) {
                return LogFile.read(src, records, monitor);
            }
        }
        if (kind == EvidenceKind.BACKUP || kind == EvidenceKind.COMPRESSED_BACKUP) {
            try (Backup b = Backup.read(path, true, ProgressMonitor.NULL)) {
                if (!BackupLog.present(b.walk())) {
                    throw new IOException(path + ": the backup has no log part (no MSTL descriptor): a database backup carries one, other backups "
                            + "do not");
                }
                return LogFile.readBackup(b.pages().source(), BackupLog.read(b.pages().source(), b.walk()), b.databaseVersion(), records, monitor);
            }
        }
        throw new IOException(path + ": is " + kind.id() + ", not a log file (.ldf) or a backup (.bak)");
    }

    /** The bytes of one record of {@code result} (read from {@code path} before), its block fixed up. */
    public static byte[] recordBytes(Path path, LogFile.Result result, LogFile.Record rec) throws IOException {
        if (result.backup() == null) {
            try (EvidenceSource src = EvidenceSource.open(path)) {
                return LogFile.recordBytes(src, result, rec);
            }
        }
        try (Backup b = Backup.read(path, true, ProgressMonitor.NULL)) {
            return LogFile.recordBytes(b.pages().source(), result, rec);
        }
    }
}

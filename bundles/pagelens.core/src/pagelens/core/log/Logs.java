package pagelens.core.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
                BackupLog log = BackupLog.present(b.walk()) ? BackupLog.read(b.pages().source(), b.walk()) : null;
                if (log == null || !log.describesLog()) {
                    throw new IOException(path + ": the backup describes no log part (no MSTL descriptor of a VLF): a full database backup carries "
                            + "one, this one does not");
                }
                return LogFile.readBackup(b.pages().source(), log, b.databaseVersion(), records, monitor);
            }
        }
        throw new IOException(path + ": is " + kind.id() + ", not a log file (.ldf) or a backup (.bak)");
    }

    private static final int BATCH = 1024;

    /**
     * {@link #read} with the reading on a thread of its own and {@code records} called on the caller's thread, batch by batch
     * (at most 6 batches of {@value #BATCH} records wait: what waits stays young, the heap small): a listing that formats its records overlaps the reading on a second
     * core. Records come in the same order; a failure of either side stops both and is thrown here.
     */
    public static LogFile.Result readPipelined(Path path, Consumer<LogFile.Record> records, ProgressMonitor monitor) throws IOException {
        if (records == null) {
            return read(path, null, monitor);
        }
        java.util.concurrent.BlockingQueue<List<LogFile.Record>> queue = new java.util.concurrent.ArrayBlockingQueue<>(6);
        List<LogFile.Record> end = List.of();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<LogFile.Result> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("pagelens-log-reader").daemon().start(() -> {
            List<List<LogFile.Record>> batch = new java.util.ArrayList<>(List.of(new java.util.ArrayList<>(BATCH)));
            try {
                result.set(read(path, r -> {
                    if (stop.get()) {
                        throw new pagelens.core.io.CanceledException();
                    }
                    List<LogFile.Record> b = batch.get(0);
                    b.add(r);
                    if (b.size() == BATCH) {
                        put(queue, b);
                        batch.set(0, new java.util.ArrayList<>(BATCH));
                    }
                }, monitor));
                if (!batch.get(0).isEmpty()) {
                    put(queue, batch.get(0));
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                put(queue, end);
            }
        });
        try {
            for (List<LogFile.Record> b = take(queue); b != end; b = take(queue)) {
                for (LogFile.Record r : b) {
                    records.accept(r);
                }
            }
        } catch (RuntimeException | Error e) {
            stop.set(true);
            while (take(queue) != end) {
                // drained so that the reader can finish
            }
            throw e;
        } finally {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }

    private static void put(java.util.concurrent.BlockingQueue<List<LogFile.Record>> q, List<LogFile.Record> b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new pagelens.core.io.CanceledException();
        }
    }

    private static List<LogFile.Record> take(java.util.concurrent.BlockingQueue<List<LogFile.Record>> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new pagelens.core.io.CanceledException();
        }
    }

    /**
     * Reads records' bytes again (their blocks fixed up) from the evidence a result was read from, keeping it open between calls:
     * a log file, or a backup's stream (a compressed backup's chunk index is built once, not per record). Close it when done.
     */
    public static final class RecordReader implements AutoCloseable {
        private final LogFile.Result result;
        private final AutoCloseable owner;
        private final pagelens.core.io.ByteSource source;

        private RecordReader(LogFile.Result result, AutoCloseable owner, pagelens.core.io.ByteSource source) {
            this.result = result;
            this.owner = owner;
            this.source = source;
        }

        /** The bytes of one record of the result. */
        public byte[] bytes(LogFile.Record rec) throws IOException {
            return LogFile.recordBytes(source, result, rec);
        }

        @Override
        public void close() throws IOException {
            try {
                owner.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** Opens a {@link RecordReader} on {@code path}, the evidence {@code result} was read from. */
    public static RecordReader recordReader(Path path, LogFile.Result result) throws IOException {
        if (result.backup() == null) {
            EvidenceSource src = EvidenceSource.open(path);
            return new RecordReader(result, src, src);
        }
        Backup b = Backup.read(path, true, ProgressMonitor.NULL);
        return new RecordReader(result, b, b.pages().source());
    }
}

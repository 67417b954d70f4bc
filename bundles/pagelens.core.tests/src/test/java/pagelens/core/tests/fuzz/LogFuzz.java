package pagelens.core.tests.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.LogFile;
import pagelens.core.log.LogRecordFields;
import pagelens.core.log.Logs;

/**
 * The transaction log reader on a hostile log file: page 0, the VLF chain, blocks, records, transaction chains, stale-block
 * carving, every record listed, the first records' bytes and header fields read again; and the pipelined listing. Nothing may
 * throw but an IOException, hang or grow without bound.
 */
public final class LogFuzz {
    private LogFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        java.nio.file.Path f = Fuzz.file("log.ldf", data);
        List<LogFile.Record> first = new ArrayList<>();
        LogFile.Result r;
        try (EvidenceSource src = EvidenceSource.open(f)) {
            r = LogFile.read(src, rec -> {
                if (first.size() < 8) {
                    first.add(rec);
                }
            }, ProgressMonitor.NULL);
            for (LogFile.Record rec : first) {
                try {
                    LogRecordFields.of(LogFile.recordBytes(src, r, rec));
                } catch (IOException e) {
                    // a record whose block cannot be read again is said so, not a crash
                }
            }
        }
        r.problems().size();
        long[] n = { 0 };
        try {
            Logs.readPipelined(f, rec -> n[0]++, ProgressMonitor.NULL);
        } catch (IOException e) {
            // not a log (identification says so): an I/O error with a message, not a crash
        }
    }
}

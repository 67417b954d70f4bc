package pagelens.core.tests.fuzz;

import java.io.IOException;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;

/**
 * A backup file (plain MTF or compressed MSSQLBAK) through the whole examination: identification, the MTF walk, the
 * chunk index and decoder, the file list, every page of the data streams, extent coverage, the In-Memory OLTP look and
 * the boot page. Seeds are the starts of the real sample backups and a specimen backup.
 */
public final class BackupFuzz {
    private static final Examination.Options OPTIONS = Examination.Options.defaults(BootLayouts.builtIn()).withHash(false).withThreads(1);

    private BackupFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        try (OpenedEvidence ev = OpenedEvidence.open(Fuzz.file("backup.bak", data))) {
            Examination e = Examination.run(ev, OPTIONS, ProgressMonitor.NULL);
            e.findingList();
            if (ev.isBackup() && e.backup() != null) {
                ev.pages(ProgressMonitor.NULL).fileIds();
            }
        }
    }
}

package pagelens.core.tests.fuzz;

import java.io.IOException;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;

/** A data or log file through the whole examination: identification, allocation maps, every page, the boot page. */
public final class DataFileFuzz {
    private static final Examination.Options OPTIONS = Examination.Options.defaults(BootLayouts.builtIn()).withHash(false).withThreads(1);

    private DataFileFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        try (OpenedEvidence ev = OpenedEvidence.open(Fuzz.file("data.mdf", data))) {
            Examination.run(ev, OPTIONS, ProgressMonitor.NULL).findingList();
        }
    }
}

package pagelens.core.tests.fuzz;

import java.io.IOException;

import pagelens.core.xtp.XtpDmv;

/** A sys.dm_db_xtp_checkpoint_files export (any bytes) through the CSV import. */
public final class DmvFuzz {
    private DmvFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            XtpDmv.read(Fuzz.file("dmv.csv", data));
        } catch (IOException e) {
            // not an export: said in one line
        }
    }
}

package pagelens.core.tests.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

import pagelens.core.dbcc.DbccPageDump;

/** DBCC PAGE text (any bytes, decoded as SSMS saves text) through the dump parser. */
public final class DbccFuzz {
    private DbccFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            DbccPageDump d = DbccPageDump.parse(Paths.get("fuzz.txt"), DbccPageDump.decodeText(data));
            for (var c : d.allCopies()) {
                d.read(c);
            }
        } catch (IOException e) {
            // not DBCC PAGE output: said in one line
        }
        try {
            DbccPageDump.parse(Paths.get("fuzz.txt"), new String(data, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // as above
        }
    }
}

package pagelens.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import pagelens.report.RowsExport;

/** The row export's fast CSV path writes what commons-csv's printer writes for the same values. */
class CsvRecordTest {

    @Test
    void sameTextAsTheCommonsCsvPrinter() throws IOException {
        Random rnd = new Random(5);
        String[] pieces = { "", "plain", "a,b", "quote \" inside", "\"", "line\r\nbreak", "lf\n", " lead", "trail ", "Ünïcødé ✓ 顧客", "0x00FF", "#" };
        StringBuilder fast = new StringBuilder();
        StringWriter expected = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(expected, RowsExport.CSV)) {
            for (int row = 0; row < 20_000; row++) {
                Object[] rec = new Object[1 + rnd.nextInt(8)];
                for (int i = 0; i < rec.length; i++) {
                    int k = rnd.nextInt(pieces.length + 1);
                    rec[i] = k == pieces.length ? null : pieces[k] + (rnd.nextBoolean() ? pieces[rnd.nextInt(pieces.length)] : "");
                }
                p.printRecord(rec);
                RowsExport.appendCsvRecord(RowsExport.CSV, fast, rec);
            }
        }
        assertEquals(expected.toString(), fast.toString());
    }
}

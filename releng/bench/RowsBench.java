import java.nio.file.Path;

import pagelens.core.boot.BootLayouts;
import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.rows.TableReader;

/**
 * In-process half of releng/bench-rows.sh: decodes every row of a table on ONE thread, ROUNDS times (the first a warm-up),
 * with a sink that touches every value, and prints the rate in MB/s of table pages and rows/s.
 *   java -cp CORE.jar RowsBench.java FILE TABLE [ROUNDS]
 */
public class RowsBench {
    public static void main(String[] a) throws Exception {
        Path file = Path.of(a[0]);
        int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 3;
        try (OpenedEvidence ev = OpenedEvidence.open(file)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false).withHeadersOnly(true),
                    ProgressMonitor.NULL);
            Catalog c = e.catalog();
            Catalog.DbObject t = c.userTables().stream().filter(x -> x.name().equalsIgnoreCase(a[1])).findFirst().orElseThrow();
            TableReader tr = new TableReader(ev.pages(ProgressMonitor.NULL), c);
            double best = 0;
            for (int i = 0; i < rounds; i++) {
                long[] touched = new long[1];
                long t0 = System.nanoTime();
                TableReader.Summary s = tr.read(t, TableReader.Options.all(), (schema, r) -> {
                    for (Object v : r.values()) {
                        touched[0] += v == null ? 0 : 1;
                    }
                    return true;
                }, ProgressMonitor.NULL);
                double sec = (System.nanoTime() - t0) / 1e9;
                double mbs = s.pages() * 8192.0 / 1e6 / sec;
                best = Math.max(best, i == 0 ? 0 : mbs);
                System.out.printf("round %d%s: %,d rows on %,d pages in %.2f s: %.0f MB/s of table pages, %,.0f rows/s (%,d values)%n", i,
                        i == 0 ? " (warm-up)" : "", s.rows(), s.pages(), sec, mbs, s.rows() / sec, touched[0]);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("decode, one thread: best %.0f MB/s of table pages (target >= 300); heap in use at the end %.0f MB of max %.0f MB%n", best,
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        }
    }
}

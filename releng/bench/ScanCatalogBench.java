import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;

/**
 * In-process half of releng/bench-catalog.sh: the examination of one data file with and without the catalog, interleaved,
 * in one warm JVM (the engine's own cost, without the JVM's start and its first compilation of the catalog code). Run with
 * the product's pagelens.core jar on the class path: java -cp CORE.jar ScanCatalogBench.java FILE [ROUNDS]
 */
public class ScanCatalogBench {
    public static void main(String[] a) throws Exception {
        Path file = Path.of(a[0]);
        int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 9;
        List<Double> base = new ArrayList<>(), full = new ArrayList<>(), cat = new ArrayList<>(), own = new ArrayList<>();
        for (int i = -2; i < rounds; i++) { // two rounds of warm-up, not counted
            for (boolean catalog : new boolean[] { false, true }) {
                try (OpenedEvidence ev = OpenedEvidence.open(file)) {
                    Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false).withCatalog(catalog),
                            ProgressMonitor.NULL);
                    if (i < 0) {
                        continue;
                    }
                    (catalog ? full : base).add(e.nanos() / 1e6);
                    if (catalog) {
                        cat.add(e.catalog().readMillis());
                        own.add(e.ownership().buildMillis());
                    }
                }
            }
        }
        System.out.printf("in one warm process, %d interleaved rounds, medians: scan --no-catalog %.0f ms, scan %.0f ms, ratio %.2f "
                + "(catalog read %.1f ms, owners + allocation check %.1f ms)%n", rounds, median(base), median(full),
                median(full) / median(base), median(cat), median(own));
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}

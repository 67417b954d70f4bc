package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.specimen.XtpSpecimen;
import pagelens.core.tests.fuzz.Fuzz;

/**
 * Every fuzz target (pagelens.core.tests.fuzz) replays the regression corpus and its seeds in-process, then runs under
 * Jazzer's coverage-guided driver for {@code -Dpagelens.fuzzSeconds} seconds each (3 by default, 0 to skip; releng/fuzz.sh
 * runs them as long as asked). A crash, a hang over 10 s on one input, or an OutOfMemoryError in a 512 MB heap fails the
 * test with the input that caused it (kept under target/fuzz-crashes). Seeds are built at test time from the real samples
 * (starts of files, single pages) and from specimens; nothing of the samples is stored in the project.
 */
class FuzzTest {
    private static final Path BUILD = Paths.get(System.getProperty("pagelens.build", "target"));

    /** Seeds for one target, written under target/fuzz-corpus/TARGET. */
    static Path seeds(Class<?> target) throws IOException {
        Path dir = BUILD.resolve("fuzz-corpus").resolve(target.getSimpleName()).toAbsolutePath();
        Files.createDirectories(dir);
        Path root = Samples.root();
        List<byte[]> s = new ArrayList<>();
        String name = target.getSimpleName();
        Path work = Files.createTempDirectory("pagelens-fuzz-seed");
        if (name.equals("BackupFuzz")) {
            Path bak = work.resolve("specimen.bak");
            BackupSpecimen.write(bak, DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
            s.add(Files.readAllBytes(bak));
            if (root != null) {
                for (Path b : files(root, ".bak")) {
                    byte[] all = Files.readAllBytes(b);
                    s.add(Arrays.copyOf(all, Math.min(all.length, b.toString().contains("compressed") ? all.length : 160 * 1024)));
                }
            }
        } else if (name.equals("DataFileFuzz")) {
            Path mdf = work.resolve("specimen.mdf");
            DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(24), ProgressMonitor.NULL);
            s.add(Arrays.copyOf(Files.readAllBytes(mdf), 24 * 8192));
            if (root != null) {
                for (Path f : files(root, ".mdf", ".ldf")) {
                    byte[] all = Files.readAllBytes(f);
                    s.add(Arrays.copyOf(all, Math.min(all.length, 16 * 8192)));
                }
            }
        } else if (name.equals("PageFuzz") || name.equals("BootPageFuzz") || name.equals("AllocationFuzz")) {
            if (root != null) {
                for (Path f : files(root, ".mdf")) {
                    byte[] all = Files.readAllBytes(f);
                    for (int p : name.equals("BootPageFuzz") ? new int[] { 9 } : name.equals("AllocationFuzz") ? new int[] { 1, 2 }
                            : new int[] { 0, 1, 2, 3, 9, 20, 40 }) {
                        if ((p + 1) * 8192 <= all.length) {
                            s.add(Arrays.copyOfRange(all, p * 8192, (p + 1) * 8192));
                        }
                    }
                }
            }
            s.add(new byte[8192]);
        } else if (name.equals("RowFuzz")) {
            // data pages of the specimen table and, where the samples are, of real tables (Northwind's, with LOB pointers)
            Path mdf = work.resolve("rows.mdf");
            DataFileSpecimen.write(mdf, DataFileSpecimen.Spec.defaults(48), ProgressMonitor.NULL);
            byte[] all = Files.readAllBytes(mdf);
            s.add(Arrays.copyOfRange(all, 40 * 8192, 41 * 8192));
            if (root != null) {
                for (Path f : files(root, ".mdf")) {
                    byte[] b = Files.readAllBytes(f);
                    for (int p = 16; p + 1 <= b.length / 8192 && p < 400; p += 37) {
                        if (b[p * 8192] == 1 && (b[p * 8192 + 1] == 1 || b[p * 8192 + 1] == 3)) {
                            s.add(Arrays.copyOfRange(b, p * 8192, (p + 1) * 8192));
                        }
                    }
                }
            }
        } else if (name.equals("LogFuzz")) {
            // a small specimen log (VLFs of 64 KiB) and the starts of the real logs
            Path ldf = work.resolve("specimen_log.ldf");
            pagelens.core.specimen.LogSpecimen.write(ldf, DataFileSpecimen.Spec.defaults(64), 512 * 1024, 64 * 1024, ProgressMonitor.NULL);
            s.add(Files.readAllBytes(ldf));
            if (root != null) {
                for (Path f : files(root, ".ldf")) {
                    byte[] all = Files.readAllBytes(f);
                    s.add(Arrays.copyOf(all, Math.min(all.length, 256 * 1024)));
                }
            }
        } else if (name.equals("XpressFuzz")) {
            if (root != null && Files.exists(root.resolve("xtp-aw2016ext-chunk/xpress_soh_final_unit_seq9839.bin"))) {
                byte[] chunk = Files.readAllBytes(root.resolve("xtp-aw2016ext-chunk/xpress_soh_final_unit_seq9839.bin"));
                byte[] in = new byte[chunk.length + 1];
                in[0] = 2; // 64 KiB of output
                System.arraycopy(chunk, 0, in, 1, chunk.length);
                s.add(in);
            }
            s.add(new byte[] { 0, 1, 2, 3 });
        } else if (name.equals("DbccFuzz")) {
            if (root != null) {
                byte[] all = Files.readAllBytes(root.resolve("goldhunter2012-ngrj93-mit/Database1.mdf"));
                s.add(DbccPageDump.format(new PageId(1, 9), Arrays.copyOfRange(all, 9 * 8192, 10 * 8192), 0x1000).getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            s.add("PAGE: (1:9)\n\nMemory Dump @0x0000000000001000\n\n0000000000001000:   01010000 00000000 ..\n".getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        } else if (name.equals("DmvFuzz")) {
            XtpSpecimen.Written w = XtpSpecimen.write(work.resolve("c"), 1);
            s.add(Files.readAllBytes(XtpSpecimen.writeDmv(w, work.resolve("dmv.csv"))));
        } else if (name.equals("XtpFuzz")) {
            XtpSpecimen.Written w = XtpSpecimen.write(work.resolve("c"), 2);
            byte[] data = Files.readAllBytes(w.first("DATA").path());
            s.add(Arrays.copyOf(data, Math.min(data.length, 3 * 0x40000)));
            if (root != null && Files.exists(root.resolve("xtp-aw2016ext-chunk/aw2016ext_xtp_chunk_seq9839.dec"))) {
                s.add(Files.readAllBytes(root.resolve("xtp-aw2016ext-chunk/aw2016ext_xtp_chunk_seq9839.dec")));
            }
        }
        for (int i = 0; i < s.size(); i++) {
            Files.write(dir.resolve("seed-" + i), s.get(i));
        }
        return dir;
    }

    private static List<Path> files(Path root, String... ends) throws IOException {
        try (Stream<Path> w = Files.walk(root)) {
            return w.filter(Files::isRegularFile).filter(p -> Arrays.stream(ends).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        }
    }

    private static void call(Class<?> target, byte[] input, String what) throws Exception {
        Method m = target.getMethod("fuzzerTestOneInput", byte[].class);
        try {
            m.invoke(null, (Object) input);
        } catch (InvocationTargetException e) {
            throw new AssertionError(target.getSimpleName() + " fails on " + what + ": " + e.getCause(), e.getCause());
        }
    }

    @Test
    void everyTargetPassesItsRegressionCorpusAndSeeds() throws Exception {
        Path regressions = Paths.get("src/test/resources/fuzz-regressions");
        int inputs = 0;
        for (Class<?> t : Fuzz.TARGETS) {
            List<Path> corpus = new ArrayList<>();
            if (Files.isDirectory(regressions.resolve(t.getSimpleName()))) {
                try (Stream<Path> l = Files.list(regressions.resolve(t.getSimpleName()))) {
                    corpus.addAll(l.sorted().toList());
                }
            }
            try (Stream<Path> l = Files.list(seeds(t))) {
                corpus.addAll(l.sorted().toList());
            }
            for (Path p : corpus) {
                call(t, Files.readAllBytes(p), p.toString());
                inputs++;
            }
        }
        assertTrue(inputs >= Fuzz.TARGETS.length, "inputs replayed: " + inputs);
    }

    @Test
    void everyTargetSurvivesCoverageGuidedFuzzing() throws Exception {
        int seconds = Integer.getInteger("pagelens.fuzzSeconds", 3);
        if (seconds <= 0) {
            return;
        }
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path crashes = Files.createDirectories(BUILD.resolve("fuzz-crashes").toAbsolutePath());
        StringBuilder summary = new StringBuilder();
        List<String> failed = new ArrayList<>();
        Pattern done = Pattern.compile("Done (\\d+) runs in (\\d+) second");
        for (Class<?> t : Fuzz.TARGETS) {
            Path corpus = seeds(t);
            Path log = BUILD.resolve("fuzz-" + t.getSimpleName() + ".log").toAbsolutePath();
            List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:+UseParallelGC", "-cp", cp, "com.code_intelligence.jazzer.Jazzer", "--target_class=" + t.getName(),
                    "--instrumentation_includes=pagelens.**", "--reproducer_path=" + crashes, "-artifact_prefix=" + crashes + "/" + t.getSimpleName() + "-",
                    "-max_total_time=" + seconds, "-timeout=10", "-rss_limit_mb=3072", "-max_len=" + (t.getSimpleName().matches("Backup.*|Xtp.*") ? 1 << 20 : 1 << 17),
                    "-print_final_stats=1", corpus.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failed.add(t.getSimpleName() + ": did not finish (see " + log + ")");
                continue;
            }
            String out = Files.readString(log);
            Matcher m = done.matcher(out);
            String runs = m.find() ? m.group(1) : "?";
            summary.append(String.format(Locale.ROOT, "%-16s %10s executions in %d s, exit %d%n", t.getSimpleName(), runs, seconds, p.exitValue()));
            if (p.exitValue() != 0) {
                int at = Math.max(out.indexOf("== Java Exception"), out.indexOf("==ERROR"));
                failed.add(t.getSimpleName() + ": " + (at >= 0 ? out.substring(at, Math.min(out.length(), at + 1500)) : "exit " + p.exitValue()) + "\n(log "
                        + log + ", inputs in " + crashes + ")");
            }
        }
        Files.writeString(BUILD.resolve("fuzz-summary.txt"), summary.toString());
        System.out.print(summary);
        if (!failed.isEmpty()) {
            fail(String.join("\n\n", failed));
        }
    }
}

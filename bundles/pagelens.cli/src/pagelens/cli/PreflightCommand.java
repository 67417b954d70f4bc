package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;



import pagelens.core.io.ProgressMonitor;
import pagelens.core.preflight.Preflight;
import pagelens.core.preflight.Target;
import pagelens.report.PreflightOutputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens preflight}: will each database of a fleet restore on the target, and if not, why. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Check backups and data files (folders are recursed, symbolic links not followed) before a migration: per database the "
                + "name, versions, whether the target restores that version, the In-Memory OLTP verdict with the filegroup fact, the file "
                + "list rules of Azure SQL Managed Instance the file can show (docs/rules.md, 'Migration preflight rules'; the others are "
                + "listed as not checked), and a quick integrity status (headers only; --verify reads every page).",
        footer = { "", "Exit codes: 0 every database passes, 1 at least one fails a rule or cannot be read, 2 usage or I/O error." })
final class PreflightCommand implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "mi-gp", description = "mi-gp, mi-bc, 2019, 2022, 2025 or a database version (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--json", paramLabel = "OUT", description = "Write every result as JSON (written as results arrive).")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write one row per database as CSV.")
    Path csv;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Write a PDF summary: every database in one table (the failing ones first), then "
            + "one section per failing database with every rule.")
    Path pdf;

    @Option(names = "--threads", description = "Files checked at once (default: one per core).")
    Integer threads;

    @Option(names = "--verify", description = "Verify every page (slower); by default only the headers, the file list and the boot page are read.")
    boolean verify;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Backups (.bak, plain or compressed), data files (.mdf) or folders.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Target t;
        try {
            t = Target.parse(target);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        for (Path out : new Path[] { json, csv, pdf }) {
            if (out != null && paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))) {
                throw new IOException(out + ": is one of the evidence paths; PageLens never writes to evidence");
            }
        }
        List<Preflight.Input> files = Preflight.files(paths);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "preflight of %,d file(s) for %s (restores database versions up to %d %s)%n", files.size(), t.label(), t.maxVersion(),
                t.evidence().tag());
        int[] skipped = new int[1];
        List<Preflight.Row> kept = new java.util.ArrayList<>(); // only for the PDF, which needs every row to sort them
        long t0 = System.nanoTime();
        Preflight.Tally tally;
        try (PreflightOutputs outputs = new PreflightOutputs(t, json, csv, paths)) {
            ProgressMonitor progress = System.console() != null ? new FilesProgress(err) : ProgressMonitor.NULL;
            skipped[0] = Preflight.run(files, t, verify, threads == null ? Runtime.getRuntime().availableProcessors() : threads, Layouts.user(), r -> {
                if (progress instanceof FilesProgress fp) {
                    fp.clear(); // the result line replaces the progress line; the next progress is drawn below it
                }
                out.println(line(r));
                out.flush();
                if (pdf != null) {
                    kept.add(r);
                }
                outputs.accept(r);
            }, progress);
            outputs.finish(skipped[0]);
            tally = outputs.tally();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (pdf != null) {
            pagelens.report.PreflightPdf.write(t, kept, files.stream().map(Preflight.Input::path).toList(), pdf);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%d pass, %d pass with warnings, %d fail; %,d file(s) in %.1f s%s%n", tally.pass(), tally.warn(), tally.fail(), files.size(), s,
                skipped[0] > 0 ? String.format(Locale.ROOT, " (%,d file(s) in the folders are not backups or data files: skipped)", skipped[0]) : "");
        return tally.fail() > 0 ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }

    /** One line per database: verdict, database, versions, the failing rules with their reasons. */
    static String line(Preflight.Row r) {
        if (r.error() != null) {
            return String.format(Locale.ROOT, "FAIL  %s: cannot be checked: %s", r.path(), r.error());
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-4s  %s: %s, database version %s%s; In-Memory OLTP %s", r.verdict().name(),
                r.path(), r.database() == null ? "?" : r.database(), r.databaseVersion() == null ? "?" : r.databaseVersion(),
                r.serverVersion() == null ? "" : " (SQL Server " + r.serverVersion() + ")", r.hekaton() == null ? "not read" : r.hekaton()));
        for (Preflight.Check c : r.checks()) {
            if (c.outcome() == Preflight.Outcome.FAIL || c.outcome() == Preflight.Outcome.WARN) {
                sb.append("\n      ").append(c.outcome()).append(' ').append(c.rule()).append(": ").append(c.detail());
            }
        }
        return sb.toString();
    }

    /** The progress line of a preflight on a terminal: files done of the total, the rate and the time left. */
    static final class FilesProgress implements ProgressMonitor {
        private final PrintWriter err;
        private long total;
        private long done;
        private long started;
        private long shown;

        FilesProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void begin(String taskName, long totalWork) {
            total = totalWork;
            started = System.nanoTime();
        }

        @Override
        public void worked(long units) {
            done += units;
            long now = System.nanoTime();
            if (now - shown < 200_000_000L && done < total) {
                return;
            }
            shown = now;
            err.print("\r" + line(done, total, (now - started) / 1e9) + "   ");
            err.flush();
        }

        /** "312 / 1,000 files, 104 files/s, about 7 s left". */
        static String line(long done, long total, double seconds) {
            double rate = seconds > 0 ? done / seconds : 0;
            return String.format(Locale.ROOT, "%,d / %,d files, %.0f files/s%s", done, total, rate,
                    rate > 0 && done < total ? String.format(Locale.ROOT, ", about %.0f s left", (total - done) / rate) : "");
        }

        @Override
        public void done() {
            clear();
        }

        void clear() {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}

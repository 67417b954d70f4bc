package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.report.FactsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pagelens warmup} (hidden): the launcher's training run for the JDK's start-up cache. It writes a small SYNTHETIC
 * specimen in a temporary folder, examines it as {@code scan} does (pages, catalog, owners), writes its JSON to nowhere and
 * deletes it, so that the classes and profiles of the commands users run most are in the cache. Touches no evidence.
 */
@Command(name = "warmup", hidden = true, description = "Training run for the start-up cache (used by the launcher).")
final class WarmupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("pagelens-warmup");
        Path spec = dir.resolve("warmup.mdf");
        try {
            DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(2048), ProgressMonitor.NULL);
            for (int i = 0; i < 3; i++) {
                try (OpenedEvidence ev = OpenedEvidence.open(spec)) {
                    Examination e = Examination.run(ev, Examination.Options.defaults(Layouts.user()).withHash(false), ProgressMonitor.NULL);
                    PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
                    Json.print(sink, FactsJson.examination(e));
                }
            }
            return PageLensCli.EXIT_OK;
        } finally {
            Files.deleteIfExists(spec);
            Files.deleteIfExists(dir);
        }
    }
}

package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pagelens warmup} (hidden): the launcher's training run for the JDK's start-up cache. It writes a small SYNTHETIC
 * specimen in a temporary folder, runs {@code identify} and {@code scan} on it through the command line (pages, catalog, owners), writes their output to nowhere and
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
            // through the command line itself, as users run it: the commands' models (picocli builds one per command run) and
            // their code paths are what a short run spends its time on
            PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
            String file = spec.toString();
            for (int i = 0; i < 3; i++) {
                PageLensCli.run(new String[] { "identify", "--json", file }, sink, sink);
                PageLensCli.run(new String[] { "identify", file }, sink, sink);
                PageLensCli.run(new String[] { "scan", "--no-hash", "--json", file }, sink, sink);
                PageLensCli.run(new String[] { "scan", "--no-hash", file }, sink, sink);
            }
            return PageLensCli.EXIT_OK;
        } finally {
            Files.deleteIfExists(spec);
            Files.deleteIfExists(dir);
        }
    }
}

package pagelens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DemoSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pagelens demo [DIR]}: writes the SYNTHETIC demo evidence set. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write the demo evidence set (all SYNTHETIC: a damaged data file, a clean and a 'moved' database with stale "
                + "In-Memory OLTP state, DBCC PAGE output) into DIR (default ~/.pagelens/demo). Existing files are kept.")
final class DemoCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path d = dir != null ? dir : Paths.get(System.getProperty("user.home"), ".pagelens", "demo");
        List<Path> files = DemoSet.write(d, ProgressMonitor.NULL);
        spec.commandLine().getOut().println("SYNTHETIC demo evidence in " + d.toAbsolutePath() + ":");
        files.forEach(f -> spec.commandLine().getOut().println("  " + f.getFileName()));
        Path a = d.toAbsolutePath();
        spec.commandLine().getOut().println("Try: pagelens scan " + a.resolve("demo-damaged.mdf") + "\n     pagelens boot " + a.resolve("demo-fresh.mdf")
                + " --compare " + a.resolve("demo-moved-stale-hekaton.mdf") + "\n     pagelens xtp --dmv " + a.resolve("demo-xtp-checkpoint-files.csv") + " "
                + a.resolve("demo-xtp-container"));
        return PageLensCli.EXIT_OK;
    }
}

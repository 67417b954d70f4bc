package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The two launchers (the product's {@code pagelens} and the checkout's {@code ./pagelens}) send a command line to the plain
 * Java entry point by its first word: every sub-command of {@code PageLensCli} must be in their lists, or it would start the
 * workbench instead (as {@code objects} once did).
 */
class LauncherDispatchTest {

    private static Set<String> dispatched(Path script) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*(identify\\|[a-z|\\-]+[a-zA-Z|\\-]*)\\)").matcher(Files.readString(script));
        assertTrue(m.find(), "no command list in " + script);
        return new TreeSet<>(Set.of(m.group(1).split("\\|")));
    }

    @Test
    void everyCommandReachesTheCommandLine() throws IOException {
        Set<String> commands = new TreeSet<>(pagelens.cli.PageLensCli.commandLine(null).getSubcommands().keySet());
        for (Path script : new Path[] { Paths.get("../../pagelens"), Paths.get("../../features/pagelens.feature/rootfiles/pagelens") }) {
            Set<String> listed = dispatched(script);
            for (String c : commands) {
                assertTrue(listed.contains(c), script + " does not send '" + c + "' to the command line: " + listed);
            }
        }
    }
}

package pagelens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens identify [--json] PATH...}: what each path is. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Tell what each path is: data-file, log-file, backup, compressed-backup, dbcc-page-dump, "
                + "xtp-container or unknown, with what can be read cheaply (database version and name).",
        footer = { "", "Exit code 2 when a path could not be read (missing, unreadable or empty), else 0." })
final class IdentifyCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array with one object per path.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to identify.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = PageLensCli.EXIT_OK;
        // Jackson only for --json: its mapper takes longer to set up than the identification of a file
        ArrayNode array = json ? Json.array() : null;
        for (Path p : paths) {
            Identification id = Identifier.identify(p);
            if (!id.readable()) {
                exit = PageLensCli.EXIT_ERROR;
                err.println("pagelens: " + p + ": " + id.summary());
            }
            if (json) {
                array.add(toJson(id));
            } else if (id.readable()) {
                printText(out, id);
            }
        }
        if (json) {
            Json.print(out, array);
        }
        return exit;
    }

    static ObjectNode toJson(Identification id) {
        ObjectNode o = Json.object();
        o.put("path", id.path().toString());
        o.put("kind", id.kind().id());
        o.put("size", id.size());
        o.put("readable", id.readable());
        if (id.databaseVersion() != null) {
            o.put("databaseVersion", id.databaseVersion());
        }
        if (id.createVersion() != null) {
            o.put("createVersion", id.createVersion());
        }
        if (id.databaseName() != null) {
            o.put("databaseName", id.databaseName());
        }
        if (id.softwareVersion() != null) {
            o.put("softwareVersion", id.softwareVersion());
        }
        if (!id.readable()) {
            o.put("error", id.summary());
        }
        ArrayNode d = o.putArray("details");
        id.details().forEach(d::add);
        return o;
    }

    private static void printText(PrintWriter out, Identification id) {
        out.println(id.path());
        out.printf(Locale.ROOT, "  kind:      %s (%s)%n", id.kind().id(), id.kind().label());
        if (id.size() >= 0) {
            out.printf(Locale.ROOT, "  size:      %,d bytes%n", id.size());
        }
        if (id.databaseName() != null) {
            out.printf(Locale.ROOT, "  database:  %s%n", id.databaseName());
        }
        if (id.databaseVersion() != null) {
            out.printf(Locale.ROOT, "  version:   %d%s%n", id.databaseVersion(),
                    id.createVersion() != null ? " (created as " + id.createVersion() + ")" : "");
        }
        if (id.softwareVersion() != null) {
            out.printf(Locale.ROOT, "  server:    %s%n", id.softwareVersion());
        }
        for (String d : id.details()) {
            out.println("  - " + d);
        }
    }
}

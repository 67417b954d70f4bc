package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;

import pagelens.core.boot.BootPageException;
import pagelens.core.exam.BootSources;
import pagelens.core.boot.Calibrator;
import pagelens.core.boot.DbinfoListing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pagelens calibrate --page PAGE.txt --dbinfo DBINFO.txt}: a boot page layout for a version from DBCC output. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Match each field of a DBCC DBINFO WITH TABLERESULTS (or DBCC PAGE(db,1,9,3)) listing to the bytes of the same "
                + "database's boot page (DBCC PAGE(db,1,9,2) output, or a data file or backup) and write a layout file for that "
                + "dbi_version with offsets marked VERIFIED where the match is unique. PageLens loads layouts from the folder and prefers them.")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--page", required = true, paramLabel = "PAGE", description = "DBCC PAGE(db, 1, 9, 2) output, a data file or a backup.")
    Path page;

    @Option(names = "--dbinfo", required = true, paramLabel = "DBINFO", description = "DBCC DBINFO WITH TABLERESULTS output (tab or comma separated) or DBCC PAGE(db,1,9,3) text.")
    Path dbinfo;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write dbi-<version>.tsv (default: ~/.pagelens/layouts).")
    Path out;

    @Option(names = "--dry-run", description = "Print the matches and the layout, write nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        byte[] boot = BootSources.asRestored(BootSources.read(page)).page();
        DbinfoListing listing = DbinfoListing.parse(dbinfo);
        Calibrator.Result r;
        try {
            r = Calibrator.calibrate(boot, listing, "from " + page.getFileName() + " and " + dbinfo.getFileName());
        } catch (BootPageException e) {
            throw new IOException(e.getMessage());
        }
        o.printf(Locale.ROOT, "dbi_version %d, record %d bytes: %d of %d listed fields located uniquely%n", r.version(), r.recordLength(),
                r.unique(), r.matches().size());
        for (Calibrator.Match m : r.matches()) {
            o.printf(Locale.ROOT, "  %-40s %-36s %s%n", m.field(), m.value().length() > 36 ? m.value().substring(0, 33) + "..." : m.value(),
                    m.unique() ? String.format("P+0x%03X (%d bytes, %s)", m.offset(), m.size(), m.type()) : m.outcome());
        }
        if (dryRun) {
            o.println();
            o.print(r.layoutText());
            return PageLensCli.EXIT_OK;
        }
        Path dir = out != null ? out : Paths.get(System.getProperty("user.home"), ".pagelens", "layouts");
        Files.createDirectories(dir);
        Path file = dir.resolve("dbi-" + r.version() + ".tsv");
        Files.writeString(file, r.layoutText());
        o.println("wrote " + file + " (PageLens now prefers it for dbi_version " + r.version() + ")");
        return PageLensCli.EXIT_OK;
    }
}

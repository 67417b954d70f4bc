package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.xtp.XtpChecksumDiscovery;
import pagelens.core.xtp.XtpContainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens xtp discover DIR}: which candidate block checksum fits a user's known-good checkpoint files. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = { "Try the candidate block checksums (CRC-32, CRC-32C, 32-bit XOR and sum of words, page-checksum style, MTF 16-bit "
                + "XOR; over the whole block, the header or the payload; stored at header +12..+28 or in the last 4 bytes) on every block of "
                + "the container's checkpoint files and report the combinations that fit every block.",
                "Use it on copies of HEALTHY containers (taken with SQL Server stopped): a combination that fits hundreds of blocks "
                        + "is a checksum profile worth validating; nothing fitting means the algorithm is none of these." },
        footer = { "", "Exit codes: 0 a candidate fits every block, 1 none fits, 2 usage or I/O error." })
final class XtpDiscoverCommand implements Callable<Integer> {

    @Option(names = "--json")
    boolean json;

    @Option(names = "--max-blocks", paramLabel = "N", description = "Blocks to try (default 2000).")
    int maxBlocks = 2000;

    @Option(names = "--save", description = "When exactly one candidate fits every block (at least 32 blocks in 2 files), save it as the "
            + "checksum profile that every later scan applies (~/.pagelens/xtp-checksum.properties, or --profile FILE).")
    boolean save;

    @Option(names = "--profile", paramLabel = "FILE", description = "Where --save writes the profile.")
    Path profileFile;

    @Parameters(paramLabel = "DIR", description = "A container folder of known-good checkpoint files.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        XtpChecksumDiscovery.Result r;
        try {
            r = XtpChecksumDiscovery.discover(XtpContainer.scan(dir, ProgressMonitor.NULL, null), maxBlocks);
        } catch (IOException e) {
            spec.commandLine().getErr().println("pagelens: " + e.getMessage());
            return PageLensCli.EXIT_ERROR;
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("blocks", r.blocks());
            o.put("files", r.files());
            ArrayNode c = o.putArray("candidates");
            for (XtpChecksumDiscovery.Candidate x : r.candidates()) {
                ObjectNode n = c.addObject();
                n.put("algorithm", x.algorithm());
                n.put("coverage", x.coverage());
                n.put("field", x.field());
                n.put("fits", x.fits());
                n.put("fitsAll", x.fitsAll());
            }
            Json.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s: %,d blocks of %d files tried with %d candidates%n", dir, r.blocks(), r.files(), r.candidates().size());
            if (r.fitting().isEmpty()) {
                out.println("  no candidate fits every block: the block checksum is none of the candidates (or the files are damaged)");
                XtpChecksumDiscovery.Candidate best = r.candidates().isEmpty() ? null : r.candidates().get(0);
                if (best != null && best.fits() > 0) {
                    out.printf(Locale.ROOT, "  best: %s over %s at %s fits %,d of %,d blocks%n", best.algorithm(), best.coverage(), best.field(),
                            best.fits(), best.blocks());
                }
            }
            for (XtpChecksumDiscovery.Candidate x : r.fitting()) {
                out.printf(Locale.ROOT, "  FITS  %s over %s, stored at %s: %,d of %,d blocks%s%n", x.algorithm(), x.coverage(), x.field(), x.fits(),
                        x.blocks(), x.blocks() < 50 ? " (few blocks: try more files before trusting it)" : "");
            }
        }
        if (save) {
            Path to = profileFile != null ? profileFile
                    : java.nio.file.Paths.get(System.getProperty("user.home"), ".pagelens", pagelens.core.xtp.XtpChecksumProfile.FILE_NAME);
            try {
                pagelens.core.xtp.XtpChecksumProfile p = pagelens.core.xtp.XtpChecksumProfile.establish(r, dir.toAbsolutePath().toString());
                p.save(to);
                spec.commandLine().getErr().println("pagelens: saved the checksum profile to " + to + ": " + p.describe());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("pagelens: no profile saved: " + e.getMessage());
                return PageLensCli.EXIT_FINDINGS;
            } catch (IOException e) {
                spec.commandLine().getErr().println("pagelens: " + e.getMessage());
                return PageLensCli.EXIT_ERROR;
            }
        }
        return r.fitting().isEmpty() ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }
}

package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.xtp.XtpBlocks;
import pagelens.core.xtp.XtpContainer;
import pagelens.core.xtp.XtpDmv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens xtp [--json] DIR...}: the checkpoint files of In-Memory OLTP containers, block by block. */
@Command(name = "xtp", mixinStandardHelpOptions = true, subcommands = XtpDiscoverCommand.class,
        description = { "Scan the container folder(s) of a memory-optimized filegroup, read-only: layout ($HKv2 / 2014 FILESTREAM), every "
                + "checkpoint file with its GUID, size, blocks, records and what its bytes suggest, and structural findings (cut files, "
                + "impossible blocks, regions without blocks). Symbolic links are listed, never followed.",
                "Block checksums are NOT verified: the algorithm is not public (unless you established a profile on known-good files "
                        + "with xtp discover --save). Types and states need the DMV "
                        + "(sys.dm_db_xtp_checkpoint_files); the file type shown is inferred from block sizes." },
        footer = { "", "Exit codes: 0 no finding of severity error or worse, 1 such findings, 2 usage or I/O error." })
final class XtpCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON: containers [{root, layout, files [...], findings [...]}].")
    boolean json;

    @Option(names = "--dmv", paramLabel = "FILE.csv", description = "An export of sys.dm_db_xtp_checkpoint_files (CSV with a header row, "
            + "as SSMS saves it with column headers or sqlcmd -s\",\" -W prints it): types, states and pairs, a cross-check against "
            + "the folder and the memory estimate.")
    Path dmvFile;

    @Option(names = "--checksum-profile", paramLabel = "FILE", description = "A block checksum profile saved by xtp discover --save "
            + "(default: ~/.pagelens/xtp-checksum.properties when it exists).")
    Path profileFile;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Container folders (or: xtp discover DIR).")
    List<Path> dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = PageLensCli.EXIT_OK;
        if (dirs == null || dirs.isEmpty()) {
            err.println("pagelens xtp: give a container folder (pagelens xtp --help)");
            return PageLensCli.EXIT_ERROR;
        }
        ArrayNode all = json ? Json.array() : null; // Jackson only for --json (its mapper is slow to set up)
        XtpDmv.Import dmv = null;
        if (dmvFile != null) {
            try {
                dmv = XtpDmv.read(dmvFile);
            } catch (IOException e) {
                err.println("pagelens: " + e.getMessage());
                return PageLensCli.EXIT_ERROR;
            }
        }
        pagelens.core.xtp.XtpChecksumProfile profile;
        try {
            profile = profileFile != null ? pagelens.core.xtp.XtpChecksumProfile.load(profileFile) : pagelens.core.xtp.XtpChecksumProfile.user();
            if (profileFile != null && profile == null) {
                throw new IOException(profileFile + ": no such checksum profile");
            }
        } catch (IOException e) {
            err.println("pagelens: " + e.getMessage());
            return PageLensCli.EXIT_ERROR;
        }
        for (Path d : dirs) {
            XtpContainer.Scan s;
            // the same examination the workbench and the report run on a container folder
            try (pagelens.core.exam.OpenedEvidence ev = pagelens.core.exam.OpenedEvidence.open(d)) {
                pagelens.core.exam.Examination e = pagelens.core.exam.Examination.run(ev, pagelens.core.exam.Examination.Options.defaults(
                        Layouts.user()).withHash(false).withChecksumProfile(profile), json ? pagelens.core.io.ProgressMonitor.NULL
                                : Progress.forTerminal(err));
                s = e.container();
                if (s == null) {
                    err.println("pagelens: " + d + ": " + (e.problems().isEmpty() ? "not a container folder" : String.join("; ", e.problems())));
                    exit = PageLensCli.EXIT_ERROR;
                    continue;
                }
            } catch (IOException x) {
                err.println("pagelens: " + x.getMessage());
                exit = PageLensCli.EXIT_ERROR;
                continue;
            }
            List<Finding> cross = dmv == null ? List.of() : XtpDmv.crossCheck(dmv, s);
            if (exit == PageLensCli.EXIT_OK && java.util.stream.Stream.concat(s.findings().stream(), cross.stream())
                    .anyMatch(f -> f.severity().atLeast(Severity.ERROR))) {
                exit = PageLensCli.EXIT_FINDINGS;
            }
            if (json) {
                all.add(toJson(s, dmv, cross));
            } else {
                printText(out, s, dmv, cross);
            }
        }
        if (json) {
            ObjectNode o = Json.object();
            o.set("containers", all);
            Json.print(out, o);
        }
        return exit;
    }

    static ObjectNode toJson(XtpContainer.Scan s, XtpDmv.Import dmv, List<Finding> cross) {
        ObjectNode o = Json.object();
        o.put("root", s.root().toString());
        o.put("layout", s.layout().name());
        o.put("layoutLabel", s.layout().label());
        o.put("fslog", s.hasFsLog());
        o.put("filestreamHeader", s.hasHeaderFile());
        o.put("blockChecksums", s.checksums());
        ArrayNode files = o.putArray("files");
        for (XtpContainer.CheckpointFile f : s.files()) {
            XtpBlocks.FileWalk w = f.walk();
            ObjectNode x = files.addObject();
            x.put("name", f.relative());
            if (f.guid() != null) {
                x.put("guid", f.guid());
            } else {
                x.putNull("guid");
            }
            XtpDmv.Row r = XtpDmv.rowFor(dmv, f);
            x.put("type", r != null ? r.typeName() : w.inferredKind());
            x.put("typeEvidence", r != null ? "DMV import" : "inferred from block sizes");
            x.put("inferredType", w.inferredKind());
            if (r != null) {
                x.put("state", r.stateName());
            } else {
                x.putNull("state");
            }
            x.put("size", f.size());
            if (r != null && r.used() != null) {
                x.put("usedSize", r.used());
                x.put("usedSizeEvidence", "DMV import");
            } else {
                x.put("usedSize", w.dataEnd());
                x.put("usedSizeEvidence", "EMPIRICAL: end of the last block's records (data) or length at +32 (others)");
            }
            if (r != null && r.logicalRows() != null) {
                x.put("logicalRowCount", r.logicalRows());
            }
            x.put("zeroTail", w.zeroTail());
            x.put("blocks", w.blocks().size());
            x.put("rows", w.rows());
            x.put("claimedFileHeader", w.claimedHeader());
            if (r != null && r.pairId() != null) {
                x.put("pair", r.pairId());
            } else {
                x.putNull("pair");
            }
        }
        ArrayNode pairs = o.putArray("pairs");
        if (dmv != null) {
            for (XtpDmv.Row r : dmv.rows()) {
                if (r.fileType() != null && r.fileType() == 0 && r.pairId() != null) {
                    ObjectNode p = pairs.addObject();
                    p.put("data", r.fileId());
                    p.put("delta", r.pairId());
                    p.put("state", r.stateName());
                }
            }
            XtpDmv.MemoryEstimate m = XtpDmv.estimate(dmv);
            ObjectNode me = o.putObject("memoryEstimate");
            me.put("usedBytes", m.usedBytes());
            me.put("afterDeletedRows", m.afterDeletes());
            me.put("files", m.files());
            me.put("method", m.method());
            me.put("uncertainty", m.uncertainty());
        } else {
            o.putNull("memoryEstimate");
        }
        ArrayNode fs = o.putArray("findings");
        for (Finding f : java.util.stream.Stream.concat(s.findings().stream(), cross.stream()).toList()) {
            fs.add(pagelens.report.FactsJson.finding(f)); // the one finding shape of every command and the report
        }
        return o;
    }

    private static void printText(PrintWriter out, XtpContainer.Scan s, XtpDmv.Import dmv, List<Finding> cross) {
        out.println(s.root() + "  " + s.layout().label() + (s.hasFsLog() ? ", $FSLOG" : "") + (s.hasHeaderFile() ? ", filestream.hdr" : ""));
        out.printf(Locale.ROOT, "  %d checkpoint files, %,d bytes; %d other entries%n", s.files().size(), s.totalSize(), s.otherFiles().size());
        for (XtpContainer.CheckpointFile f : s.files()) {
            XtpBlocks.FileWalk w = f.walk();
            XtpDmv.Row r = XtpDmv.rowFor(dmv, f);
            out.printf(Locale.ROOT, "  %-52s %,13d bytes  %4d blocks %7d rows  used %,13d  %s%n", f.relative(), f.size(), w.blocks().size(),
                    w.rows(), w.dataEnd(), r != null ? r.typeName() + " " + r.stateName() + " " + pagelens.core.Evidence.DMV.tag() : w.inferredKind());
        }
        out.println("  block checksums: " + s.checksums());
        if (dmv != null) {
            XtpDmv.MemoryEstimate m = XtpDmv.estimate(dmv);
            out.printf(Locale.ROOT, "  memory estimate: %,d bytes of durable data (%,d after deleted rows)%n    how: %s%n    uncertainty: %s%n",
                    m.usedBytes(), m.afterDeletes(), m.method(), m.uncertainty());
        }
        for (Finding f : java.util.stream.Stream.concat(s.findings().stream(), cross.stream()).toList()) {
            out.printf(Locale.ROOT, "  %-8s %-24s %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.ruleId(), f.title()
                    + (f.location().evidence().startsWith(s.root()) && !f.location().evidence().equals(s.root())
                    ? "  [" + s.root().relativize(f.location().evidence()) + "]" : ""));
        }
    }
}

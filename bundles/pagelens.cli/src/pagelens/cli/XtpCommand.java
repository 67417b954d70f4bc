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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens xtp [--json] DIR...}: the checkpoint files of In-Memory OLTP containers, block by block. */
@Command(name = "xtp", mixinStandardHelpOptions = true,
        description = { "Scan the container folder(s) of a memory-optimized filegroup, read-only: layout ($HKv2 / 2014 FILESTREAM), every "
                + "checkpoint file with its GUID, size, blocks, records and what its bytes suggest, and structural findings (cut files, "
                + "impossible blocks, regions without blocks). Symbolic links are listed, never followed.",
                "Block checksums are NOT verified: the algorithm is not public. Types and states need the DMV "
                        + "(sys.dm_db_xtp_checkpoint_files); the file type shown is inferred from block sizes." },
        footer = { "", "Exit codes: 0 no finding of severity error or worse, 1 such findings, 2 usage or I/O error." })
final class XtpCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON: containers [{root, layout, files [...], findings [...]}].")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Container folders.")
    List<Path> dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = PageLensCli.EXIT_OK;
        ArrayNode all = Json.array();
        for (Path d : dirs) {
            XtpContainer.Scan s;
            try {
                s = XtpContainer.scan(d, json ? pagelens.core.io.ProgressMonitor.NULL : Progress.forTerminal(err));
            } catch (IOException e) {
                err.println("pagelens: " + e.getMessage());
                exit = PageLensCli.EXIT_ERROR;
                continue;
            }
            if (exit == PageLensCli.EXIT_OK && s.findings().stream().anyMatch(f -> f.severity().atLeast(Severity.ERROR))) {
                exit = PageLensCli.EXIT_FINDINGS;
            }
            if (json) {
                all.add(toJson(s));
            } else {
                printText(out, s);
            }
        }
        if (json) {
            ObjectNode o = Json.object();
            o.set("containers", all);
            Json.print(out, o);
        }
        return exit;
    }

    static ObjectNode toJson(XtpContainer.Scan s) {
        ObjectNode o = Json.object();
        o.put("root", s.root().toString());
        o.put("layout", s.layout().name());
        o.put("layoutLabel", s.layout().label());
        o.put("fslog", s.hasFsLog());
        o.put("filestreamHeader", s.hasHeaderFile());
        o.put("blockChecksums", "not verified: algorithm not public");
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
            x.put("type", w.inferredKind());
            x.put("typeEvidence", "inferred from block sizes; the DMV import gives the type");
            x.putNull("state");
            x.put("size", f.size());
            x.put("usedSize", w.dataEnd());
            x.put("usedSizeEvidence", "EMPIRICAL: end of the last block's records (data) or length at +32 (others)");
            x.put("zeroTail", w.zeroTail());
            x.put("blocks", w.blocks().size());
            x.put("rows", w.rows());
            x.put("claimedFileHeader", w.claimedHeader());
            x.putNull("pair");
        }
        ArrayNode fs = o.putArray("findings");
        for (Finding f : s.findings()) {
            ObjectNode x = fs.addObject();
            x.put("rule", f.ruleId());
            x.put("severity", f.severity().id());
            x.put("file", f.location().evidence().toString());
            x.put("offset", f.location().fileOffset());
            x.put("length", f.location().byteLength());
            x.put("title", f.title());
        }
        return o;
    }

    private static void printText(PrintWriter out, XtpContainer.Scan s) {
        out.println(s.root() + "  " + s.layout().label() + (s.hasFsLog() ? ", $FSLOG" : "") + (s.hasHeaderFile() ? ", filestream.hdr" : ""));
        out.printf(Locale.ROOT, "  %d checkpoint files, %,d bytes; %d other entries%n", s.files().size(), s.totalSize(), s.otherFiles().size());
        for (XtpContainer.CheckpointFile f : s.files()) {
            XtpBlocks.FileWalk w = f.walk();
            out.printf(Locale.ROOT, "  %-52s %,13d bytes  %4d blocks %7d rows  used %,13d  %s%n", f.relative(), f.size(), w.blocks().size(),
                    w.rows(), w.dataEnd(), w.inferredKind());
        }
        out.println("  block checksums: not verified (the algorithm is not public)");
        for (Finding f : s.findings()) {
            out.printf(Locale.ROOT, "  %-8s %-24s %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.ruleId(), f.title()
                    + (f.location().evidence().equals(s.root()) ? "" : "  [" + s.root().relativize(f.location().evidence()) + "]"));
        }
    }
}

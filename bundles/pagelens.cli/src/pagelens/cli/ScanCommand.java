package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.scan.FileScanner;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.ScanResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens scan [--json] FILE}: every page verified, findings listed. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Verify every page of a data file (page 0 of a log file): page checksums, torn-page bits, page ids, "
                + "headers and slot arrays, against the file's own allocation maps.",
        footer = { "", "Exit codes: 0 no finding of severity error or worse, 1 such findings, 2 usage or I/O error.",
                "Rule ids and their meaning: docs/rules.md." })
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--no-hash", description = "Skip the SHA-256 of the file (benchmarks; the JSON then has no sha256).")
    boolean noHash;

    @Option(names = "--threads", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--max-findings", defaultValue = "200", description = "Findings listed in text output (default ${DEFAULT-VALUE}); JSON lists all that were kept.")
    int maxFindings;

    @Parameters(paramLabel = "FILE", description = "A data (.mdf/.ndf) or log (.ldf) file, or a backup (.bak, plain or compressed).")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Identification id = Identifier.identify(file);
        if (!id.readable()) {
            throw new IOException(file + ": " + id.summary());
        }
        if (id.kind() == EvidenceKind.BACKUP || id.kind() == EvidenceKind.COMPRESSED_BACKUP) {
            // a backup: every page of its data streams verified, reported like a file scan ('pagelens backup' tells more)
            long t0 = System.nanoTime();
            try (pagelens.core.backup.Backup b = pagelens.core.backup.Backup.read(file, false, Progress.forTerminal(spec.commandLine().getErr()))) {
                ScanResult r = new ScanResult(file, java.nio.file.Files.size(file), id.kind().id(), -1, b.counts(), b.findings(),
                        java.nio.file.Files.size(file), System.nanoTime() - t0, null);
                String sha = noHash ? null : EvidenceSource.sha256(file, ProgressMonitor.NULL);
                if (json) {
                    Json.print(out, toJson(r, sha));
                } else {
                    printText(out, r, sha);
                    out.println("  (a backup: 'pagelens backup " + file + "' shows its set, file list and boot page copies)");
                }
                Severity worst = b.findings().worst();
                return worst != null && worst.atLeast(Severity.ERROR) ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
            }
        }
        if (id.kind() == EvidenceKind.XTP_CONTAINER || id.kind() == EvidenceKind.DBCC_PAGE_DUMP) {
            throw new IOException(file + ": is a " + id.kind().id() + ", not a data or log file (use 'pagelens page' for DBCC output)");
        }
        FileScanner scanner = threads != null ? new FileScanner(threads) : new FileScanner();
        ScanResult r = scanner.scan(file, Progress.forTerminal(spec.commandLine().getErr()), new FindingSink());
        String sha = noHash ? null : EvidenceSource.sha256(file, ProgressMonitor.NULL);
        if (json) {
            Json.print(out, toJson(r, sha));
        } else {
            printText(out, r, sha);
        }
        Severity worst = r.sink().worst();
        return worst != null && worst.atLeast(Severity.ERROR) ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }

    static ObjectNode toJson(ScanResult r, String sha) {
        ObjectNode o = Json.object();
        ObjectNode ev = o.putObject("evidence");
        ev.put("path", r.evidence().toString());
        ev.put("size", r.size());
        if (sha != null) {
            ev.put("sha256", sha);
        }
        o.put("fileKind", r.fileKind());
        o.put("fileId", r.fileId());
        putPages(o.putObject("pages"), r.counts());
        ObjectNode s = o.putObject("summary");
        for (Severity sev : Severity.values()) {
            s.put(sev.id(), r.sink().count(sev));
        }
        ObjectNode byRule = s.putObject("byRule");
        r.sink().countsByRule().forEach(byRule::put);
        s.put("findingsOmitted", r.sink().dropped());
        o.put("elapsedMillis", r.nanos() / 1_000_000);
        o.put("bytesRead", r.bytesRead());
        ArrayNode fs = o.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode fo = fs.addObject();
            fo.put("rule", f.ruleId());
            fo.put("severity", f.severity().id());
            fo.put("fileId", f.location().fileId());
            fo.put("pageId", f.location().pageId());
            fo.put("offset", f.location().fileOffset());
            fo.put("byteStart", f.location().byteStart());
            fo.put("byteLength", f.location().byteLength());
            fo.put("title", f.title());
        }
        return o;
    }

    /** The page counts object shared by scan and backup JSON. */
    static void putPages(ObjectNode p, PageCounts c) {
        p.put("total", c.total());
        p.put("checksumProtected", c.checksumProtected());
        p.put("checksumOk", c.checksumOk());
        p.put("checksumBad", c.checksumBad());
        p.put("tornProtected", c.tornProtected());
        p.put("tornOk", c.tornOk());
        p.put("torn", c.torn());
        p.put("unprotected", c.unprotected());
        p.put("empty", c.empty());
    }

    private void printText(PrintWriter out, ScanResult r, String sha) {
        PageCounts c = r.counts();
        out.println(r.evidence());
        out.printf(Locale.ROOT, "  %s, file id %d, %,d bytes%s%n", r.fileKind(), r.fileId(), r.size(), sha != null ? ", SHA-256 " + sha : "");
        out.printf(Locale.ROOT, "  pages: %,d total; checksum %,d (%,d ok, %,d bad); torn-page %,d (%,d ok, %,d torn); "
                + "unprotected %,d; never used %,d%n", c.total(), c.checksumProtected(), c.checksumOk(), c.checksumBad(),
                c.tornProtected(), c.tornOk(), c.torn(), c.unprotected(), c.empty());
        double secs = r.nanos() / 1e9;
        out.printf(Locale.ROOT, "  scanned %,d bytes in %.2f s (%.0f MB/s)%n", r.bytesRead(), secs, secs > 0 ? r.bytesRead() / secs / 1e6 : 0);
        FindingSink sink = r.sink();
        if (sink.total() == 0) {
            out.println("  findings: none");
            return;
        }
        StringBuilder counts = new StringBuilder();
        for (Severity s : Severity.values()) {
            if (sink.count(s) > 0) {
                counts.append(counts.length() > 0 ? ", " : "").append(sink.count(s)).append(' ').append(s.id());
            }
        }
        out.println("  findings: " + counts);
        for (Map.Entry<String, Long> e : sink.countsByRule().entrySet()) {
            out.printf(Locale.ROOT, "    %-32s %,d%n", e.getKey(), e.getValue());
        }
        List<Finding> list = r.findings();
        for (int i = 0; i < list.size() && i < maxFindings; i++) {
            Finding f = list.get(i);
            out.printf(Locale.ROOT, "  %-8s %-30s %-12s %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.ruleId(),
                    f.location().describe(), f.title());
        }
        if (sink.total() > Math.min(list.size(), maxFindings)) {
            out.printf(Locale.ROOT, "  ... %,d more (see --json, or --max-findings)%n", sink.total() - Math.min(list.size(), maxFindings));
        }
    }
}

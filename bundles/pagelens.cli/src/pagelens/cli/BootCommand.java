package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.report.FactsJson;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.boot.XtpFilegroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens boot [--json] FILE [--compare FILE2]}: the boot page decoded, with the Hekaton verdict. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Decode the boot page (1:9, DBINFO) of a data file, an uncompressed backup or DBCC PAGE(db,1,9,2) output: "
                + "every field with offset, size, value and evidence level, the bytes no field covers, and the In-Memory OLTP "
                + "(Hekaton) restore-readiness verdict. --compare shows the differences with a second boot page, Hekaton first.",
        footer = { "", "Exit codes: 0 no critical verdict, 1 a critical verdict (stale Hekaton state), 2 usage or I/O error." })
final class BootCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--compare", paramLabel = "FILE2", description = "A second boot page (file, backup or DBCC output) to compare with.")
    Path compare;

    @Option(names = "--xtp-filegroup", paramLabel = "yes|no",
            description = "Whether the database has a memory-optimized filegroup (default: not stated, treated as no).")
    String filegroup;

    @Option(names = "--layouts", paramLabel = "DIR", description = "Folder of calibrated layouts (default: ~/.pagelens/layouts).")
    Path layoutsDir;

    @Option(names = "--copy", paramLabel = "N", description = "Which copy of the boot page in a backup (1 = first; default: the last, as restored).")
    Integer copy;

    @Parameters(paramLabel = "FILE")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (filegroup != null && XtpFilegroup.of(filegroup) == XtpFilegroup.NOT_STATED) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--xtp-filegroup takes yes or no, not '" + filegroup + "'");
        }
        BootLayouts layouts = Layouts.user(layoutsDir);
        PrintWriter out = spec.commandLine().getOut();
        layouts.loadProblems().forEach(p -> spec.commandLine().getErr().println("pagelens: calibrated layout ignored: " + p));
        XtpFilegroup fg = XtpFilegroup.of(filegroup);
        String fgSource = filegroup == null ? "not stated" : pagelens.core.Evidence.USER.after("stated with --xtp-filegroup, overriding what the evidence says");
        Loaded a = load(file, layouts, fg, fgSource, copy);
        Loaded b = compare != null ? load(compare, layouts, fg, fgSource, null) : null;
        List<BootCompare.Difference> diffs = b != null ? BootCompare.compare(a.page, b.page) : List.of();
        if (json) {
            ObjectNode o = toJson(a);
            if (b != null) {
                ObjectNode c = o.putObject("compare");
                c.set("with", toJson(b));
                c.set("differences", FactsJson.differences(diffs));
            }
            Json.print(out, o);
        } else {
            printText(out, a);
            if (b != null) {
                out.println();
                printText(out, b);
                out.println();
                out.printf(Locale.ROOT, "Differences between %s and %s: %d (Hekaton first)%n", file.getFileName(), compare.getFileName(), diffs.size());
                printDifferences(out, diffs, "  ");
            }
        }
        boolean critical = a.page.critical() || b != null && b.page.critical();
        return critical ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }

    /** Boot page differences as text lines, one per field (also used by backup). */
    static void printDifferences(PrintWriter out, List<BootCompare.Difference> diffs, String indent) {
        for (BootCompare.Difference d : diffs) {
            out.printf(Locale.ROOT, "%s%s %-52s P+0x%03X %3d  %s -> %s%n", indent, d.hekaton() ? "HEKATON" : "       ", d.name(), d.offset(), d.size(),
                    d.before() == null ? "(absent)" : d.before(), d.after() == null ? "(absent)" : d.after());
        }
    }

    private record Loaded(Path path, BootPage page, List<OpenedEvidence.BootCopy> copies, OpenedEvidence.BootCopy used) {
    }

    /**
     * The boot page of one evidence item as the examination judges it (the evidence's own memory-optimized filegroup
     * fact unless the user stated one); with {@code which}, another copy judged the same way.
     */
    private Loaded load(Path p, BootLayouts layouts, XtpFilegroup fg, String fgSource, Integer which) throws IOException {
        try (OpenedEvidence ev = OpenedEvidence.open(p)) {
            if (!ev.identification().readable()) {
                throw new IOException(p + ": " + ev.identification().summary());
            }
            Examination.Options o = Examination.Options.defaults(layouts).withHash(false).withHeadersOnly(true);
            if (fg != XtpFilegroup.NOT_STATED) {
                o = o.withFilegroup(fg, fgSource);
            }
            List<OpenedEvidence.BootCopy> copies = ev.bootCopies();
            Examination e = Examination.run(ev, o, ProgressMonitor.NULL);
            if (e.boot() == null) {
                throw new IOException(p + ": " + String.join("; ", e.problems()));
            }
            OpenedEvidence.BootCopy used = copies.get(copies.size() - 1);
            BootPage page = e.boot();
            if (which != null) {
                if (which < 1 || which > copies.size()) {
                    throw new IOException(p + ": has " + copies.size() + " boot page cop" + (copies.size() == 1 ? "y" : "ies") + ", not " + which);
                }
                used = copies.get(which - 1);
                HekatonVerdict h = e.boot().hekaton();
                page = BootPage.decode(used.page(), layouts, h.filegroup(), h.filegroupSource());
            }
            return new Loaded(p, page, copies, used);
        } catch (BootPageException x) {
            throw new IOException(p + ": " + x.getMessage());
        }
    }

    private static ObjectNode toJson(Loaded l) {
        ObjectNode o = FactsJson.bootPage(l.path, l.page, l.used.copy());
        ArrayNode copies = o.putArray("copies");
        for (OpenedEvidence.BootCopy c : l.copies) {
            ObjectNode x = copies.addObject();
            x.put("offset", c.copy().provenance().offset());
            x.put("offsetIn", c.copy().provenance().space().id());
            x.put("where", c.where());
            x.put("used", c == l.used);
        }
        return o;
    }


    private static void printText(PrintWriter out, Loaded l) {
        BootPage b = l.page;
        HekatonVerdict h = b.hekaton();
        out.printf(Locale.ROOT, "%s: boot page from %s%s; %s%n", l.path, l.used.where(),
                l.copies.size() > 1 ? " (copy " + (l.copies.indexOf(l.used) + 1) + " of " + l.copies.size() + ")" : "", b.checksumNote());
        out.printf(Locale.ROOT, "  database %s, dbid %s; dbi_version %d, created as %d; record %d bytes%n", b.databaseName(), b.value("dbi_dbid"),
                b.dbiVersion(), b.createVersion(), b.recordLength());
        out.printf(Locale.ROOT, "  layout: %s%s%n", b.layoutNote(), b.exactLayout() ? "" : "  <-- NOT this version's own layout");
        out.printf(Locale.ROOT, "%n  VERDICT %s [%s]: %s%n", h.verdict().name(), h.rule().id(), h.headline());
        out.println("    " + h.explanation());
        out.println("    What to do: " + h.action());
        if (h.regionStart() >= 0) {
            out.printf(Locale.ROOT, "    Hekaton region P+0x%X..P+0x%X %s: %d non-zero byte(s) unexplained%s%n", h.regionStart(), h.regionEnd() - 1,
                    b.layout().regionEvidence().tag(), h.nonZeroOffsets().size(),
                    h.nonZeroOffsets().isEmpty() ? "" : " at " + h.nonZeroOffsets().stream().limit(24).map(i -> String.format("0x%X", i)).toList());
            out.println("    The eight Dbi_hk* fields (hkRecoveryLSN, hkLogTruncationLSN, hkCompatibilityMode, hkRootFile, hkRootFileWatermark, "
                    + "hkTrimLSN, hkUpgradeLSN, hkUndeployLSN) lie in this region; exact offsets "
                    + (h.hekatonFields().isEmpty() ? "are not established for this version." : "come from the calibrated layout."));
            out.println("    Sharing the region: " + String.join("; ", h.sharedFields()));
        }
        out.printf(Locale.ROOT, "    Memory-optimized filegroup: %s (%s)%n", h.filegroup().text(), h.filegroupSource());
        out.println();
        out.println("  offset  size  evidence     category   field = value");
        for (BootField f : b.fields()) {
            out.printf(Locale.ROOT, "  P+0x%03X %4d  %-12s %-10s %s = %s%n", f.offset(), f.size(), f.def().evidence().tag(), f.def().category(),
                    f.name(), f.value());
        }
        out.println("  bytes of the record no known field covers:");
        for (BootPage.Range r : b.uncovered()) {
            out.printf(Locale.ROOT, "  P+0x%03X..0x%03X (%d bytes): %s%n", r.start(), r.end() - 1, r.end() - r.start(),
                    r.nonZeroBytes() == 0 ? "all zero" : r.nonZeroBytes() + " non-zero: " + r.hex());
        }
    }
}

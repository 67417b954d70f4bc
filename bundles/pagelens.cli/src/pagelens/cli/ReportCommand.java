package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import pagelens.core.boot.XtpFilegroup;
import pagelens.core.cases.Case;
import pagelens.core.cases.CaseBuilder;
import pagelens.core.cases.CaseInfo;
import pagelens.core.findings.Severity;
import pagelens.report.JsonReport;
import pagelens.report.PdfReport;
import pagelens.report.ReportTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens report EVIDENCE... --pdf OUT.pdf [--json OUT.json]}: scans what it needs and writes the report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Examine the evidence (identify, SHA-256, scan data and log files, decode boot pages, compare two boot pages) and "
                + "write a findings report: PDF for a support ticket and/or JSON (schema docs/schema/pagelens-case-1.schema.json). "
                + "Never writes over evidence.",
        footer = { "", "Exit codes: 0 no finding of severity error or worse, 1 such findings, 2 usage or I/O error." })
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "EVIDENCE")
    List<Path> evidence;

    @Option(names = "--pdf", paramLabel = "OUT.pdf")
    Path pdf;

    @Option(names = "--json", paramLabel = "OUT.json")
    Path json;

    @Option(names = "--title", paramLabel = "T")
    String title;

    @Option(names = "--ticket", paramLabel = "ID")
    String ticket;

    @Option(names = "--analyst", paramLabel = "NAME")
    String analyst;

    @Option(names = "--organisation", paramLabel = "ORG")
    String organisation;

    @Option(names = "--notes", paramLabel = "TEXT")
    String notes;

    @Option(names = "--xtp-filegroup", paramLabel = "yes|no", description = "Whether the database has a memory-optimized filegroup.")
    String filegroup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (pdf == null && json == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --pdf OUT.pdf and/or --json OUT.json");
        }
        List<Path> abs = evidence.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (pdf != null && json != null && pdf.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pdf and --json name the same file (" + pdf + "): give two paths");
        }
        for (Path out : new Path[] { pdf, json }) {
            Path dir = out == null ? null : out.toAbsolutePath().normalize().getParent();
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                throw new IOException(out + ": the folder " + dir + " does not exist");
            }
        }
        for (Path out : new Path[] { pdf, json }) {
            if (out != null) {
                ReportTarget.check(out, abs);
            }
        }
        XtpFilegroup fg = XtpFilegroup.of(filegroup);
        CaseBuilder builder = new CaseBuilder(Layouts.user(), fg, filegroup == null ? "not stated" : pagelens.core.Evidence.USER.after("stated with --xtp-filegroup, overriding what the evidence says"));
        try (Case c = builder.build(new CaseInfo(title, ticket, analyst, organisation, null, notes), abs,
                Progress.forTerminal(spec.commandLine().getErr()))) {
            return write(c);
        }
    }

    private int write(Case c) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (pdf != null) {
            PdfReport.write(c, pdf);
            out.println("wrote " + pdf.toAbsolutePath());
        }
        if (json != null) {
            JsonReport.write(c, json);
            out.println("wrote " + json.toAbsolutePath());
        }
        c.problems().forEach(p -> spec.commandLine().getErr().println("pagelens: not examined: " + p));
        out.printf(Locale.ROOT, "findings: %d critical, %d error, %d warning, %d info%n", c.findings().count(Severity.CRITICAL),
                c.findings().count(Severity.ERROR), c.findings().count(Severity.WARNING), c.findings().count(Severity.INFO));
        Severity worst = c.findings().worst();
        return worst != null && worst.atLeast(Severity.ERROR) ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }
}

package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Owner;
import pagelens.core.catalog.Ownership;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.identify.Identification;
import pagelens.core.io.ProgressMonitor;
import pagelens.report.FactsJson;
import pagelens.report.OwnerText;
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

    @Option(names = "--no-catalog", description = "Verify the pages only: do not read the system catalog or name the owner of each page.")
    boolean noCatalog;

    @Option(names = "--pages-from", paramLabel = "SERVER_OUTPUT", description = "Pages a SQL Server named: DBCC CHECKDB output (text or WITH "
            + "TABLERESULTS saved as CSV/TSV), error log lines (823, 824, 825, 605) or msdb.dbo.suspect_pages exported as CSV. Each is listed "
            + "with its owner, PageLens's own verdict and the server's message; where they differ, it says so.")
    Path pagesFrom;

    @Option(names = "--by-object", description = "Group the findings by the table and index that own their pages.")
    boolean byObject;

    @Option(names = "--objects", defaultValue = "10", description = "Owners listed in the per-object summary of text output (default ${DEFAULT-VALUE}; "
            + "damaged ones first; 0 for none).")
    int objectLines;

    @Parameters(paramLabel = "FILE", description = "A data (.mdf/.ndf) or log (.ldf) file, or a backup (.bak, plain or compressed).")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedEvidence ev = OpenedEvidence.open(file)) {
            Identification id = ev.identification();
            if (!id.readable()) {
                throw new IOException(file + ": " + id.summary());
            }
            if (id.kind() == EvidenceKind.XTP_CONTAINER) {
                throw new IOException(file + ": is an In-Memory OLTP container folder (use 'pagelens xtp')");
            }
            Examination.Options o = Examination.Options.defaults(Layouts.user()).withHash(!noHash).withThreads(threads == null ? 0 : threads)
                    .withCatalog(!noCatalog);
            List<pagelens.core.findings.ServerMessages.Message> named = pagesFrom == null ? null : pagelens.core.findings.ServerMessages.read(pagesFrom);
            Examination e = Examination.run(ev, o, json ? ProgressMonitor.NULL : Progress.forTerminal(spec.commandLine().getErr()));
            if (json) {
                ObjectNode j = FactsJson.examination(e);
                j.put("elapsedMillis", e.nanos() / 1_000_000);
                if (e.catalog() != null) {
                    j.put("catalogMillis", Math.round(e.catalog().readMillis() * 10) / 10.0);
                    j.put("ownershipMillis", Math.round(e.ownership().buildMillis() * 10) / 10.0);
                }
                j.put("bytesRead", ev.bytesRead());
                if (named != null) {
                    j.put("pagesFrom", pagesFrom.toAbsolutePath().toString());
                    j.set("namedPages", FactsJson.namedPages(e.namedPages(named)));
                }
                Json.print(out, j);
            } else {
                printText(out, e, ev.bytesRead());
                if (named != null) {
                    printNamed(out, e, named);
                }
                if (ev.isBackup()) {
                    out.println("  (a backup: 'pagelens backup " + file + "' shows its set, file list and boot page copies)");
                }
            }
            return e.hasErrors() ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
        }
    }

    private void printText(PrintWriter out, Examination e, long bytesRead) {
        out.println(e.path());
        out.printf(Locale.ROOT, "  %s%s, %,d bytes%s%n", e.fileKind(), e.fileId() >= 0 ? ", file id " + e.fileId() : "",
                e.evidence().identification().size(), e.sha256() != null ? ", SHA-256 " + e.sha256() : "");
        if (e.counts() != null) {
            out.println("  " + Examination.countsLine(e.counts()));
        }
        if (e.boot() != null) {
            out.printf(Locale.ROOT, "  boot page: %s, In-Memory OLTP %s [%s]%n", e.boot().databaseName(), e.boot().hekaton().verdict().name(),
                    e.boot().hekaton().rule().id());
        }
        e.problems().forEach(p -> out.println("  not examined: " + p));
        double secs = e.nanos() / 1e9;
        out.printf(Locale.ROOT, "  read %,d bytes in %.2f s (%.0f MB/s)%n", bytesRead, secs, secs > 0 ? bytesRead / secs / 1e6 : 0);
        if (e.catalog() != null) {
            printObjects(out, e, objectLines);
        }
        if (byObject) {
            printFindingsByObject(out, e, maxFindings);
        } else {
            printFindings(out, e.findings(), maxFindings, e::ownerOf);
        }
    }

    /** The pages a server named, beside PageLens's verdict and the owner. */
    private void printNamed(PrintWriter out, Examination e, List<pagelens.core.findings.ServerMessages.Message> named) {
        List<Examination.NamedPage> pages = e.namedPages(named);
        long differ = pages.stream().filter(Examination.NamedPage::differs).count();
        out.printf(Locale.ROOT, "  pages named in %s: %,d%s%n", pagesFrom.getFileName(), pages.size(), pages.isEmpty()
                ? " (no page reference such as (1:414) was found: is it CHECKDB output, an error log or suspect_pages?)"
                : differ > 0 ? String.format(Locale.ROOT, ", %,d where PageLens's verdict differs from the server's", differ) : "");
        for (Examination.NamedPage n : pages) {
            String server = n.message().source() + (n.message().error() > 0 ? " error " + n.message().error() : "");
            String verdict = OwnerText.verdict(n);
            out.printf(Locale.ROOT, "    %-10s %-26s PageLens: %-40s %s%n", n.message().page(), server, verdict, n.owner() == null ? "" : OwnerText.brief(n.owner()));
            out.printf(Locale.ROOT, "               server (line %d): %s%n", n.message().line(), n.message().message());
            if (n.differs()) {
                out.println(n.verdict() == Examination.PageVerdict.ABSENT
                        ? "               DIFFERS: the server names this page; this evidence has no copy of it"
                        : "               DIFFERS: the server reports this page; PageLens finds this copy healthy (the server read another copy, "
                                + "the damage was in memory or on the way, or it was repaired or restored since)");
            }
        }
    }

    /** The catalog in one line, then pages per owner: damaged owners first, then the largest. */
    static void printObjects(PrintWriter out, Examination e, int lines) {
        Catalog c = e.catalog();
        out.printf(Locale.ROOT, "  catalog: %s; %d user table(s), %d allocation unit(s); memory-optimized filegroup: %s%n",
                c.generation() == Catalog.Generation.Y2005 ? "SQL Server 2005 base tables" : c.generation() == Catalog.Generation.Y2008
                        ? "SQL Server 2008+ base tables" : "not found", c.userTables().size(), c.allocationUnits().size(),
                c.memoryOptimizedFilegroupReason());
        Ownership o = e.ownership();
        if (o == null || lines <= 0) {
            return;
        }
        List<Ownership.Group> groups = o.groups();
        long damagedOwners = groups.stream().filter(g -> g.damaged() > 0).count();
        out.printf(Locale.ROOT, "  objects: %,d owner(s) of pages, %,d with damaged pages%s%n", groups.size(), damagedOwners,
                o.freePages() > 0 ? String.format(Locale.ROOT, "; %,d formatted page(s) free in the allocation maps", o.freePages()) : "");
        for (int i = 0; i < groups.size() && i < lines; i++) {
            Ownership.Group g = groups.get(i);
            out.printf(Locale.ROOT, "    %-58s %,8d pages%s%s%n", OwnerText.brief(g.owner()), g.pages(),
                    g.damaged() > 0 ? String.format(Locale.ROOT, ", %,d damaged (first %s)", g.damaged(), g.firstDamaged()) : "",
                    g.owner().systemCatalog() && g.damaged() > 0 ? "  SYSTEM CATALOG" : "");
        }
        if (groups.size() > lines) {
            out.printf(Locale.ROOT, "    ... %,d more (pagelens objects)%n", groups.size() - lines);
        }
    }

    /** The findings grouped by the owner of their pages (findings not on a page, or on a page of no owner, last). */
    static void printFindingsByObject(PrintWriter out, Examination e, int maxFindings) {
        Map<String, List<Finding>> by = new java.util.LinkedHashMap<>();
        for (Finding f : e.findings().findings()) {
            Owner o = e.ownerOf(f);
            by.computeIfAbsent(o == null ? "(no owner)" : OwnerText.describe(o), k -> new java.util.ArrayList<>()).add(f);
        }
        List<String> keys = new java.util.ArrayList<>(by.keySet());
        keys.sort((a, b) -> a.equals("(no owner)") ? 1 : b.equals("(no owner)") ? -1 : Integer.compare(by.get(b).size(), by.get(a).size()));
        int shown = 0;
        for (String k : keys) {
            out.printf(Locale.ROOT, "  %s: %,d finding(s)%n", k, by.get(k).size());
            for (Finding f : by.get(k)) {
                if (shown++ >= maxFindings) {
                    break;
                }
                out.printf(Locale.ROOT, "    %-8s %-30s %-12s %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.ruleId(), f.location().describe(), f.title());
            }
        }
    }

    /** The findings as text: counts by severity and rule, then one line each (scan and backup print them alike). */
    static void printFindings(PrintWriter out, FindingSink sink, int maxFindings, java.util.function.Function<Finding, Owner> owners) {
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
        for (Map.Entry<String, Long> r : sink.countsByRule().entrySet()) {
            out.printf(Locale.ROOT, "    %-32s %,d%n", r.getKey(), r.getValue());
        }
        List<Finding> list = sink.findings();
        for (int i = 0; i < list.size() && i < maxFindings; i++) {
            Finding f = list.get(i);
            Owner o = owners.apply(f);
            out.printf(Locale.ROOT, "  %-8s %-30s %-12s %s%s%n", f.severity().id().toUpperCase(Locale.ROOT), f.ruleId(),
                    f.location().describe() + (o != null ? " (" + OwnerText.brief(o) + ")" : ""), f.title(),
                    o != null && o.unavailable() != null ? " [owner: " + OwnerText.describe(o) + "]" : "");
        }
        if (sink.total() > Math.min(list.size(), maxFindings)) {
            out.printf(Locale.ROOT, "  ... %,d more (see --json, or --max-findings)%n", sink.total() - Math.min(list.size(), maxFindings));
        }
    }
}

package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Owner;
import pagelens.core.catalog.Ownership;
import pagelens.core.exam.DatabaseExamination;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.io.ProgressMonitor;
import pagelens.report.FactsJson;
import pagelens.report.OwnerText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens objects [--json] EVIDENCE}: the database's own catalog, with the pages and damage of every object. */
@Command(name = "objects", mixinStandardHelpOptions = true,
        description = "List the schemas, tables, indexes, partitions and allocation units of a data file or backup, read from the "
                + "database's own system catalog (no server), with the pages each one holds and how many of them are damaged.",
        footer = { "", "Exit codes: 0 the catalog was read, 1 it is damaged or incomplete (names may be missing), 2 usage or I/O error." })
final class ObjectsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the catalog and the pages per owner as JSON.")
    boolean json;

    @Option(names = "--system", description = "Also list the system base tables (the catalog itself) in text output.")
    boolean system;

    @Option(names = "--no-scan", description = "Read the catalog only (a data file: no page is verified or counted; fast on large files).")
    boolean noScan;

    @Parameters(paramLabel = "EVIDENCE", arity = "1..*", description = "A data file (.mdf) or a backup (.bak, plain or compressed); or every "
            + "data file of one database (the primary .mdf and its .ndf files, in any order), read as one database.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (files.size() > 1) {
            return database();
        }
        Path file = files.get(0);
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedEvidence ev = OpenedEvidence.open(file)) {
            Identification id = ev.identification();
            if (!id.readable()) {
                throw new IOException(file + ": " + id.summary());
            }
            if (id.kind() != EvidenceKind.DATA_FILE && !ev.isBackup()) {
                throw new IOException(file + ": is " + id.kind().id() + ", not a data file or backup: it has no system catalog");
            }
            if (noScan && ev.isBackup()) {
                throw new IOException(file + ": --no-scan is for data files (a backup's pages are read in one pass anyway)");
            }
            Examination e = Examination.run(ev, Examination.Options.defaults(Layouts.user()).withHash(false).withHeadersOnly(noScan),
                    json ? ProgressMonitor.NULL : Progress.forTerminal(spec.commandLine().getErr()));
            if (e.catalog() == null) {
                throw new IOException(file + (ev.pages(ProgressMonitor.NULL).fileIds().equals(List.of(1)) ? ""
                        : " is a secondary data file (file id " + ev.pages(ProgressMonitor.NULL).fileIds().get(0) + "); give it with the primary "
                                + "file (.mdf) of its database") + ": the system catalog could not be read: " + String.join("; ", e.problems()));
            }
            return result(out, List.of(e.path()), e.catalog(), e.ownership(), e.findingList(), ev.bytesRead());
        }
    }

    /** Several data files of one database. */
    private int database() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<OpenedEvidence> evs = new ArrayList<>();
        try {
            for (Path f : files) {
                OpenedEvidence ev = OpenedEvidence.open(f);
                evs.add(ev);
                if (!ev.identification().readable()) {
                    throw new IOException(f + ": " + ev.identification().summary());
                }
            }
            DatabaseExamination d = DatabaseExamination.run(evs, Examination.Options.defaults(Layouts.user()).withHash(false).withHeadersOnly(noScan),
                    json ? ProgressMonitor.NULL : Progress.forTerminal(spec.commandLine().getErr()));
            if (d.catalog() == null) {
                throw new IOException(d.path() + ": the system catalog could not be read: " + String.join("; ", d.problems()));
            }
            List<Path> paths = new ArrayList<>();
            d.files().forEach(e -> paths.add(e.path()));
            return result(out, paths, d.catalog(), d.ownership(), d.allFindings(), evs.stream().mapToLong(OpenedEvidence::bytesRead).sum());
        } finally {
            for (OpenedEvidence ev : evs) {
                ev.close();
            }
        }
    }

    private int result(PrintWriter out, List<Path> paths, Catalog c, Ownership o, List<pagelens.core.findings.Finding> findings, long bytesRead) {
        if (json) {
            ObjectNode n = FactsJson.MAPPER.createObjectNode();
            n.put("path", paths.get(0).toString());
            if (paths.size() > 1) {
                paths.forEach(p -> n.withArray("files").add(p.toString()));
            }
            n.set("catalog", FactsJson.catalog(c));
            n.set("objects", FactsJson.objects(o));
            n.put("catalogMillis", Math.round(c.readMillis() * 10) / 10.0);
            n.put("ownershipMillis", Math.round(o.buildMillis() * 10) / 10.0);
            n.put("bytesRead", bytesRead);
            Json.print(out, n);
        } else {
            print(out, paths, c, o, findings);
        }
        boolean bad = findings.stream().anyMatch(f -> f.ruleId().startsWith("catalog."));
        return bad ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
    }

    private void print(PrintWriter out, List<Path> paths, Catalog c, Ownership o, List<pagelens.core.findings.Finding> findings) {
        Map<Long, Ownership.Group> byUnit = new HashMap<>();
        for (Ownership.Group g : o.groups()) {
            byUnit.put(g.owner().allocationUnitId(), g);
        }
        out.println(paths.get(0) + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more file(s) of the database: "
                + String.join(", ", paths.subList(1, paths.size()).stream().map(Path::toString).toList()) : ""));
        out.printf(Locale.ROOT, "  base tables: %s; memory-optimized filegroup: %s%n", c.generation() == Catalog.Generation.Y2005 ? "SQL Server 2005"
                : c.generation() == Catalog.Generation.Y2008 ? "SQL Server 2008 and later" : "not found", c.memoryOptimizedFilegroupReason());
        for (Catalog.DatabaseFile f : c.files()) {
            out.printf(Locale.ROOT, "  file %d %s: %s, filegroup %d, %,d pages, %s%n", f.fileId(), f.logicalName(), f.type() == 0 ? "rows"
                    : f.type() == 1 ? "log" : f.type() == 2 ? "FILESTREAM / memory-optimized container" : "type " + f.type(), f.filegroup(),
                    f.sizePages(), f.physicalName());
        }
        for (Catalog.DataSpace d : c.dataSpaces().values()) {
            out.printf(Locale.ROOT, "  filegroup %d %s (%s)%n", d.id(), d.name(), d.type());
        }
        for (Catalog.Problem p : c.problems()) {
            out.println("  CATALOG: " + p.what());
        }
        for (pagelens.core.findings.Finding f : findings) {
            if (f.ruleId().equals("catalog.file-not-given") || f.ruleId().equals("catalog.file-foreign")) {
                out.println("  FILES: " + f.title());
            }
        }
        String schema = null;
        for (Catalog.DbObject t : c.userTables()) {
            String s = c.schemaName(t.schemaId());
            if (!java.util.Objects.equals(s, schema)) {
                schema = s;
                out.println("schema " + (s == null ? "#" + t.schemaId() + " (name unavailable)" : s));
            }
            out.printf(Locale.ROOT, "  table %s (object %d, created %s)%n", t.name(), t.id(), t.created() == null ? "?" : t.created().toString().replace('T', ' '));
            for (Catalog.Rowset r : c.rowsetsOf(t.id())) {
                printRowset(out, c, t, r, byUnit);
            }
        }
        if (system) {
            out.println("system base tables");
            for (Ownership.Group g : o.groups()) {
                if (g.owner().systemCatalog()) {
                    out.printf(Locale.ROOT, "  %-50s %,8d pages%s%n", OwnerText.brief(g.owner()), g.pages(), g.damaged() > 0 ? ", " + g.damaged() + " damaged" : "");
                }
            }
        }
        if (noScan) {
            out.printf(Locale.ROOT, "catalog read in %.0f ms; pages not counted (--no-scan)%n", c.readMillis());
            return;
        }
        long unknown = o.groups().stream().filter(g -> g.owner().by() == Owner.By.HEADER_ONLY).mapToLong(Ownership.Group::pages).sum();
        out.printf(Locale.ROOT, "pages: %,d owned by the objects above or the catalog, %,d of units the catalog does not list, %,d free in the allocation maps%s%n",
                o.groups().stream().mapToLong(Ownership.Group::pages).sum() - unknown, unknown, o.freePages(),
                o.checked() ? "; allocation checked against the IAM chains" : "; allocation not checked (the catalog is incomplete)");
    }

    private static void printRowset(PrintWriter out, Catalog c, Catalog.DbObject t, Catalog.Rowset r, Map<Long, Ownership.Group> byUnit) {
        Catalog.Index ix = c.index(t.id(), r.indexId());
        String keys = ix == null ? "" : String.join(", ", c.keyColumnNames(ix));
        String label = OwnerText.indexLabel(c, r);
        out.printf(Locale.ROOT, "    %s%s: partition %d, %,d rows%s%n", label, keys.isEmpty() ? "" : " (" + keys + ")", r.partition(), r.rows(),
                r.compression() > 0 ? ", compression " + (r.compression() == 1 ? "ROW" : r.compression() == 2 ? "PAGE" : Integer.toString(r.compression())) : "");
        for (Catalog.AllocationUnit u : c.unitsOf(r.id())) {
            Ownership.Group g = byUnit.get(u.id());
            out.printf(Locale.ROOT, "      %-18s unit %d: %,d pages found (catalog: %,d used, %,d data)%s%n",
                    u.unitType() == null ? "type " + u.type() : OwnerText.unitType(u.unitType()), u.id(), g == null ? 0 : g.pages(), u.usedPages(),
                    u.dataPages(), g != null && g.damaged() > 0 ? String.format(Locale.ROOT, ", %,d DAMAGED (first %s)", g.damaged(), g.firstDamaged()) : "");
        }
    }
}

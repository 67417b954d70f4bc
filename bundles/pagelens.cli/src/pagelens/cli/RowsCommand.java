package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableReader;
import pagelens.core.rows.TableSchema;
import pagelens.report.FactsJson;
import pagelens.report.RowsExport;
import pagelens.report.ValueText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens rows}: a table's rows read from a data file or backup, shown or exported for salvage. */
@Command(name = "rows", mixinStandardHelpOptions = true,
        description = "Read a table's rows from a data file or backup without a server (the catalog and the records as the file holds them): "
                + "shown on the terminal, or exported as CSV (RFC 4180) or JSON lines with a summary beside the output (rows written, rows from "
                + "damaged pages, pages whose rows are lost, the evidence's SHA-256). Rows on damaged pages are decoded where the bytes allow and "
                + "marked. Nothing is written to the evidence; an existing output file is never replaced.",
        footer = { "", "Exit codes: 0 every row read, 1 rows from damaged pages, lost pages or partitions not decoded, 2 usage or I/O error." })
final class RowsCommand implements Callable<Integer> {

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the rows as CSV (a header row; NULL as an empty unquoted field, an empty "
            + "string as \"\"), then the row's source: page, slot, kind, damage, gaps.")
    Path csv;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the rows as JSON lines: {page, slot, kind, values {column: value}, damage, gaps}.")
    Path json;

    @Option(names = "--all-tables", paramLabel = "DIR", description = "Export every user table as CSV into DIR (created if needed), one file and "
            + "one summary per table, and DIR/summary.json.")
    Path allTables;

    @Option(names = "--include-deleted", description = "Also the deleted (ghost) rows still on the pages, marked DELETED.")
    boolean includeDeleted;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: all when exporting, 25 on the terminal).")
    Long limit;

    @Parameters(index = "0", paramLabel = "EVIDENCE", description = "A data file (.mdf) or a backup (.bak, plain or compressed).")
    Path evidence;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TABLE", description = "SCHEMA.TABLE or TABLE (as pagelens objects lists them).")
    String table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (table == null && allTables == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name a TABLE (pagelens objects EVIDENCE lists them) or give --all-tables DIR");
        }
        if (csv != null && json != null || allTables != null && (csv != null || json != null || table != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "one output at a time: --csv, --json, or --all-tables without a TABLE");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedEvidence ev = OpenedEvidence.open(evidence)) {
            if (!ev.identification().readable()) {
                throw new IOException(evidence + ": " + ev.identification().summary());
            }
            if (ev.kind() != EvidenceKind.DATA_FILE && !ev.isBackup()) {
                throw new IOException(evidence + ": is " + ev.kind().id() + ", not a data file or backup: it holds no tables");
            }
            Examination e = Examination.run(ev, Examination.Options.defaults(Layouts.user()).withHash(false).withHeadersOnly(ev.kind() == EvidenceKind.DATA_FILE),
                    ProgressMonitor.NULL);
            Catalog c = e.catalog();
            if (c == null || c.objects().isEmpty()) {
                throw new IOException(evidence + ": the system catalog could not be read: " + String.join("; ", e.problems()));
            }
            TableReader reader = new TableReader(ev.pages(ProgressMonitor.NULL), c);
            if (allTables != null) {
                return exportAll(ev, c, reader, out);
            }
            Catalog.DbObject t = find(c, table);
            if (csv == null && json == null) {
                return show(c, t, reader, out);
            }
            Path target = csv != null ? csv : json;
            ObjectNode summary = RowsExport.write(ev, c, t, reader, target, csv != null, includeDeleted, limit == null ? 0 : limit,
                    Progress.forTerminal(spec.commandLine().getErr()));
            Path side = RowsExport.sidecar(target);
            out.printf(Locale.ROOT, "wrote %,d rows of %s to %s (%,d from damaged pages, %,d pages lost); summary in %s%n", summary.get("rows").asLong(),
                    summary.get("table").asText(), target, summary.get("rowsFromDamagedPages").asLong(), summary.get("lostPages").size(), side);
            return RowsExport.clean(summary) ? PageLensCli.EXIT_OK : PageLensCli.EXIT_FINDINGS;
        }
    }

    /** The table a name means: SCHEMA.TABLE or TABLE (brackets allowed), case-insensitive; ambiguous or unknown names are refused. */
    static Catalog.DbObject find(Catalog c, String name) throws IOException {
        String n = name.replace("[", "").replace("]", "");
        List<Catalog.DbObject> hits = new ArrayList<>();
        for (Catalog.DbObject t : c.userTables()) {
            String full = c.schemaName(t.schemaId()) + "." + t.name();
            if (full.equalsIgnoreCase(n) || t.name().equalsIgnoreCase(n)) {
                hits.add(t);
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        List<String> all = c.userTables().stream().map(t -> c.schemaName(t.schemaId()) + "." + t.name()).toList();
        throw new IOException(hits.isEmpty() ? "no user table " + name + " in this database; its tables: " + String.join(", ", all)
                : name + " names several tables; give the schema: " + hits.stream().map(t -> c.schemaName(t.schemaId()) + "." + t.name()).toList());
    }

    private int show(Catalog c, Catalog.DbObject t, TableReader reader, PrintWriter out) throws IOException {
        long max = limit == null ? 25 : limit;
        TableSchema schema = reader.schema(t);
        if (schema == null) {
            throw new IOException(c.schemaName(t.schemaId()) + "." + t.name() + ": the catalog holds no description of its columns");
        }
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>();
        schema.columns().forEach(col -> head.add(col.name()));
        head.add("(source)");
        lines.add(head.toArray(String[]::new));
        TableReader.Summary s = reader.read(t, new TableReader.Options(includeDeleted, max), (sc, r) -> {
            String[] l = new String[sc.columns().size() + 1];
            for (int i = 0; i < sc.columns().size(); i++) {
                String v = ValueText.text(r.values()[i]);
                v = v == null ? "NULL" : v.replaceAll("[\\r\\n\\t]", " ");
                l[i] = (v.length() > 40 ? v.substring(0, 39) + "…" : v) + (r.gaps()[i] != null ? " [GAP]" : "");
            }
            l[l.length - 1] = r.page() + "/" + r.slot() + (r.kind() != Row.Kind.ROW ? " " + r.kind() : "") + (r.damage() != null ? " DAMAGED" : "");
            lines.add(l);
            return true;
        }, ProgressMonitor.NULL);
        int[] w = new int[head.size()];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                w[i] = Math.max(w[i], l[i].length());
            }
        }
        out.println(c.schemaName(t.schemaId()) + "." + t.name() + " (" + String.join(", ", schema.columns().stream().map(col -> col.name() + " " + col.typeName()).toList()) + ")");
        for (String[] l : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                b.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + w[i] + "s", l[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%,d row(s) shown%s%n", s.rows(), s.complete() ? "" : " (--limit " + max + "; --csv OUT exports all)");
        summaryLines(s, out);
        return s.fromDamaged() == 0 && s.lost().isEmpty() && s.notDecoded().isEmpty() ? PageLensCli.EXIT_OK : PageLensCli.EXIT_FINDINGS;
    }

    private static void summaryLines(TableReader.Summary s, PrintWriter out) {
        if (s.fromDamaged() > 0) {
            out.printf(Locale.ROOT, "DAMAGED: %,d row(s) come from damaged pages (marked; their values may be wrong)%n", s.fromDamaged());
        }
        for (TableReader.LostPage l : s.lost()) {
            out.printf(Locale.ROOT, "LOST: rows on page %s%s: %s%n", l.page(), l.slots() >= 0 ? " (about " + l.slots() + " rows by the slot count)" : "", l.reason());
        }
        s.notDecoded().forEach(n -> out.println("NOT DECODED: " + n));
    }

    private int exportAll(OpenedEvidence ev, Catalog c, TableReader reader, PrintWriter out) throws IOException {
        Files.createDirectories(allTables);
        ObjectNode all = FactsJson.MAPPER.createObjectNode();
        all.put("evidence", ev.path().toString());
        ArrayNode tables = all.putArray("tables");
        boolean clean = true;
        for (Catalog.DbObject t : c.userTables()) {
            String base = (c.schemaName(t.schemaId()) + "." + t.name()).replaceAll("[^A-Za-z0-9._ -]", "_");
            Path target = allTables.resolve(base + ".csv");
            RowsExport.refuseToReplace(evidence, target);
            if (reader.schema(t) == null) {
                tables.addObject().put("table", c.schemaName(t.schemaId()) + "." + t.name()).put("error", "the catalog holds no description of its columns");
                clean = false;
                continue;
            }
            ObjectNode s = RowsExport.write(ev, c, t, reader, target, true, includeDeleted, limit == null ? 0 : limit, ProgressMonitor.NULL);
            tables.add(s);
            clean &= RowsExport.clean(s);
            out.printf(Locale.ROOT, "%-50s %,10d rows%s%n", s.get("table").asText(), s.get("rows").asLong(), RowsExport.clean(s) ? ""
                    : String.format(Locale.ROOT, "  (%,d from damaged pages, %,d pages lost%s)", s.get("rowsFromDamagedPages").asLong(),
                            s.get("lostPages").size(), s.get("notDecoded").isEmpty() ? "" : ", not decoded: " + s.get("notDecoded").get(0).asText()));
        }
        Path summary = allTables.resolve("summary.json");
        Files.writeString(summary, FactsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n", StandardCharsets.UTF_8);
        out.println("wrote " + tables.size() + " table(s) to " + allTables + "; summary in " + summary);
        return clean ? PageLensCli.EXIT_OK : PageLensCli.EXIT_FINDINGS;
    }
}

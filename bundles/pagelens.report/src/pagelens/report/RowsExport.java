package pagelens.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.catalog.Catalog;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableReader;
import pagelens.core.rows.TableSchema;

/**
 * The one export of a table's rows, for the command line ({@code pagelens rows --csv/--json}) and the workbench (File &gt;
 * Export Table Rows): RFC 4180 CSV through commons-csv (NULL as an empty unquoted field, an empty string as "", then the
 * row's source columns) or JSON lines, and a summary beside the output (OUT.summary.json: rows written, rows from damaged
 * pages, lost pages with their slot counts, partitions not decoded, the evidence's SHA-256). Never replaces a file, never
 * writes to evidence.
 */
public final class RowsExport {
    private RowsExport() {
    }

    /** Where the summary of an export to {@code target} goes. */
    public static Path sidecar(Path target) {
        return target.resolveSibling(target.getFileName() + ".summary.json");
    }

    /** Refuses an output that is the evidence, or that (or its summary) exists. */
    /** Slot numbers as text (a page holds at most about 4,000 records). */
    private static final String[] SLOT_TEXT = java.util.stream.IntStream.range(0, 4096).mapToObj(Integer::toString).toArray(String[]::new);

    /** The export's CSV: RFC 4180, every non-NULL value quoted (so NULL, written as nothing, differs from an empty string ""). */
    public static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setNullString("").get();

    /**
     * One record of {@code format} (which must be {@link #CSV}) appended to {@code line}: a value without a quote character is
     * written as {@code "value"} directly, anything else through commons-csv's own printing. The same bytes as commons-csv's
     * printer (RowsExportTest compares them on random values), at twice its speed: the printer takes a lock and scans per
     * value, which was half of a 12-million-row export.
     */
    public static void appendCsvRecord(CSVFormat format, StringBuilder line, Object[] rec) throws IOException {
        for (int i = 0; i < rec.length; i++) {
            if (i > 0) {
                line.append(format.getDelimiterString());
            }
            Object v = rec[i];
            if (v instanceof String t && t.indexOf('"') < 0) {
                line.append('"').append(t).append('"');
            } else if (v != null) {
                format.print(v, line, true);
            }
        }
        line.append(format.getRecordSeparator());
    }

    public static void refuseToReplace(Path evidence, Path target) throws IOException {
        if (target.toAbsolutePath().normalize().equals(evidence.toAbsolutePath().normalize())) {
            throw new IOException(target + ": is the evidence; PageLens never writes to evidence");
        }
        if (Files.exists(target) || Files.exists(sidecar(target))) {
            throw new IOException((Files.exists(target) ? target : sidecar(target)) + ": exists; rows never replace a file");
        }
    }

    /** Whether an export's summary says every row was read (no damaged pages, no lost pages, every partition decoded). */
    public static boolean clean(ObjectNode s) {
        return s.get("rowsFromDamagedPages").asLong() == 0 && s.get("lostPages").isEmpty() && s.get("notDecoded").isEmpty();
    }

    /**
     * Writes the rows of {@code t} to {@code target} (CSV, or JSON lines) and its summary beside it; progress and cancel
     * through {@code monitor}.
     *
     * @param limit at most this many rows (0: all)
     * @return the summary
     */
    public static ObjectNode write(OpenedEvidence ev, Catalog c, Catalog.DbObject t, TableReader reader, Path target, boolean asCsv,
            boolean includeDeleted, long limit, ProgressMonitor monitor) throws IOException {
        refuseToReplace(ev.path(), target);
        long t0 = System.nanoTime();
        long expected = c.rowsetsOf(t.id()).stream().filter(r -> r.indexId() <= 1).mapToLong(r -> Math.max(0, r.rows())).sum();
        monitor.begin("Exporting the rows of " + c.schemaName(t.schemaId()) + "." + t.name(), Math.max(1, limit > 0 ? Math.min(limit, expected) : expected));
        long[] done = { 0 };
        TableSchema schema = reader.schema(t);
        if (schema == null) {
            throw new IOException(c.schemaName(t.schemaId()) + "." + t.name() + ": the catalog holds no description of its columns");
        }
        List<String> names = schema.columns().stream().map(TableColumn::name).toList();
        TableReader.Summary s;
        try (Writer w = new Utf8Sink(new java.io.BufferedOutputStream(Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE), 1 << 16))) {
            if (asCsv) {
                List<String> header = new ArrayList<>(names);
                header.addAll(List.of("pagelens_page", "pagelens_slot", "pagelens_kind", "pagelens_damage", "pagelens_gaps"));
                // one line per row (appendCsvRecord), which goes to the unsynchronised UTF-8 sink in one call
                CSVFormat format = CSV;
                CSVPrinter p = new CSVPrinter(w, format.builder().setHeader(header.toArray(String[]::new)).get());
                p.flush();
                Object[] rec = new Object[names.size() + 5];
                pagelens.core.page.PageId[] lastPage = { null };
                String[] pageText = { null };
                s = reader.read(t, new TableReader.Options(includeDeleted, limit), (sc, r) -> {
                    Object[] values = r.values();
                    for (int i = 0; i < values.length; i++) {
                        rec[i] = ValueText.text(values[i]);
                    }
                    int k = values.length;
                    if (!r.page().equals(lastPage[0])) { // the rows of one page share its text
                        lastPage[0] = r.page();
                        pageText[0] = r.page().toString();
                    }
                    rec[k] = pageText[0];
                    rec[k + 1] = r.slot() < SLOT_TEXT.length ? SLOT_TEXT[r.slot()] : Integer.toString(r.slot());
                    rec[k + 2] = r.kind().name();
                    rec[k + 3] = r.damage();
                    rec[k + 4] = gaps(names, r);
                    if (++done[0] % 4096 == 0) {
                        monitor.worked(4096);
                    }
                    try {
                        // a fresh line per row: a builder that once held a non-Latin-1 character stays UTF-16 and makes every later
                        // append of Latin-1 text slow
                        StringBuilder line = new StringBuilder(256);
                        appendCsvRecord(format, line, rec);
                        w.append(line);
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                    return true;
                }, monitor);
                p.flush();
            } else {
                JsonGenerator g = FactsJson.MAPPER.getFactory().createGenerator(w);
                s = reader.read(t, new TableReader.Options(includeDeleted, limit), (sc, r) -> {
                    ObjectNode o = FactsJson.MAPPER.createObjectNode();
                    o.put("page", r.page().toString());
                    o.put("slot", r.slot());
                    o.put("kind", r.kind().name());
                    ObjectNode values = o.putObject("values");
                    for (int i = 0; i < names.size(); i++) {
                        values.set(names.get(i), ValueText.json(r.values()[i]));
                    }
                    o.put("damage", r.damage());
                    if (r.hasGaps()) {
                        ObjectNode gaps = o.putObject("gaps");
                        for (int i = 0; i < names.size(); i++) {
                            if (r.gaps()[i] != null) {
                                gaps.put(names.get(i), r.gaps()[i]);
                            }
                        }
                    }
                    if (++done[0] % 4096 == 0) {
                        monitor.worked(4096);
                    }
                    try {
                        FactsJson.MAPPER.writeTree(g, o);
                        g.writeRaw('\n');
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                    return true;
                }, monitor);
                g.flush();
            }
        } catch (java.io.UncheckedIOException x) {
            throw x.getCause();
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000; // reading and writing the rows (the hash below is not)
        ObjectNode o = FactsJson.MAPPER.createObjectNode();
        o.put("evidence", ev.path().toString());
        o.put("evidenceSha256", ev.file().sha256(ProgressMonitor.NULL));
        o.put("table", c.schemaName(t.schemaId()) + "." + t.name());
        o.put("output", target.toString());
        o.put("format", asCsv ? "csv" : "json-lines");
        ArrayNode cols = o.putArray("columns");
        schema.columns().forEach(col -> cols.addObject().put("name", col.name()).put("type", col.typeName()));
        o.put("rows", s.rows());
        o.put("deletedRows", s.deleted());
        o.put("rowsFromDamagedPages", s.fromDamaged());
        ArrayNode lost = o.putArray("lostPages");
        for (TableReader.LostPage l : s.lost()) {
            ObjectNode n = lost.addObject();
            n.put("page", l.page().toString());
            if (l.slots() >= 0) {
                n.put("rowsBySlotCount", l.slots());
            } else {
                n.putNull("rowsBySlotCount");
            }
            n.put("reason", l.reason());
        }
        o.put("rowsLostBySlotCount", s.rowsLostBySlotCount());
        ArrayNode nd = o.putArray("notDecoded");
        s.notDecoded().forEach(nd::add);
        o.put("complete", s.complete());
        o.put("pagesRead", s.pages());
        o.put("elapsedMillis", elapsed);
        Files.writeString(sidecar(target), FactsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        monitor.done();
        return o;
    }

    private static String gaps(List<String> names, Row r) {
        if (!r.hasGaps()) {
            return null;
        }
        List<String> g = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (r.gaps()[i] != null) {
                g.add(names.get(i) + ": " + r.gaps()[i]);
            }
        }
        return String.join("; ", g);
    }
}

package pagelens.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonGenerator;

import pagelens.core.preflight.Preflight;
import pagelens.core.preflight.Target;

/**
 * The one writer of a preflight's results, for {@code pagelens preflight --csv/--json} and the workbench's preflight view:
 * rows streamed as they arrive (a CSV row per database; a JSON object with the target, the databases and a summary), so
 * memory does not grow with the fleet. Outputs are refused when they are one of the evidence paths.
 */
public final class PreflightOutputs implements Consumer<Preflight.Row>, Closeable {
    /** The CSV columns, in order. */
    public static final String[] CSV_HEADER = { "path", "verdict", "database", "kind", "serverVersion", "databaseVersion", "inMemoryOltp",
        "memoryOptimizedFilegroup", "xtpMemory", "integrity", "failingRules", "error" };

    private final OutputStream js;
    private final JsonGenerator g;
    private final Writer cw;
    private final CSVPrinter cp;
    private final Preflight.Tally tally = new Preflight.Tally();

    /**
     * @param json     the JSON output, or null
     * @param csv      the CSV output, or null
     * @param evidence the paths examined (never written)
     */
    public PreflightOutputs(Target t, Path json, Path csv, List<Path> evidence) throws IOException {
        for (Path out : new Path[] { json, csv }) {
            if (out != null && evidence.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))) {
                throw new IOException(out + ": is one of the evidence paths; PageLens never writes to evidence");
            }
        }
        js = json == null ? null : Files.newOutputStream(json);
        g = js == null ? null : FactsJson.MAPPER.getFactory().createGenerator(js);
        cw = csv == null ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        cp = cw == null ? null : new CSVPrinter(cw, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
        if (g != null) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("target", t.id());
            g.writeStringField("targetLabel", t.label());
            g.writeNumberField("targetMaxVersion", t.maxVersion());
            g.writeStringField("targetEvidence", t.evidence().name());
            g.writeArrayFieldStart("databases");
        }
    }

    /** The CSV cells of a row, in {@link #CSV_HEADER} order. */
    public static Object[] csvCells(Preflight.Row r) {
        return new Object[] { r.path(), r.verdict(), r.database(), r.kind(), r.serverVersion(), r.databaseVersion(), r.hekaton(), r.filegroup(),
            r.xtpMemory(), r.integrity(), r.failing().stream().map(Preflight.Check::rule).collect(Collectors.joining(" ")), r.error() };
    }

    /** Writes one database's result (thread-safe: rows arrive from the pool in order, one at a time). */
    @Override
    public synchronized void accept(Preflight.Row r) {
        tally.accept(r);
        try {
            if (g != null) {
                g.writeTree(FactsJson.preflightRow(r));
            }
            if (cp != null) {
                cp.printRecord(csvCells(r));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The counts so far. */
    public Preflight.Tally tally() {
        return tally;
    }

    /** Ends the outputs: the JSON summary (with the files skipped in folders) and closes them. */
    public void finish(int skipped) throws IOException {
        if (g != null) {
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("pass", tally.pass());
            g.writeNumberField("warn", tally.warn());
            g.writeNumberField("fail", tally.fail());
            g.writeNumberField("skipped", skipped);
            g.writeEndObject();
            g.writeEndObject();
        }
        close();
    }

    @Override
    public void close() throws IOException {
        if (g != null) {
            g.close();
        }
        if (js != null) {
            js.close();
        }
        if (cp != null) {
            cp.close();
        }
        if (cw != null) {
            cw.close();
        }
    }
}

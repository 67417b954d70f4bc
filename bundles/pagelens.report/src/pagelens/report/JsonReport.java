package pagelens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import pagelens.core.Version;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.ScanResult;

/** The case as JSON, schema {@value #SCHEMA} (docs/schema/pagelens-case-1.schema.json), streamed. */
public final class JsonReport {
    public static final String SCHEMA = "pagelens-case/1";

    private JsonReport() {
    }

    public static void write(Case c, Path out) throws IOException {
        ReportTarget.check(out, c.evidence().stream().map(EvidenceEntry::path).toList());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); JsonGenerator g = FactsJson.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            write(c, g);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void write(Case c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("pagelensVersion", Version.VERSION);
        g.writeObjectFieldStart("case");
        g.writeStringField("title", c.info().title());
        g.writeStringField("ticketId", c.info().ticketId());
        g.writeStringField("analyst", c.info().analyst());
        g.writeStringField("organisation", c.info().organisation());
        g.writeStringField("date", c.info().date().toOffsetDateTime().toString());
        g.writeStringField("notes", c.info().notes());
        g.writeEndObject();
        g.writeArrayFieldStart("evidence");
        for (EvidenceEntry e : c.evidence()) {
            g.writeStartObject();
            g.writeStringField("path", e.path().toString());
            g.writeStringField("kind", e.identification().kind().id());
            g.writeNumberField("size", e.identification().size());
            g.writeStringField("sha256", e.sha256Now());
            g.writeStringField("sha256WhenOpened", e.sha256Opened());
            g.writeBooleanField("changedSinceOpened", e.changedSinceOpened());
            if (e.identification().databaseName() != null) {
                g.writeStringField("databaseName", e.identification().databaseName());
            }
            if (e.identification().databaseVersion() != null) {
                g.writeNumberField("databaseVersion", e.identification().databaseVersion());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("containers");
        for (var e : c.containers().entrySet()) {
            var s = e.getValue();
            g.writeStartObject();
            g.writeStringField("root", e.getKey().toString());
            g.writeStringField("layout", s.layout().name());
            g.writeStringField("blockChecksums", s.checksums());
            g.writeArrayFieldStart("files");
            for (var f : s.files()) {
                g.writeStartObject();
                g.writeStringField("name", f.relative());
                g.writeStringField("guid", f.guid());
                g.writeNumberField("size", f.size());
                g.writeNumberField("blocks", f.walk().blocks().size());
                g.writeNumberField("rows", f.walk().rows());
                g.writeNumberField("usedSize", f.walk().dataEnd());
                g.writeStringField("inferredType", f.walk().inferredKind());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("backups");
        for (pagelens.core.exam.Examination e : c.examinations()) {
            if (e.backup() != null) {
                g.writeStartObject();
                g.writeStringField("path", e.path().toString());
                g.writeBooleanField("compressed", e.backup().compressed());
                g.writeFieldName("set");
                g.writeTree(FactsJson.backupSet(e.backup(), e.boot())); // the same set object as backup --json
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("objects");
        for (pagelens.core.exam.Examination e : c.examinations()) {
            if (e.ownership() != null) {
                com.fasterxml.jackson.databind.node.ObjectNode o = FactsJson.objects(e.ownership());
                o.put("path", e.path().toString());
                pagelens.core.rows.RowsAtRisk.Result risk = pagelens.core.rows.RowsAtRisk.of(e, ObjectsSection.FIRST_KEYS, ObjectsSection.RISK_PAGES);
                o.set("rowsAtRisk", FactsJson.rowsAtRisk(risk.pages()));
                o.put("damagedTablePages", risk.total());
                g.writeTree(o); // the same objects block as 'pagelens scan --json'
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("logs");
        for (pagelens.core.exam.Examination e : c.examinations()) {
            if (e.log() != null) {
                com.fasterxml.jackson.databind.node.ObjectNode o = FactsJson.MAPPER.createObjectNode();
                o.put("path", e.path().toString());
                o.setAll(FactsJson.log(e.log())); // the same as 'pagelens log --json' and 'scan --json'
                g.writeTree(o);
            }
        }
        g.writeEndArray();
        // what the logs say about the damaged pages: the same entries as the PDF's table
        pagelens.core.cases.DamagedPageHistory.Result history = LogSection.history(c);
        g.writeFieldName("damagedPageHistory");
        g.writeTree(FactsJson.damagedPageHistory(history.entries()));
        g.writeArrayFieldStart("scans");
        for (ScanResult s : c.scans().values()) {
            PageCounts k = s.counts();
            g.writeStartObject();
            g.writeStringField("path", s.evidence().toString());
            g.writeStringField("fileKind", s.fileKind());
            g.writeNumberField("fileId", s.fileId());
            g.writeFieldName("pages");
            g.writeTree(FactsJson.pages(k));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bootPages");
        for (pagelens.core.exam.Examination e : c.examinations()) {
            if (e.boot() != null) {
                g.writeTree(FactsJson.bootPage(e.path(), e.boot(), e.bootCopy()));
            }
        }
        g.writeEndArray();
        if (c.comparison() != null) {
            g.writeObjectFieldStart("comparison");
            g.writeStringField("first", c.comparison().first().toString());
            g.writeStringField("second", c.comparison().second().toString());
            g.writeFieldName("differences");
            g.writeTree(FactsJson.differences(c.comparison().differences()));
            g.writeEndObject();
        }
        g.writeFieldName("summary");
        g.writeTree(FactsJson.summary(c.findings()));
        g.writeFieldName("findings");
        g.writeTree(FactsJson.findings(c.findings(), c::ownerOf));
        g.writeArrayFieldStart("problems");
        for (String p : c.problems()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

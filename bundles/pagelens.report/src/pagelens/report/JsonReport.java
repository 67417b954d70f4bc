package pagelens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import pagelens.core.Version;
import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
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
        try (OutputStream os = Files.newOutputStream(tmp); JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
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
        g.writeArrayFieldStart("scans");
        for (ScanResult s : c.scans().values()) {
            PageCounts k = s.counts();
            g.writeStartObject();
            g.writeStringField("path", s.evidence().toString());
            g.writeStringField("fileKind", s.fileKind());
            g.writeNumberField("fileId", s.fileId());
            g.writeObjectFieldStart("pages");
            g.writeNumberField("total", k.total());
            g.writeNumberField("checksumProtected", k.checksumProtected());
            g.writeNumberField("checksumOk", k.checksumOk());
            g.writeNumberField("checksumBad", k.checksumBad());
            g.writeNumberField("tornProtected", k.tornProtected());
            g.writeNumberField("tornOk", k.tornOk());
            g.writeNumberField("torn", k.torn());
            g.writeNumberField("unprotected", k.unprotected());
            g.writeNumberField("empty", k.empty());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bootPages");
        for (Map.Entry<Path, BootPage> e : c.bootPages().entrySet()) {
            BootPage b = e.getValue();
            HekatonVerdict h = b.hekaton();
            g.writeStartObject();
            g.writeStringField("path", e.getKey().toString());
            g.writeNumberField("dbiVersion", b.dbiVersion());
            g.writeNumberField("createVersion", b.createVersion());
            g.writeStringField("databaseName", b.databaseName());
            g.writeObjectFieldStart("layout");
            g.writeNumberField("version", b.layout().version());
            g.writeBooleanField("exact", b.exactLayout());
            g.writeStringField("note", b.layoutNote());
            g.writeEndObject();
            g.writeObjectFieldStart("hekaton");
            g.writeStringField("verdict", h.verdict().id());
            g.writeStringField("rule", h.rule().id());
            g.writeStringField("headline", h.headline());
            g.writeStringField("explanation", h.explanation());
            g.writeStringField("action", h.action());
            g.writeNumberField("regionStart", h.regionStart());
            g.writeNumberField("regionEnd", h.regionEnd());
            g.writeArrayFieldStart("nonZeroBytes");
            for (int i : h.nonZeroOffsets()) {
                g.writeNumber(i);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("fields");
            for (BootField f : b.fields()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeNumberField("offset", f.offset());
                g.writeNumberField("size", f.size());
                g.writeStringField("value", f.value());
                g.writeStringField("evidence", f.def().evidence().name());
                g.writeStringField("category", f.def().category());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.comparison() != null) {
            g.writeObjectFieldStart("comparison");
            g.writeStringField("first", c.comparison().first().toString());
            g.writeStringField("second", c.comparison().second().toString());
            g.writeArrayFieldStart("differences");
            for (BootCompare.Difference d : c.comparison().differences()) {
                g.writeStartObject();
                g.writeStringField("name", d.name());
                g.writeNumberField("offset", d.offset());
                g.writeNumberField("size", d.size());
                g.writeStringField("before", d.before());
                g.writeStringField("after", d.after());
                g.writeBooleanField("hekaton", d.hekaton());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("summary");
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.id(), c.findings().count(s));
        }
        g.writeObjectFieldStart("byRule");
        for (Map.Entry<String, Long> e : c.findings().countsByRule().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("findingsOmitted", c.findings().dropped());
        g.writeEndObject();
        g.writeArrayFieldStart("findings");
        for (Finding f : c.findings().findings()) {
            g.writeStartObject();
            g.writeStringField("rule", f.ruleId());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("title", f.title());
            g.writeStringField("evidence", f.location().evidence().toString());
            g.writeNumberField("fileId", f.location().fileId());
            g.writeNumberField("pageId", f.location().pageId());
            g.writeNumberField("offset", f.location().fileOffset());
            g.writeNumberField("byteStart", f.location().byteStart());
            g.writeNumberField("byteLength", f.location().byteLength());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (String p : c.problems()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

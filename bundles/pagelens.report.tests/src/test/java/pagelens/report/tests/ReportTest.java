package pagelens.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.cases.Case;
import pagelens.core.cases.CaseBuilder;
import pagelens.core.cases.CaseInfo;
import pagelens.core.cases.EvidenceEntry;
import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.report.JsonReport;
import pagelens.report.PdfReport;

/** PDF text and JSON of generated reports: hashes, rule ids, page ids, verdicts, a non-Latin name, the schema. */
class ReportTest {

    @TempDir
    Path tmp;

    static Path samples() {
        String prop = System.getProperty("pagelens.samples");
        Path p = prop != null ? Paths.get(prop) : Paths.get("../../../shared/samples");
        return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
    }

    static Path root() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/schema/pagelens-case-1.schema.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root not found");
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    static void assertValid(Path json) throws IOException {
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(root().resolve("docs/schema/pagelens-case-1.schema.json"))) {
            schema = f.getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(json.toFile()));
        assertEquals(Set.of(), errors, "the JSON report validates against docs/schema/pagelens-case-1.schema.json");
    }

    private Path specimen(String name, String dbName, boolean stale) throws IOException {
        Path p = tmp.resolve(name);
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(96).withName(dbName).withStaleHekaton(stale), ProgressMonitor.NULL);
        return p;
    }

    @Test
    void specimenReportHasEverythingAndValidates() throws IOException {
        Path moved = specimen("moved.mdf", "Склад_Перенос", true);
        Path fresh = specimen("fresh.mdf", "Fresh", false);
        Corruptor.flipBit(moved, 30, 2000, 1);
        Corruptor.misdirect(moved, 40, 41);
        Case c = new CaseBuilder(BootLayouts.builtIn(), XtpFilegroup.ABSENT, "test").build(
                new CaseInfo("Moved database check", "CS-4711", "Ana Lyst", "Contoso", null, "synthetic specimens"), List.of(moved, fresh),
                ProgressMonitor.NULL);
        Path pdf = tmp.resolve("report.pdf");
        Path json = tmp.resolve("report.json");
        PdfReport.write(c, pdf);
        JsonReport.write(c, json);
        String text = pdfText(pdf);
        String flat = text.replaceAll("\\s+", "");
        for (EvidenceEntry e : c.evidence()) {
            assertTrue(flat.contains(e.sha256Now()), "hash of " + e.path() + " in the PDF");
        }
        for (Finding f : c.findings().findings()) {
            assertTrue(text.contains(f.ruleId()), f.ruleId());
            assertTrue(text.contains(f.location().describe()), f.location().describe());
        }
        assertTrue(text.contains("Stale In-Memory OLTP (Hekaton) state"), "critical verdict sentence");
        assertTrue(text.contains("no stale Hekaton state"), "ok verdict sentence");
        assertTrue(text.contains("Склад_Перенос"), "the non-Latin database name is text in the PDF");
        assertTrue(text.contains("CS-4711") && text.contains("Moved database check"), "header with title and ticket");
        assertTrue(text.contains("page 1 of"), "page numbers");
        assertTrue(text.contains("Boot page comparison"), "comparison of the two boot pages");
        assertTrue(text.contains("[VERIFIED]") && text.contains("[INFERRED]"), "evidence levels carried into the report");
        assertValid(json);
        JsonNode o = new ObjectMapper().readTree(json.toFile());
        assertEquals("pagelens-case/1", o.get("schema").asText());
        assertEquals("critical", o.at("/bootPages/0/hekaton/verdict").asText());
        // the rows the damaged table page puts at risk: page 1:40 holds a copy of page 1:41 (a misdirected write), rows 4100...
        JsonNode risk = o.at("/objects/0/rowsAtRisk");
        assertEquals(1, risk.size(), risk.toString());
        assertEquals("1:40", risk.get(0).get("page").asText());
        assertEquals("Customers", risk.get(0).at("/object/name").asText());
        assertEquals("[\"CustomerId\"]", risk.get(0).get("keyColumns").toString());
        assertEquals(4100, risk.get(0).at("/firstKeys/0/0").asInt());
        assertTrue(risk.get(0).get("rows").asInt() > 10);
        assertTrue(text.contains("Rows at risk"), "rows at risk in the PDF");
        assertTrue(flat.contains("(CustomerId)=4100;4101;4102"), "first keys in the PDF");
    }

    @Test
    void realSampleAndCorruptedCopy() throws IOException {
        Path s = samples();
        assumeTrue(s != null, "real samples not found (../shared/samples absent): skipping");
        Path copy = Files.copy(s.resolve("aspnetdb-tractis/aspnetdb.mdf"), tmp.resolve("aspnetdb-copy.mdf"));
        Corruptor.flipBit(copy, 14, 3000, 2);
        Corruptor.zeroSector(copy, 20, 1);
        Path bak = s.resolve("quanlymypham2022-huycoder/Database.bak");
        Case c = new CaseBuilder(BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "not stated").openedWith(bak,
                "f2dc4f41744e03a8c85be83e03f625417de20afe3350a04bf86b86a9c5ddf4cf").build(new CaseInfo("Real sample", "T-1", "", "", null, ""),
                        List.of(copy, bak), ProgressMonitor.NULL);
        Path pdf = tmp.resolve("real.pdf");
        PdfReport.write(c, pdf);
        String text = pdfText(pdf);
        assertTrue(text.replaceAll("\\s+", "").contains("f2dc4f41744e03a8c85be83e03f625417de20afe3350a04bf86b86a9c5ddf4cf"));
        assertTrue(text.contains("page.checksum-mismatch"));
        assertTrue(text.contains("1:14") && text.contains("1:20"));
        assertTrue(text.contains("QuanLyMyPham"));
        Path json = tmp.resolve("real.json");
        JsonReport.write(c, json);
        assertValid(json);
    }

    @Test
    void containerSectionListsTheCheckpointFiles() throws Exception {
        pagelens.core.specimen.XtpSpecimen.Written w = pagelens.core.specimen.XtpSpecimen.write(tmp.resolve("container"), 3);
        pagelens.core.specimen.XtpSpecimen.damage(w, pagelens.core.specimen.XtpSpecimen.Damage.CUT);
        Case c = new CaseBuilder(BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "t").build(new CaseInfo("xtp", "", "", "", null, ""),
                List.of(w.root()), ProgressMonitor.NULL);
        assertEquals(1, c.containers().size());
        Path pdf = tmp.resolve("xtp.pdf");
        PdfReport.write(c, pdf);
        String text = pdfText(pdf);
        assertTrue(text.contains("In-Memory OLTP container container"), text);
        assertTrue(text.contains("6 checkpoint files"), text);
        assertTrue(text.contains("Block checksums: not verified"), text);
        assertTrue(text.contains(w.first("ROOT").path().getFileName().toString().substring(0, 8)), "the file table names the files");
        Path json = tmp.resolve("xtp.json");
        JsonReport.write(c, json);
        assertValid(json);
        var node = new ObjectMapper().readTree(json.toFile()).at("/containers/0");
        assertEquals(6, node.get("files").size());
        assertTrue(node.get("blockChecksums").asText().startsWith("not verified"));
    }

    @Test
    void neverOverwritesEvidenceAndSaysWhenEvidenceChanged() throws IOException {
        Path ev = specimen("ev.mdf", "E", false);
        Case c = new CaseBuilder(BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "t").openedWith(ev, "0".repeat(64))
                .build(new CaseInfo("t", "", "", "", null, ""), List.of(ev), ProgressMonitor.NULL);
        byte[] before = Files.readAllBytes(ev);
        IOException e = assertThrows(IOException.class, () -> PdfReport.write(c, ev));
        assertTrue(e.getMessage().contains("never overwrites evidence"), e.getMessage());
        assertThrows(IOException.class, () -> JsonReport.write(c, ev));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ev)));
        Path pdf = tmp.resolve("changed.pdf");
        PdfReport.write(c, pdf);
        assertTrue(pdfText(pdf).contains("EVIDENCE CHANGED"));
    }

    @Test
    void tenThousandFindingsStayReadable() throws IOException {
        Path big = tmp.resolve("big.mdf");
        DataFileSpecimen.write(big, DataFileSpecimen.Spec.defaults(12_000).withUsedFraction(1.0), ProgressMonitor.NULL);
        Corruptor.flipBits(big, 1_000, 10_000, 3000);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Case c = new CaseBuilder(BootLayouts.builtIn(), XtpFilegroup.NOT_STATED, "t").build(new CaseInfo("10k", "", "", "", null, ""),
                List.of(big), ProgressMonitor.NULL);
        assertEquals(10_000L, c.findings().countsByRule().get("page.checksum-mismatch"), () -> c.findings().countsByRule().toString());
        long t0 = System.nanoTime();
        Path pdf = tmp.resolve("big.pdf");
        PdfReport.write(c, pdf);
        Path json = tmp.resolve("big.json");
        JsonReport.write(c, json);
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("10,000 findings: PDF %,d bytes, JSON %,d bytes in %d ms; heap in use before %,d after %,d bytes (max %,d)%n",
                Files.size(pdf), Files.size(json), (System.nanoTime() - t0) / 1_000_000, before, after, rt.maxMemory());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() < 30, "grouped by rule, bounded: " + d.getNumberOfPages() + " pages");
        }
        assertTrue(pdfText(pdf).contains("more finding(s) of page.checksum-mismatch"));
        assertEquals(c.findings().total(), new ObjectMapper().readTree(json.toFile()).get("findings").size());
        assertValid(json);
    }

    /** The preflight's JSON (the one writer of the command line and the workbench) validates against its schema. */
    @Test
    void preflightJsonValidates() throws Exception {
        Path fleet = java.nio.file.Files.createDirectories(tmp.resolve("fleet"));
        pagelens.core.specimen.BackupSpecimen.write(fleet.resolve("moved.bak"), DataFileSpecimen.Spec.defaults(256).withStaleHekaton(true), ProgressMonitor.NULL);
        DataFileSpecimen.write(fleet.resolve("fresh.mdf"), DataFileSpecimen.Spec.defaults(96), ProgressMonitor.NULL);
        java.nio.file.Files.writeString(fleet.resolve("broken.bak"), "TAPE but nothing else");
        pagelens.core.preflight.Target t = pagelens.core.preflight.Target.parse("mi-gp");
        Path json = tmp.resolve("preflight.json");
        try (pagelens.report.PreflightOutputs o = new pagelens.report.PreflightOutputs(t, json, null, List.of(fleet))) {
            int skipped = pagelens.core.preflight.Preflight.run(pagelens.core.preflight.Preflight.files(List.of(fleet)), t, false, 2, BootLayouts.builtIn(), o,
                    ProgressMonitor.NULL);
            o.finish(skipped);
        }
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(root().resolve("docs/schema/pagelens-preflight-1.schema.json"))) {
            schema = f.getSchema(in);
        }
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(Set.of(), schema.validate(doc), "the preflight JSON validates against docs/schema/pagelens-preflight-1.schema.json");
        assertEquals(3, doc.get("databases").size(), doc.toString());
        // Managed Instance restores backups only: the data file fails too, beside the moved backup and the broken file
        assertEquals(3, doc.at("/summary/fail").asInt(), doc.toString());
    }
}

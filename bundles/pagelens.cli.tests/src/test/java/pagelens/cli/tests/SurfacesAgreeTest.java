package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pagelens.core.page.Bytes;
import pagelens.core.page.PageChecksum;

/**
 * Every surface reports the same findings (rule, page, severity) and the same boot verdict for the same evidence:
 * {@code scan --json}, {@code backup --json}, {@code boot --json} and {@code report --json} (the workbench's evidence job
 * runs the same examination: pagelens.ui.tests EvidenceJobAgreesUiTest). On every real sample and on damaged copies of
 * a data file, a plain backup and a compressed backup.
 */
class SurfacesAgreeTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    /** rule|file:page|severity|owner of each finding. */
    private static TreeSet<String> keys(JsonNode findings) {
        TreeSet<String> k = new TreeSet<>();
        for (JsonNode f : findings) {
            k.add(f.get("rule").asText() + "|" + f.get("fileId").asInt() + ":" + f.get("pageId").asLong() + "|" + f.get("severity").asText() + "|"
                    + f.path("object").path("text").asText(""));
        }
        return k;
    }

    private static JsonNode json(String... args) throws IOException {
        Cli r = Cli.run(args);
        assertTrue(r.exit() == 0 || r.exit() == 1, () -> String.join(" ", args) + " -> " + r.exit() + ": " + r.err());
        return M.readTree(r.out());
    }

    /** Runs every surface on one file and asserts they agree; returns the scan's findings. */
    private TreeSet<String> agree(Path f) throws IOException {
        String p = f.toString();
        JsonNode scan = json("scan", "--json", "--no-hash", p);
        TreeSet<String> fromScan = keys(scan.get("findings"));
        Path out = tmp.resolve(f.getParent().getFileName() + "-" + f.getFileName() + ".json");
        Cli rep = Cli.run("report", p, "--json", out.toString());
        assertTrue(rep.exit() == 0 || rep.exit() == 1, rep.err());
        JsonNode report = M.readTree(out.toFile());
        assertEquals(fromScan, keys(report.get("findings")), "report --json and scan --json disagree on " + p);
        String kind = scan.get("evidence").get("kind").asText();
        String verdict = scan.has("bootPage") ? scan.get("bootPage").get("hekaton").get("verdict").asText() : null;
        if (kind.contains("backup")) {
            JsonNode backup = json("backup", "--json", p);
            assertEquals(fromScan, keys(backup.get("findings")), "backup --json and scan --json disagree on " + p);
            JsonNode hk = backup.get("sets").get(0).get("hekaton");
            assertEquals(verdict, hk == null ? null : hk.get("verdict").asText(), "backup and scan verdicts differ on " + p);
            // the report writes the same set object as backup --json (one writer)
            com.fasterxml.jackson.databind.node.ObjectNode set = ((com.fasterxml.jackson.databind.node.ObjectNode) backup.get("sets").get(0)).deepCopy();
            set.remove("bootCopyDifferences");
            assertEquals(set, report.get("backups").get(0).get("set"), "report and backup --json describe the set differently: " + p);
            // the backup's log part (docs/log.md 11): one object from one writer on the three faces
            if (scan.has("log")) {
                assertEquals(scan.get("log"), backup.get("log"), "backup --json and scan --json read the backup's log part differently: " + p);
                com.fasterxml.jackson.databind.node.ObjectNode fromReport = report.get("logs").get(0).deepCopy();
                fromReport.remove("path");
                assertEquals(scan.get("log"), fromReport, "the report and scan --json read the backup's log part differently: " + p);
            }
        }
        if (verdict != null) {
            JsonNode boot = json("boot", "--json", p);
            assertEquals(verdict, boot.get("hekaton").get("verdict").asText(), "boot and scan verdicts differ on " + p);
            assertEquals(scan.get("bootPage").get("copy").get("offset").asLong(), boot.get("copy").get("offset").asLong(),
                    "boot and scan judge different boot page copies of " + p);
            JsonNode rb = report.get("bootPages").get(0);
            assertEquals(verdict, rb.get("hekaton").get("verdict").asText(), "report and scan verdicts differ on " + p);
        }
        return fromScan;
    }

    @Test
    void everySurfaceAgreesOnEveryRealSample() throws IOException {
        Path root = IdentifyCommandTest.samples();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(x -> x.toString().matches(".*\\.(mdf|ldf|bak)$")).sorted().toList();
        }
        assertEquals(17, files.size());
        int withVerdict = 0;
        for (Path f : files) {
            TreeSet<String> k = agree(f);
            // the real samples are healthy: no finding of severity error or worse on any surface
            assertTrue(k.stream().noneMatch(x -> x.endsWith("|error") || x.endsWith("|critical")), f + ": " + k);
            withVerdict += k.stream().anyMatch(x -> x.startsWith("boot.")) ? 1 : 0;
        }
        assertEquals(14, withVerdict, "5 data files and 9 backups carry a boot page verdict");
    }

    /** Flips one byte in the middle of the first {@code n} checksummed data pages (m_type 1) found on 8 KB-aligned slots. */
    private static List<Long> damageDataPages(byte[] b, int n) {
        List<Long> pages = new ArrayList<>();
        for (int at = 0; at + 8192 <= b.length && pages.size() < n; at += 512) {
            if (b[at] == 1 && b[at + 1] == 1 && (Bytes.u16(b, at + 4) & 0x200) != 0 && Bytes.u16(b, at + 0x24) == 1
                    && PageChecksum.verifies(b, at)) {
                pages.add(Bytes.u32(b, at + 0x20));
                b[at + 4000] ^= 0x5A;
                at += 8192 - 512;
            }
        }
        return pages;
    }

    @Test
    void damagedPlainBackupIsDamagedOnEverySurfaceAndInThePdf() throws IOException {
        Path src = IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak");
        byte[] b = Files.readAllBytes(src);
        List<Long> damaged = damageDataPages(b, 2);
        assertEquals(2, damaged.size());
        Path bad = tmp.resolve("pubs-damaged.bak");
        Files.write(bad, b);
        TreeSet<String> k = agree(bad);
        for (long p : damaged) {
            String key = "page.checksum-mismatch|1:" + p + "|error|";
            assertTrue(k.stream().anyMatch(x -> x.startsWith(key) && x.length() > key.length()), "page 1:" + p + " not reported with its owner: " + k);
        }
        // the PDF names every damaged page
        Path pdf = tmp.resolve("pubs-damaged.pdf");
        assertEquals(1, Cli.run("report", bad.toString(), "--pdf", pdf.toString()).exit());
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
        }
        for (long p : damaged) {
            assertTrue(text.contains("1:" + p), "the PDF does not name page 1:" + p);
        }
        assertTrue(text.contains("page.checksum-mismatch"));
    }

    @Test
    void damagedDataFileAgrees() throws IOException {
        Path src = IdentifyCommandTest.samples().resolve("goldhunter2012-ngrj93-mit/Database1.mdf");
        byte[] b = Files.readAllBytes(src);
        List<Long> damaged = damageDataPages(b, 3);
        assertEquals(3, damaged.size());
        Path bad = tmp.resolve("Database1-damaged.mdf");
        Files.write(bad, b);
        TreeSet<String> k = agree(bad);
        for (long p : damaged) {
            String key = "page.checksum-mismatch|1:" + p + "|error|";
            assertTrue(k.stream().anyMatch(x -> x.startsWith(key) && x.length() > key.length()), "page 1:" + p + " not reported with its owner: " + k);
        }
    }

    @Test
    void damagedCompressedBackupAgreesAndGetsPageChecksAndAVerdict() throws IOException {
        Path src = IdentifyCommandTest.samples().resolve("datatable-compressed-peterezz/Database.bak");
        // the clean compressed backup: every page checked, a boot verdict (the report used to give neither)
        assertEquals(0, Cli.run("report", src.toString(), "--json", tmp.resolve("c.json").toString()).exit());
        JsonNode rep = M.readTree(tmp.resolve("c.json").toFile());
        assertTrue(rep.get("scans").get(0).get("pages").get("checksumOk").asLong() > 300, rep.get("scans").toString());
        assertEquals("ok", rep.get("bootPages").get(0).get("hekaton").get("verdict").asText());
        agree(src);
        // damage: bytes in the middle of a compressed chunk late in the file (not the one holding the boot page)
        byte[] b = Files.readAllBytes(src);
        for (int i = 0; i < 64; i++) {
            b[400_000 + i] ^= (byte) 0xA5;
        }
        Path bad = tmp.resolve("compressed-damaged.bak");
        Files.write(bad, b);
        TreeSet<String> k = agree(bad);
        assertFalse(k.stream().noneMatch(x -> x.contains("|error|")), "no damage reported for a damaged compressed backup: " + k);
        JsonNode scan = json("scan", "--json", "--no-hash", bad.toString());
        for (JsonNode f : scan.get("findings")) {
            if (f.get("pageId").asLong() >= 0 && f.get("rule").asText().startsWith("page.")) {
                assertEquals("stream", f.get("offsetIn").asText(), "a compressed backup's page offsets are stream offsets");
            }
        }
        assertNotNull(scan.get("bootPage"));
    }
}

package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pagelens log}: summary, VLFs, records of one page, JSON, damage, and scan of a log file giving the log's findings. */
class LogCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aspnetdbLog() throws IOException {
        Path ldf = IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb_log.ldf");
        Cli r = Cli.run("log", "--vlfs", ldf.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("log of a database of version 611 (block format 3); 2 VLF(s), 2 used; 122 blocks (0 empty), 2,133 records"), r.out());
        assertTrue(r.out().contains("LSN range 18:16:1 - 19:187:1, end of log 19:188:1; checkpoint (page 0) 19:186:2 (a LOP_BEGIN_CKPT record)"), r.out());
        assertTrue(r.out().contains("log block checksums: 122 of 122 blocks carry one, every one holds"), r.out());
        // the history of one page
        Cli page = Cli.run("log", "--page", "1:90", ldf.toString());
        assertEquals(0, page.exit());
        List<String> lines = Arrays.stream(page.out().split("\n")).filter(l -> l.matches("^\\d+:\\d+:\\d+ .*")).toList();
        assertTrue(!lines.isEmpty(), page.out());
        assertEquals(160, lines.size(), "the records of page 1:90");
        assertTrue(lines.stream().allMatch(l -> l.contains(" 1:90 ")), lines.toString());
        // a transaction: its begin (time, name) and commit (time)
        Cli x = Cli.run("log", "--records", ldf.toString());
        String begin = Arrays.stream(x.out().split("\n")).filter(l -> l.contains("LOP_BEGIN_XACT") && l.contains(" INSERT")).findFirst().orElseThrow();
        String id = begin.split("\\s+")[3];
        Cli one = Cli.run("log", "--xact", id, ldf.toString());
        assertTrue(one.out().contains("LOP_COMMIT_XACT"), one.out());
        assertTrue(Arrays.stream(one.out().split("\n")).filter(l -> l.matches("^\\d+:.*")).allMatch(l -> l.contains(id)), one.out());
        // JSON lines: the records as they are read, then the summary (one pass over the log)
        Cli json = Cli.run("log", "--json", "--records", "--limit", "5", ldf.toString());
        String[] parts = json.out().split("\n");
        assertEquals(6, parts.length, json.out());
        JsonNode sum = M.readTree(parts[5]);
        assertEquals(2133, sum.get("records").asInt());
        assertEquals(5, sum.get("recordsListed").asInt());
        assertEquals("19:186:2", sum.get("checkpoint").asText());
        assertEquals(2, sum.get("vlfs").size());
        assertEquals("18:16:1", M.readTree(parts[0]).get("lsn").asText());
        assertEquals("LOP_INSERT_ROWS", M.readTree(parts[0]).get("operation").asText());
        // a log file's scan gives the log's checks
        Path bad = tmp.resolve("bad_log.ldf");
        Files.copy(ldf, bad);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            f.seek(0x4000 + 0x100);
            int b = f.read();
            f.seek(0x4000 + 0x100);
            f.write(b ^ 1);
        }
        Cli damaged = Cli.run("log", bad.toString());
        assertEquals(1, damaged.exit());
        assertTrue(damaged.out().contains("CHECKSUM: log block at 0x4000 (VLF 18): stored checksum"), damaged.out());
        Cli scan = Cli.run("scan", "--json", "--no-hash", bad.toString());
        assertEquals(1, scan.exit());
        assertTrue(scan.out().contains("\"log.block-checksum\""), scan.out());
        // the three faces agree on the log: log --json's summary, scan --json's "log" and the report's "logs" (and its PDF section)
        Cli badJson = Cli.run("log", "--json", bad.toString());
        com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) M.readTree(badJson.out().trim());
        summary.remove("recordsListed");
        summary.remove("path");
        assertEquals(summary, M.readTree(scan.out()).get("log"), "scan --json's log block is log --json's summary");
        Path pdf = tmp.resolve("log.pdf");
        Path reportJson = tmp.resolve("log.json");
        Cli rep = Cli.run("report", bad.toString(), "--pdf", pdf.toString(), "--json", reportJson.toString());
        assertEquals(1, rep.exit(), rep.err());
        JsonNode logs = M.readTree(reportJson.toFile()).get("logs");
        assertEquals(1, logs.size());
        com.fasterxml.jackson.databind.node.ObjectNode inReport = ((com.fasterxml.jackson.databind.node.ObjectNode) logs.get(0)).deepCopy();
        assertEquals(bad.toString(), inReport.remove("path").asText());
        assertEquals(summary, inReport, "the report's log is log --json's summary");
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("Transaction log bad_log.ldf"), text);
            assertTrue(text.contains("Log of a database of version 611 (block format 3): 2 VLFs, 2 of them used; 122 log blocks (0 empty), 2,133 records"),
                    text);
            assertTrue(text.contains("Checkpoint named by page 0's copy of the boot record: 19:186:2, a LOP_BEGIN_CKPT record in this log."), text);
            assertTrue(text.contains("Log block checksums: 122 of 122 blocks carry one; 1 do not hold."), text);
        }
        Cli notLog = Cli.run("log", IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb.mdf").toString());
        assertEquals(2, notLog.exit());
        assertTrue(notLog.err().contains("not a log file"), notLog.err());
    }

    @Test
    void aDamagedPageAndItsLogInOneReport() throws IOException {
        Path mdf = tmp.resolve("bad.mdf");
        Files.copy(IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb.mdf"), mdf);
        Path ldf = IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb_log.ldf");
        byte[] header = new byte[96];
        try (RandomAccessFile f = new RandomAccessFile(mdf.toFile(), "rw")) {
            f.seek(90L * 8192);
            f.readFully(header);
            f.seek(90L * 8192 + 2000);
            int b = f.read();
            f.seek(90L * 8192 + 2000);
            f.write(b ^ 0x10); // page 1:90: a checksum error
        }
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        String mLsn = Integer.toUnsignedString(h.getInt(0x28)) + ":" + Integer.toUnsignedString(h.getInt(0x2C)) + ":" + Short.toUnsignedInt(h.getShort(0x30)); // m_lsn (formats.md 1.2)
        Path pdf = tmp.resolve("case.pdf");
        Path json = tmp.resolve("case.json");
        Cli rep = Cli.run("report", mdf.toString(), ldf.toString(), "--pdf", pdf.toString(), "--json", json.toString());
        assertEquals(1, rep.exit(), rep.err());
        JsonNode history = M.readTree(json.toFile()).get("damagedPageHistory");
        JsonNode page90 = null;
        for (JsonNode x : history) {
            if (x.get("page").asText().equals("1:90")) {
                page90 = x;
            }
        }
        assertTrue(page90 != null, history.toString());
        assertEquals(ldf.toString(), page90.get("log").asText());
        assertEquals(160, page90.get("records").asInt(), "the records of 1:90, as pagelens log --page 1:90 lists them");
        assertEquals("sysmultiobjrefs", page90.at("/object/name").asText(), "the page's owner, as its findings name it");
        assertEquals(5, page90.get("last").size());
        assertEquals(mLsn, page90.get("last").get(4).get("lsn").asText(), "the last record naming the page is its m_lsn");
        // the same record as pagelens log --json --page 1:90 writes (one writer of a record)
        Cli listed = Cli.run("log", "--json", "--page", "1:90", ldf.toString());
        String[] lines = listed.out().trim().split("\n");
        assertEquals(M.readTree(lines[lines.length - 2]), page90.get("last").get(4));
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("What this log says about the damaged pages"), text);
            assertTrue(text.contains("1:90 (bad.mdf) sys.sysmultiobjrefs"), text);
            assertTrue(text.contains(mLsn + " " + page90.get("last").get(4).get("operation").asText()), text);
        }
    }

    @Test
    void allocationUnitsNamedFromTheDataFilesCatalog() throws IOException {
        Path ldf = IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb_log.ldf");
        Path mdf = IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb.mdf");
        Cli json = Cli.run("log", "--json", "--page", "1:90", "--data", mdf.toString(), ldf.toString());
        assertEquals(0, json.exit(), json.err());
        String[] lines = json.out().trim().split("\\n");
        assertEquals(161, lines.length, "160 records of 1:90 and the summary");
        JsonNode first = M.readTree(lines[0]);
        String object = first.get("object").asText();
        assertTrue(object.matches("\\w+\\.\\w+ \\(.+\\)"), object);
        // the same name the text listing gives, beside the unit's id
        Cli text = Cli.run("log", "--page", "1:90", "--data", mdf.toString(), ldf.toString());
        assertTrue(text.out().contains(object + " (" + first.get("allocationUnit").asLong() + ")"), text.out());
        // without --data, no name; a --data that is not a data file is refused
        assertTrue(M.readTree(Cli.run("log", "--json", "--page", "1:90", "--limit", "1", ldf.toString()).out().trim().split("\\n")[0]).get("object") == null);
        Cli bad = Cli.run("log", "--page", "1:90", "--data", ldf.toString(), ldf.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not a data file or a backup (--data)"), bad.err());
    }
}

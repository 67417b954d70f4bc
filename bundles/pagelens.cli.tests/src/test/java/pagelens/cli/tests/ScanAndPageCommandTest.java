package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ScanAndPageCommandTest {

    @TempDir
    Path tmp;

    @Test
    void scanJsonOfRealSample() throws IOException {
        Path mdf = IdentifyCommandTest.samples().resolve("aspnetdb-tractis/aspnetdb.mdf");
        Cli r = Cli.run("scan", "--json", mdf.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("8cebaf14a70570cb68b3fdee6dd2ba593cbd8c5c66e97a7df320ef12f7ee503d", o.at("/evidence/sha256").asText());
        assertEquals(2293760, o.at("/evidence/size").asLong());
        assertEquals(280, o.at("/pages/total").asLong());
        assertEquals(178, o.at("/pages/checksumProtected").asLong());
        assertEquals(178, o.at("/pages/checksumOk").asLong());
        assertEquals(0, o.at("/pages/checksumBad").asLong());
        assertEquals(3, o.at("/pages/unprotected").asLong());
        // a healthy 2005 data file: the only finding is the boot page verdict (2005 predates In-Memory OLTP)
        assertEquals(1, o.at("/findings").size(), o.at("/findings").toString());
        assertEquals("boot.hekaton-clear", o.at("/findings/0/rule").asText());
        assertEquals("ok", o.at("/bootPage/hekaton/verdict").asText());
    }

    @Test
    void damagedSpecimenExitsOneWithFindings() throws IOException {
        Path spec = tmp.resolve("damaged.mdf");
        Cli w = Cli.run("specimen", spec.toString(), "--size-mb", "2", "--damage");
        assertEquals(0, w.exit(), w.err());
        assertTrue(w.out().contains("SYNTHETIC"));
        Cli again = Cli.run("specimen", spec.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("refuses to overwrite"), again.err());

        Cli r = Cli.run("scan", "--json", spec.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        Set<String> got = new HashSet<>();
        for (JsonNode f : o.get("findings")) {
            if (f.get("rule").asText().startsWith("boot.")) {
                continue; // the boot page verdict (page 9), not damage
            }
            got.add(f.get("pageId").asLong() + " " + f.get("rule").asText());
            assertEquals(1, f.get("fileId").asInt());
            assertEquals(f.get("pageId").asLong() * 8192, f.get("offset").asLong());
            assertTrue(f.has("severity") && f.has("title"));
        }
        Set<String> expected = Set.of("40 page.checksum-mismatch", "41 page.checksum-mismatch", "41 page.zero-sector",
                "42 page.checksum-mismatch", "43 page.id-mismatch", "44 page.zero-filled");
        assertTrue(got.containsAll(expected), () -> "expected " + expected + ", got " + got);
        for (String g : got) {
            long page = Long.parseLong(g.split(" ")[0]);
            assertTrue(page >= 40 && page <= 44, () -> "a finding on an undamaged page: " + g);
        }
        Cli text = Cli.run("scan", spec.toString());
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("page.id-mismatch"), text.out());
        assertTrue(text.out().contains("1:43"), text.out());
    }

    @Test
    void pageShowsHeaderVerificationAndHex() throws IOException {
        Path mdf = IdentifyCommandTest.samples().resolve("goldhunter2012-ngrj93-mit/Database1.mdf");
        Cli r = Cli.run("page", mdf.toString(), "1:9");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("m_type = 13 (boot)"), r.out());
        assertTrue(r.out().contains("result = OK (standard)"), r.out());
        assertTrue(r.out().contains("0060  00 00 E0 05"), r.out()); // record header: length 0x5E0 = 1504 (706)
        assertTrue(r.out().contains("slot 0"), r.out());
        Cli s = Cli.run("page", mdf.toString(), "1:2", "--struct");
        assertEquals(0, s.exit());
        assertTrue(s.out().contains("extent bitmap"), s.out());
        assertTrue(s.out().contains("1 = extent free, 0 = allocated"), s.out());
        Cli pfs = Cli.run("page", mdf.toString(), "1:1", "--struct");
        assertTrue(pfs.out().contains("ALLOCATED"), pfs.out());
    }

    @Test
    void badArgumentsAndInputs() throws IOException {
        Path mdf = IdentifyCommandTest.samples().resolve("goldhunter2012-ngrj93-mit/Database1.mdf");
        Cli bad = Cli.run("page", mdf.toString(), "nine");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not a page id"), bad.err());
        Cli missing = Cli.run("page", mdf.toString(), "1:99999");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("has no page 1:99999"), missing.err());
        Cli both = Cli.run("page", mdf.toString(), "1:9", "--hex", "--struct");
        assertEquals(2, both.exit());
        Cli bak = Cli.run("scan", "--json", IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak").toString());
        assertEquals(0, bak.exit(), bak.err());
        com.fasterxml.jackson.databind.JsonNode bj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bak.out());
        assertEquals("backup", bj.get("fileKind").asText());
        assertEquals(346, bj.at("/pages/checksumOk").asInt(), "MANIFEST.md: 346 checksum-protected pages, all verify");
        Cli bootOfBackup = Cli.run("page", IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak").toString(), "1:9");
        assertEquals(0, bootOfBackup.exit(), bootOfBackup.err());
        assertTrue(bootOfBackup.out().contains("m_type = 13 (boot)") && bootOfBackup.out().contains("byte offset 0x16000"), bootOfBackup.out());
        Path empty = Files.createFile(tmp.resolve("empty.mdf"));
        Cli e = Cli.run("scan", empty.toString());
        assertEquals(2, e.exit());
        assertTrue(e.err().startsWith("pagelens: "), e.err());
        assertFalse(e.err().contains("Exception"), e.err());
    }
}

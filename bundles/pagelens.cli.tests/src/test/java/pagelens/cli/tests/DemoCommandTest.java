package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void demoSetIsWrittenAndShowsEverything() throws IOException {
        Cli w = Cli.run("demo", tmp.toString());
        assertEquals(0, w.exit(), w.err());
        assertTrue(w.out().contains("SYNTHETIC"));
        assertTrue(w.out().contains("pagelens scan " + tmp.toAbsolutePath().resolve("demo-damaged.mdf")), w.out());
        assertTrue(Files.exists(tmp.resolve("README-SYNTHETIC.txt")));
        Cli scan = Cli.run("scan", tmp.resolve("demo-damaged.mdf").toString());
        assertEquals(1, scan.exit());
        for (String s : new String[] { "page.checksum-mismatch", "page.zero-sector", "page.id-mismatch", "page.zero-filled", "page.torn", "1:45", "1:48", "1:40", "1:41", "1:43" }) {
            assertTrue(scan.out().contains(s), s + " in " + scan.out());
        }
        // the demo log reads clean: its blocks' checksums hold and page 0's checkpoint is a LOP_BEGIN_CKPT of it
        Cli log = Cli.run("log", tmp.resolve("demo-fresh_log.ldf").toString());
        assertEquals(0, log.exit(), log.out());
        assertTrue(log.out().contains("log of a database of version 957 (block format 6); 7 VLF(s), 5 used;"), log.out());
        assertTrue(log.out().contains("(a LOP_BEGIN_CKPT record)") && log.out().contains("every one holds"), log.out());
        assertEquals(1, Cli.run("boot", tmp.resolve("demo-moved-stale-hekaton.mdf").toString(), "--layouts", tmp.toString()).exit());
        assertEquals(0, Cli.run("boot", tmp.resolve("demo-fresh.mdf").toString(), "--layouts", tmp.toString()).exit());
        // the moved database's backup fails a preflight to Managed Instance on its stale In-Memory OLTP state; the clean one passes
        Cli pf = Cli.run("preflight", "--target", "mi-gp", tmp.resolve("demo-moved-backup.bak").toString(), tmp.resolve("demo-backup.bak").toString());
        assertEquals(1, pf.exit(), pf.out());
        assertTrue(pf.out().contains("FAIL  " + tmp.resolve("demo-moved-backup.bak")), pf.out());
        assertTrue(pf.out().contains("FAIL preflight.hekaton-stale:"), pf.out());
        assertTrue(pf.out().contains("PASS  " + tmp.resolve("demo-backup.bak")), pf.out());
        Cli dump = Cli.run("boot", tmp.resolve("demo-dbcc-page-1-9.txt").toString(), "--layouts", tmp.toString());
        assertEquals(1, dump.exit(), dump.err());
        assertTrue(dump.out().contains("DBCC PAGE output"), dump.out());
        Cli bak = Cli.run("backup", tmp.resolve("demo-backup.bak").toString());
        assertEquals(0, bak.exit(), bak.err() + bak.out());
        assertTrue(bak.out().contains("database Inventory, dbi_version 904"), bak.out());
        // the only finding of the healthy demo backup is the boot page verdict (info)
        assertTrue(bak.out().contains("findings: 1 info") && bak.out().contains("boot.hekaton-clear"), bak.out());
        Cli xtp = Cli.run("xtp", tmp.resolve("demo-xtp-container").toString());
        assertEquals(1, xtp.exit(), xtp.err());
        assertTrue(xtp.out().contains("SQL Server 2016+ ($HKv2)"), xtp.out());
        assertTrue(xtp.out().contains("6 checkpoint files"), xtp.out());
        assertTrue(xtp.out().contains("xtp.block-impossible"), xtp.out());
        assertTrue(xtp.out().contains("block checksums: not verified"), xtp.out());
        Cli json = Cli.run("xtp", "--json", tmp.resolve("demo-xtp-container").toString());
        JsonNode c = new ObjectMapper().readTree(json.out()).get("containers").get(0);
        assertEquals("HKV2", c.get("layout").asText());
        assertEquals(6, c.get("files").size());
        long rows = 0;
        for (JsonNode f : c.get("files")) {
            rows += f.get("rows").asLong();
            assertEquals(36, f.get("guid").asText().length());
        }
        assertTrue(rows > 8000, "rows of the two data files: " + rows);
        assertEquals(2, c.get("findings").size(), c.get("findings").toString());
        assertEquals(2, Cli.run("xtp", tmp.resolve("demo-fresh.mdf").toString()).exit(), "a file is not a container folder");
        Cli withDmv = Cli.run("xtp", "--json", "--dmv", tmp.resolve("demo-xtp-checkpoint-files.csv").toString(), tmp.resolve("demo-xtp-container").toString());
        JsonNode d = new ObjectMapper().readTree(withDmv.out()).get("containers").get(0);
        assertEquals(2, d.get("pairs").size(), withDmv.out());
        assertEquals(2L * 3 * 0x40000, d.get("memoryEstimate").get("usedBytes").asLong());
        assertEquals(2, d.get("findings").size(), "the DMV agrees with the folder: " + d.get("findings"));
        int active = 0;
        for (JsonNode f : d.get("files")) {
            active += "ACTIVE".equals(f.get("state").asText()) ? 1 : 0;
        }
        assertEquals(5, active);
        Cli text = Cli.run("xtp", "--dmv", tmp.resolve("demo-xtp-checkpoint-files.csv").toString(), tmp.resolve("demo-xtp-container").toString());
        assertTrue(text.out().contains("memory estimate: 1,572,864 bytes"), text.out());
        assertEquals(2, Cli.run("xtp", "--dmv", tmp.resolve("README-SYNTHETIC.txt").toString(), tmp.resolve("demo-xtp-container").toString()).exit());
        Cli discover = Cli.run("xtp", "discover", tmp.resolve("demo-xtp-container").toString());
        assertEquals(1, discover.exit(), discover.err());
        assertTrue(discover.out().contains("13 blocks of 5 files tried with 108 candidates"), discover.out());
        assertTrue(discover.out().contains("no candidate fits every block"), discover.out());
        assertEquals(2, Cli.run("xtp").exit(), "no folder given");
        // a second run keeps the files
        long size = Files.size(tmp.resolve("demo-damaged.mdf"));
        assertEquals(0, Cli.run("demo", tmp.toString()).exit());
        assertEquals(size, Files.size(tmp.resolve("demo-damaged.mdf")));
    }
}

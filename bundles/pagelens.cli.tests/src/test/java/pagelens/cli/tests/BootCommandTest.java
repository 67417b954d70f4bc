package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BootCommandTest {

    @TempDir
    Path tmp;

    @Test
    void jsonOfARealBackup() throws IOException {
        Path bak = IdentifyCommandTest.samples().resolve("quanlymypham2022-huycoder/Database.bak");
        Cli r = Cli.run("boot", "--json", "--layouts", tmp.toString(), bak.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(957, o.get("dbiVersion").asInt());
        assertEquals(957, o.get("createVersion").asInt());
        assertEquals("QuanLyMyPham", o.get("databaseName").asText());
        assertEquals(5, o.get("dbid").asInt());
        assertEquals(957, o.at("/layout/version").asInt());
        assertTrue(o.at("/layout/exact").asBoolean());
        assertEquals("ok", o.at("/hekaton/verdict").asText());
        assertEquals(8, o.at("/hekaton/fieldNames").size());
        assertEquals(2, o.get("copies").size());
        boolean sawName = false;
        for (JsonNode f : o.get("fields")) {
            assertTrue(f.has("name") && f.has("offset") && f.has("size") && f.has("value") && f.has("evidence") && f.has("category"));
            if (f.get("name").asText().equals("dbi_dbname")) {
                sawName = true;
                assertEquals(0x94, f.get("offset").asInt());
                assertEquals("VERIFIED", f.get("evidence").asText());
            }
        }
        assertTrue(sawName);
    }

    @Test
    void movedDatabaseIsCriticalAndCompareCallsOutHekaton() throws IOException {
        Path clean = tmp.resolve("clean.mdf");
        Path moved = tmp.resolve("moved.mdf");
        assertEquals(0, Cli.run("specimen", clean.toString(), "--size-mb", "1").exit());
        assertEquals(0, Cli.run("specimen", moved.toString(), "--size-mb", "1", "--stale-hekaton").exit());
        Cli ok = Cli.run("boot", "--layouts", tmp.toString(), clean.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("VERDICT OK"), ok.out());
        Cli bad = Cli.run("boot", "--layouts", tmp.toString(), moved.toString(), "--xtp-filegroup", "no");
        assertEquals(1, bad.exit());
        assertTrue(bad.out().contains("VERDICT CRITICAL [boot.hekaton-stale]"), bad.out());
        assertTrue(bad.out().contains("create a fresh database"), bad.out());
        Cli yes = Cli.run("boot", "--layouts", tmp.toString(), moved.toString(), "--xtp-filegroup", "yes");
        assertEquals(0, yes.exit());
        assertTrue(yes.out().contains("VERDICT EXPECTED"), yes.out());
        Cli cmp = Cli.run("boot", "--layouts", tmp.toString(), clean.toString(), "--compare", moved.toString());
        assertEquals(1, cmp.exit());
        String diffs = cmp.out().substring(cmp.out().indexOf("Differences between"));
        assertTrue(diffs.lines().skip(1).allMatch(l -> l.startsWith("  HEKATON")), diffs);
        Cli badOpt = Cli.run("boot", clean.toString(), "--xtp-filegroup", "maybe");
        assertEquals(2, badOpt.exit());
    }

    @Test
    void notABootPage() throws IOException {
        Path log = IdentifyCommandTest.samples().resolve("mastlog2019-solisatos/mastlog.ldf");
        Cli r = Cli.run("boot", log.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("holds no boot page"), r.err());
    }
}

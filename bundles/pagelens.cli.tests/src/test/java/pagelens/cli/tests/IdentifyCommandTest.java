package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IdentifyCommandTest {

    @TempDir
    Path tmp;

    static Path samples() {
        String prop = System.getProperty("pagelens.samples");
        Path p = prop != null ? Paths.get(prop) : Paths.get("../../../shared/samples");
        if (Boolean.getBoolean("pagelens.requireSamples")) {
            assertTrue(Files.isDirectory(p), "real samples required (-Dpagelens.requireSamples=true) but not found at " + p.toAbsolutePath());
        }
        assumeTrue(Files.isDirectory(p), "real samples not found (../shared/samples absent): skipping");
        return p.toAbsolutePath().normalize();
    }

    @Test
    void jsonKindForEverySample() throws IOException {
        Path root = samples();
        String[] files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(mdf|ldf|bak)$"))
                    .map(Path::toString).sorted().toArray(String[]::new);
        }
        assertEquals(17, files.length, "the 17 database files of samples/MANIFEST.md");
        String[] args = Stream.concat(Stream.of("identify", "--json"), Stream.of(files)).toArray(String[]::new);
        Cli r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertEquals(files.length, arr.size());
        Map<String, String> kinds = new HashMap<>();
        for (JsonNode o : arr) {
            assertTrue(o.get("size").asLong() > 0);
            kinds.put(Paths.get(o.get("path").asText()).getParent().getFileName() + "/" + Paths.get(o.get("path").asText()).getFileName(),
                    o.get("kind").asText());
        }
        assertEquals("data-file", kinds.get("aspnetdb-tractis/aspnetdb.mdf"));
        assertEquals("log-file", kinds.get("aspnetdb-tractis/aspnetdb_log.ldf"));
        assertEquals("log-file", kinds.get("mastlog2019-solisatos/mastlog.ldf"));
        assertEquals("compressed-backup", kinds.get("datatable-compressed-peterezz/Database.bak"));
        assertEquals("backup", kinds.get("pubs2012-dwipnandi/pubs.bak"));
        assertEquals(5, kinds.values().stream().filter("data-file"::equals).count());
        assertEquals(3, kinds.values().stream().filter("log-file"::equals).count());
        assertEquals(8, kinds.values().stream().filter("backup"::equals).count());
        JsonNode pubs = Stream.of(arr).flatMap(a -> Stream.iterate(0, i -> i < a.size(), i -> i + 1).map(a::get))
                .filter(o -> o.get("path").asText().endsWith("pubs.bak")).findFirst().orElseThrow();
        assertEquals(706, pubs.get("databaseVersion").asInt());
        assertEquals("pubs", pubs.get("databaseName").asText());
    }

    @Test
    void textOutputNamesDatabase() {
        Path mdf = samples().resolve("futurescan2014-noureldin/Database1.mdf");
        Cli r = Cli.run("identify", mdf.toString());
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("kind:      data-file"), r.out());
        assertTrue(r.out().contains("database:  929E8BE3-0ACE-41C2-8659-B3517ADCBF38"), r.out());
        assertTrue(r.out().contains("version:   782 (created as 782)"), r.out());
    }

    @Test
    void badInputGivesOneLineAndExit2() throws IOException {
        Path missing = tmp.resolve("missing.mdf");
        Path empty = Files.createFile(tmp.resolve("empty.bak"));
        Path one = Files.write(tmp.resolve("one.bin"), new byte[] { 1 });
        Path folder = Files.createDirectories(tmp.resolve("stuff"));
        Files.writeString(folder.resolve("a.txt"), "x");
        Cli r = Cli.run("identify", missing.toString(), empty.toString(), one.toString(), folder.toString());
        assertEquals(2, r.exit());
        String[] errLines = r.err().strip().split("\n");
        assertEquals(2, errLines.length, r.err());
        assertEquals("pagelens: " + missing + ": no such file or folder", errLines[0]);
        assertEquals("pagelens: " + empty + ": empty file (0 bytes): nothing to identify", errLines[1]);
        assertTrue(r.out().contains("too small (1 byte) to be a SQL Server file"), r.out());
        assertTrue(r.out().contains("not an In-Memory OLTP container"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void jsonHasRequiredFieldsEvenForErrors() throws IOException {
        Cli r = Cli.run("identify", "--json", tmp.resolve("nope").toString());
        assertEquals(2, r.exit());
        JsonNode o = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("unknown", o.get("kind").asText());
        assertEquals(-1, o.get("size").asLong());
        assertEquals("no such file or folder", o.get("error").asText());
    }

    @Test
    void usageErrors() {
        Cli none = Cli.run();
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("missing command"), none.err());
        Cli bad = Cli.run("frobnicate");
        assertEquals(2, bad.exit());
        Cli noPath = Cli.run("identify");
        assertEquals(2, noPath.exit());
        assertTrue(noPath.err().contains("Missing required parameter"), noPath.err());
    }

    @Test
    void helpAndVersion() {
        Cli h = Cli.run("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("identify"), h.out());
        Cli v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("PageLens 0.1.0"), v.out());
    }
}

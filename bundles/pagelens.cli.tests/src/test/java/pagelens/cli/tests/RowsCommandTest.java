package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pagelens.core.boot.BootLayouts;
import pagelens.core.catalog.Catalog;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.rows.Row;
import pagelens.core.rows.TableReader;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.report.ValueText;

/** {@code pagelens rows}: shown, exported as CSV and JSON lines with a summary, round-tripped, with damage stated. */
class RowsCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void authorsOfPubsOnTheTerminal() throws IOException {
        Path pubs = IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak");
        Cli r = Cli.run("rows", pubs.toString(), "authors");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("dbo.authors (au_id varchar(11), au_lname varchar(40), au_fname varchar(20), phone char(12)"), r.out());
        assertTrue(r.out().contains("172-32-1176  White"), r.out());
        assertTrue(r.out().contains("23 row(s) shown"), r.out());
        Cli unknown = Cli.run("rows", pubs.toString(), "nosuchtable");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no user table nosuchtable in this database; its tables: dbo.authors"), unknown.err());
    }

    /** The CSV parses back to exactly the decoded rows (NULL and empty strings kept apart), and the summary says what was read. */
    @Test
    void csvRoundTripsTheDecodedRows() throws IOException {
        Path pubs = IdentifyCommandTest.samples().resolve("pubs2012-dwipnandi/pubs.bak");
        Path out = tmp.resolve("titles.csv");
        Cli r = Cli.run("rows", pubs.toString(), "dbo.titles", "--csv", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<Row> decoded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (OpenedEvidence ev = OpenedEvidence.open(pubs)) {
            Catalog c = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL).catalog();
            TableReader tr = new TableReader(ev.pages(ProgressMonitor.NULL), c);
            Catalog.DbObject titles = c.userTables().stream().filter(t -> t.name().equals("titles")).findFirst().orElseThrow();
            tr.schema(titles).columns().forEach(col -> names.add(col.name()));
            tr.read(titles, TableReader.Options.all(), (s, row) -> decoded.add(row), ProgressMonitor.NULL);
        }
        List<CSVRecord> back;
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            back = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setNullString("").get().parse(in).getRecords();
        }
        assertEquals(18, back.size());
        assertEquals(decoded.size(), back.size());
        int nulls = 0;
        for (int k = 0; k < back.size(); k++) {
            for (int i = 0; i < names.size(); i++) {
                String expected = ValueText.text(decoded.get(k).values()[i]);
                assertEquals(expected, back.get(k).get(names.get(i)), names.get(i) + " of row " + k);
                nulls += expected == null ? 1 : 0;
            }
            assertEquals(decoded.get(k).page().toString(), back.get(k).get("pagelens_page"));
        }
        assertTrue(nulls > 0, "pubs titles has NULL prices: they come back as NULL");
        JsonNode s = M.readTree(out.resolveSibling("titles.csv.summary.json").toFile());
        assertEquals(18, s.get("rows").asLong());
        assertEquals(0, s.get("rowsFromDamagedPages").asLong());
        assertEquals(0, s.get("lostPages").size());
        assertEquals(64, s.get("evidenceSha256").asText().length());
        assertEquals("money", s.get("columns").get(4).get("type").asText());
        // never replaced
        Cli again = Cli.run("rows", pubs.toString(), "dbo.titles", "--csv", out.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("exists"), again.err());
        Cli over = Cli.run("rows", pubs.toString(), "dbo.titles", "--json", pubs.toString());
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("never writes to evidence"), over.err());
    }

    /** Damage planted on the specimen: every other row exported, the lost page and the damaged rows in the summary. */
    @Test
    void damagedSpecimenExportsTheRestAndSaysWhatWasLost() throws IOException {
        Path p = tmp.resolve("bad.mdf");
        DataFileSpecimen.write(p, DataFileSpecimen.Spec.defaults(400), ProgressMonitor.NULL);
        Corruptor.flipBit(p, 40, 3000, 3);
        Corruptor.zeroPage(p, 44);
        Path out = tmp.resolve("customers.jsonl");
        Cli r = Cli.run("rows", p.toString(), "Customers", "--json", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode s = M.readTree(tmp.resolve("customers.jsonl.summary.json").toFile());
        assertEquals("1:44", s.get("lostPages").get(0).get("page").asText());
        assertTrue(s.get("rowsFromDamagedPages").asLong() > 0);
        List<String> lines = Files.readAllLines(out);
        assertEquals(s.get("rows").asLong(), lines.size());
        JsonNode first = M.readTree(lines.get(0));
        // the generator numbers the rows of page p from p x 100, slot by slot
        assertEquals(Integer.parseInt(first.get("page").asText().substring(2)) * 100 + first.get("slot").asInt(), first.get("values").get("CustomerId").asInt());
        long marked = lines.stream().filter(l -> l.contains("\"page\":\"1:40\"")).filter(l -> l.contains("checksum")).count();
        assertEquals(s.get("rowsFromDamagedPages").asLong(), marked);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"page\":\"1:44\"")));
        assertNull(first.get("damage").textValue());
    }

    @Test
    void allTablesOfNorthwind() throws IOException {
        Path nw = IdentifyCommandTest.samples().resolve("northwind2005-xandelima/Northwind.bak");
        Path dir = tmp.resolve("nw");
        Cli r = Cli.run("rows", nw.toString(), "--all-tables", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = M.readTree(dir.resolve("summary.json").toFile());
        assertEquals(16, s.get("tables").size());
        try (Reader in = Files.newBufferedReader(dir.resolve("dbo.Customers.csv"), StandardCharsets.UTF_8)) {
            assertEquals(91, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().size());
        }
        assertTrue(Files.readString(dir.resolve("dbo.Customers.csv")).contains("\"ALFKI\",\"Alfreds Futterkiste\",\"Maria Anders\""));
        assertTrue(Files.exists(dir.resolve("dbo.Order Details.csv")));
    }
}

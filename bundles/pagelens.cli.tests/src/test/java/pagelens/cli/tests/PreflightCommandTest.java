package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;

/** {@code pagelens preflight}: one line per database, CSV and JSON, exit codes. */
class PreflightCommandTest {
    @TempDir
    Path tmp;

    @Test
    void fleetWithOneMovedDatabase() throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        BackupSpecimen.write(fleet.resolve("moved.bak"), DataFileSpecimen.Spec.defaults(256).withName("Moved").withStaleHekaton(true), ProgressMonitor.NULL);
        BackupSpecimen.write(fleet.resolve("clean.bak"), DataFileSpecimen.Spec.defaults(256).withName("Clean"), ProgressMonitor.NULL);
        Path csv = tmp.resolve("fleet.csv");
        Path json = tmp.resolve("fleet.json");
        Cli r = Cli.run("preflight", "--target", "mi-gp", "--csv", csv.toString(), "--json", json.toString(), fleet.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + fleet.resolve("moved.bak")), r.out());
        assertTrue(r.out().contains("FAIL preflight.hekaton-stale"), r.out());
        assertTrue(r.out().contains("PASS  " + fleet.resolve("clean.bak")), r.out());
        assertTrue(r.out().contains("1 pass, 0 pass with warnings, 1 fail; 2 file(s)"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("path,verdict,database,"));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("mi-gp", j.get("target").asText());
        assertEquals(957, j.get("targetMaxVersion").asInt());
        assertEquals(1, j.get("summary").get("fail").asInt());
        assertEquals(2, j.get("databases").size());
        Path pdf = tmp.resolve("fleet.pdf");
        assertEquals(1, Cli.run("preflight", "--target", "mi-gp", "--pdf", pdf.toString(), fleet.toString()).exit());
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("Migration preflight: Azure SQL Managed Instance, General Purpose"), text);
            assertTrue(text.contains("1 fail, 0 pass with warnings, 1 pass"), text);
            assertTrue(text.indexOf("Moved") < text.indexOf("Clean"), "the failing database first");
            assertTrue(text.contains("preflight.hekaton-stale"), text);
        }
        Cli clean = Cli.run("preflight", "--target", "2022", fleet.resolve("clean.bak").toString());
        assertEquals(0, clean.exit(), clean.out());
        Cli bad = Cli.run("preflight", "--target", "mi-xl", fleet.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown target 'mi-xl'"), bad.err());
        Cli evidence = Cli.run("preflight", "--csv", fleet.resolve("clean.bak").toString(), fleet.resolve("clean.bak").toString());
        assertEquals(2, evidence.exit(), "never writes over evidence");
    }

    /** Compressed backups from the specimen generator: identified, checked like plain ones, the stale one refused. */
    @Test
    void compressedBackupsOfTheSpecimenGenerator() throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("packed"));
        Cli w = Cli.run("specimen", fleet.resolve("moved.bak").toString(), "--size-mb", "2", "--backup", "--compressed", "--stale-hekaton");
        assertEquals(0, w.exit(), w.err());
        assertTrue(w.out().startsWith("wrote SYNTHETIC compressed backup specimen"), w.out());
        assertEquals(0, Cli.run("specimen", fleet.resolve("clean.bak").toString(), "--size-mb", "2", "--backup", "--compressed").exit());
        assertTrue(Cli.run("identify", fleet.resolve("clean.bak").toString()).out().contains("compressed-backup"));
        Cli r = Cli.run("preflight", "--target", "mi-gp", "--verify", fleet.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("PASS  " + fleet.resolve("clean.bak")), r.out());
        assertTrue(r.out().contains("FAIL  " + fleet.resolve("moved.bak")), r.out());
        assertTrue(r.out().contains("FAIL preflight.hekaton-stale"), r.out());
        assertEquals(2, Cli.run("specimen", fleet.resolve("x.mdf").toString(), "--compressed").exit(), "--compressed without --backup is a usage error");
    }

    @Test
    void progressLineGivesRateAndTimeLeft() throws Exception {
        Class<?> c = Class.forName("pagelens.cli.PreflightCommand$FilesProgress");
        java.lang.reflect.Method m = c.getDeclaredMethod("line", long.class, long.class, double.class);
        m.setAccessible(true);
        assertEquals("250 / 1,000 files, 125 files/s, about 6 s left", m.invoke(null, 250L, 1000L, 2.0));
        assertEquals("1,000 / 1,000 files, 250 files/s", m.invoke(null, 1000L, 1000L, 4.0));
    }
}

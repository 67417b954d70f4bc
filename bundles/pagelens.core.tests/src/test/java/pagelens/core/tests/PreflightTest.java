package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.preflight.Preflight;
import pagelens.core.preflight.Target;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;

/** The migration preflight on the real samples (every version 2005 to 2022) and on synthetic backups. */
class PreflightTest {

    private static Map<String, Preflight.Row> run(Path root, String target) throws IOException, InterruptedException {
        Map<String, Preflight.Row> out = new TreeMap<>();
        List<Preflight.Row> rows = new ArrayList<>();
        Preflight.run(Preflight.files(List.of(root)), Target.parse(target), false, 2, BootLayouts.builtIn(), rows::add, ProgressMonitor.NULL);
        for (Preflight.Row r : rows) {
            out.put(root.relativize(r.path()).toString(), r);
        }
        return out;
    }

    private static boolean fails(Preflight.Row r, String rule) {
        return r.failing().stream().anyMatch(c -> c.rule().equals(rule));
    }

    @Test
    void samplesAgainstEachTarget() throws Exception {
        Path root = Samples.get("MANIFEST.md").getParent();
        Map<String, Preflight.Row> mi = run(root, "mi-gp");
        assertEquals(14, mi.size(), "9 backups and 5 data files; logs and other files skipped: " + mi.keySet());
        for (Map.Entry<String, Preflight.Row> e : mi.entrySet()) {
            Preflight.Row r = e.getValue();
            if (e.getKey().endsWith(".bak")) {
                assertEquals(Preflight.Outcome.PASS, r.verdict(), e.getKey() + ": " + r.checks());
                assertTrue(r.checks().stream().anyMatch(c -> c.rule().equals("preflight.mi-tde") && c.outcome() == Preflight.Outcome.NOT_CHECKED),
                        "a rule the file cannot show is listed as not checked");
            } else {
                assertTrue(fails(r, "preflight.mi-backup-only"), e.getKey() + ": Managed Instance does not attach data files");
            }
        }
        Map<String, Preflight.Row> y2019 = run(root, "2019");
        for (Map.Entry<String, Preflight.Row> e : y2019.entrySet()) {
            int v = e.getValue().databaseVersion();
            assertEquals(v > 904, fails(e.getValue(), "preflight.version"), e.getKey() + " version " + v);
        }
        assertTrue(fails(y2019.get("quanlymypham2022-huycoder/Database.bak"), "preflight.version"), "a 2022 backup does not restore on 2019");
        Map<String, Preflight.Row> y2012 = run(root, "2012");
        assertEquals(List.of("datatable-compressed-peterezz/Database.bak", "demo2context2016-nimble85/Demo_2Context.bak",
                "futurescan2014-noureldin/Database1.mdf", "inventory2019-yoppaii/Database.bak", "liblib2017/Database.bak",
                "prasang2016-hetp1711/Database.mdf", "quanlymypham2022-huycoder/Database.bak", "studentdb2014-gabrujo/StudentDB2017.bak"),
                y2012.entrySet().stream().filter(e -> fails(e.getValue(), "preflight.version")).map(Map.Entry::getKey).toList());
    }

    @Test
    void movedDatabaseFailsOnManagedInstanceOnly(@TempDir Path dir) throws Exception {
        BackupSpecimen.write(dir.resolve("moved.bak"), DataFileSpecimen.Spec.defaults(256).withName("Moved").withStaleHekaton(true), ProgressMonitor.NULL);
        BackupSpecimen.write(dir.resolve("clean.bak"), DataFileSpecimen.Spec.defaults(256).withName("Clean"), ProgressMonitor.NULL);
        Files.writeString(dir.resolve("notes.txt"), "not a backup");
        Map<String, Preflight.Row> mi = run(dir, "mi-bc");
        assertEquals(2, mi.size(), "notes.txt skipped");
        assertTrue(fails(mi.get("moved.bak"), "preflight.hekaton-stale"), mi.get("moved.bak").checks().toString());
        assertEquals(Preflight.Outcome.PASS, mi.get("clean.bak").verdict(), mi.get("clean.bak").checks().toString());
        Map<String, Preflight.Row> box = run(dir, "2022");
        assertEquals(Preflight.Outcome.WARN, box.get("moved.bak").verdict(), "documented for Managed Instance only: a warning elsewhere");
        // every rule a check gives is in the rule table docs/rules.md is generated from
        String tsv = new String(Preflight.class.getResourceAsStream("preflight-rules.tsv").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (Map<String, Preflight.Row> m : List.of(mi, box, run(dir, "mi-gp"))) {
            for (Preflight.Row r : m.values()) {
                for (Preflight.Check c : r.checks()) {
                    assertTrue(tsv.contains("\n" + c.rule() + "\t" + c.source() + "\t"), c.rule() + " (" + c.source() + ") is not in preflight-rules.tsv");
                }
            }
        }
    }

    @Test
    void unreadableFileIsARowAndTargetsAreParsed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("cut.bak");
        Files.write(bad, new byte[] { 'T', 'A', 'P', 'E', 0, 0, 0, 0 });
        List<Preflight.Row> rows = new ArrayList<>();
        Preflight.run(List.of(new Preflight.Input(bad, true)), Target.parse("mi-gp"), false, 1, BootLayouts.builtIn(), rows::add, ProgressMonitor.NULL);
        assertEquals(1, rows.size());
        assertEquals(Preflight.Outcome.FAIL, rows.get(0).verdict());
        assertEquals(904, Target.parse("2019").maxVersion());
        assertEquals(869, Target.parse("869").maxVersion());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("mi-xl"));
    }
}

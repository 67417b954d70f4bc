package pagelens.core.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootPage;
import pagelens.core.exam.Examination;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.scan.ScanResult;
import pagelens.core.xtp.XtpContainer;

/**
 * Everything a report shows: the examinations of the evidence (the same ones the workbench and the commands render),
 * the comparison of two boot pages, and every finding. Close it when the report is written: the evidence stays open
 * until then, so excerpts are read through it.
 *
 * @param info         title, ticket, analyst, organisation, date, notes
 * @param evidence     the evidence items with their hashes
 * @param examinations one examination per evidence item, in order
 * @param comparison   the boot page comparison when exactly two boot pages were compared, else null
 * @param findings     every finding (bounded sink: counts are exact, the list may be capped)
 * @param problems     evidence that could not be examined, one line each
 * @param opened       the evidence the case opened itself (closed with it; a workbench's stays open)
 */
public record Case(CaseInfo info, List<EvidenceEntry> evidence, List<Examination> examinations, Comparison comparison, FindingSink findings,
        List<String> problems, List<pagelens.core.exam.OpenedEvidence> opened) implements AutoCloseable {

    /** Two boot pages compared. */
    public record Comparison(Path first, Path second, List<BootCompare.Difference> differences) {
    }

    /** Page verification results by evidence (data and log files, backups, DBCC output). */
    public Map<Path, ScanResult> scans() {
        Map<Path, ScanResult> m = new LinkedHashMap<>();
        for (Examination e : examinations) {
            ScanResult s = e.asScan();
            if (s != null) {
                m.put(e.path(), s);
            }
        }
        return m;
    }

    /** The boot page a restore applies, decoded and judged, by evidence. */
    public Map<Path, BootPage> bootPages() {
        Map<Path, BootPage> m = new LinkedHashMap<>();
        for (Examination e : examinations) {
            if (e.boot() != null) {
                m.put(e.path(), e.boot());
            }
        }
        return m;
    }

    /** In-Memory OLTP container checks, by folder. */
    public Map<Path, XtpContainer.Scan> containers() {
        Map<Path, XtpContainer.Scan> m = new LinkedHashMap<>();
        for (Examination e : examinations) {
            if (e.container() != null) {
                m.put(e.path(), e.container());
            }
        }
        return m;
    }

    /** The examination of one evidence path, or null. */
    public Examination examinationOf(Path p) {
        for (Examination e : examinations) {
            if (e.path().equals(p)) {
                return e;
            }
        }
        return null;
    }

    /** Findings of one rule, in location order. */
    /** The owner of a finding's page, from the examination of the finding's evidence (null when none is known). */
    public pagelens.core.catalog.Owner ownerOf(Finding f) {
        Examination e = f.location().evidence() == null ? null : examinationOf(f.location().evidence());
        return e == null ? null : e.ownerOf(f);
    }

    public List<Finding> findingsOf(String ruleId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings.findings()) {
            if (f.ruleId().equals(ruleId)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The bytes at a finding's location (a page, or from an offset), read through the examined evidence in the
     * location's offset space; null when there are none.
     */
    public byte[] bytesAt(pagelens.core.findings.Location loc, int length) {
        Examination e = loc.evidence() == null ? null : examinationOf(loc.evidence());
        if (e == null) {
            return null;
        }
        try {
            return e.evidence().bytesAt(loc, length);
        } catch (IOException | RuntimeException x) {
            return null;
        }
    }

    /** Closes the evidence the case opened (not evidence it was given open). */
    @Override
    public void close() throws IOException {
        for (pagelens.core.exam.OpenedEvidence e : opened) {
            e.close();
        }
    }
}

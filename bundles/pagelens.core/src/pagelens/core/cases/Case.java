package pagelens.core.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootPage;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.scan.ScanResult;

/**
 * Everything a report shows.
 *
 * @param info      title, ticket, analyst, organisation, date, notes
 * @param evidence  the evidence items
 * @param scans     scans of data and log files, by evidence
 * @param bootPages decoded boot pages, by evidence
 * @param comparison the boot page comparison when exactly two boot pages were compared, else null
 * @param findings  every finding (bounded sink: counts are exact, the list may be capped)
 * @param problems  evidence that could not be examined, one line each
 * @param containers In-Memory OLTP container scans, by folder
 */
public record Case(CaseInfo info, List<EvidenceEntry> evidence, Map<Path, ScanResult> scans, Map<Path, BootPage> bootPages,
        Comparison comparison, FindingSink findings, List<String> problems, Map<Path, pagelens.core.xtp.XtpContainer.Scan> containers) {

    /** Two boot pages compared. */
    public record Comparison(Path first, Path second, List<BootCompare.Difference> differences) {
    }

    /** Findings of one rule, in location order. */
    public List<Finding> findingsOf(String ruleId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings.findings()) {
            if (f.ruleId().equals(ruleId)) {
                out.add(f);
            }
        }
        return out;
    }
}

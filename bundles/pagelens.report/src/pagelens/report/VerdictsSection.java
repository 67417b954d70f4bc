package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pagelens.core.boot.BootPage;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.ScanResult;

/** The PDF verdicts first: evidence that changed, each boot page verdict, each page verification, what could not be examined, counts by severity. */
final class VerdictsSection {
    private VerdictsSection() {
    }

    static void summary(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Verdicts", 14);
        for (EvidenceEntry e : c.evidence()) {
            if (e.changedSinceOpened()) {
                pdf.box(PdfColours.RED, Color.WHITE, "EVIDENCE CHANGED: " + e.path().getFileName() + " is not the file that was opened",
                        "SHA-256 when opened " + e.sha256Opened() + ", at report time " + e.sha256Now()
                                + ". The findings below describe the file as it is now; the original may be lost.");
            }
        }
        for (Map.Entry<Path, BootPage> b : c.bootPages().entrySet()) {
            HekatonVerdict h = b.getValue().hekaton();
            pdf.box(PdfColours.verdict(h.verdict()), Color.WHITE, b.getKey().getFileName() + ": " + h.headline(),
                    "Restore readiness (In-Memory OLTP): " + h.verdict().name().replace('_', ' ') + " [" + h.rule().id() + "]. What to do: "
                            + h.action());
        }
        for (ScanResult s : c.scans().values()) {
            PageCounts k = s.counts();
            long errors = 0;
            for (Finding f : c.findings().findings()) {
                if (f.location().evidence().equals(s.evidence()) && f.severity().atLeast(Severity.ERROR)) {
                    errors++;
                }
            }
            boolean bad = errors > 0;
            pdf.box(bad ? PdfColours.RED : PdfColours.GREEN, Color.WHITE,
                    s.evidence().getFileName() + ": " + (bad ? errors + " page finding(s) of severity error or worse" : "no damaged page found"),
                    String.format(Locale.ROOT, "%,d pages examined (%s): %,d carry a page checksum (%,d verify, %,d do not), %,d torn-page bits "
                            + "(%,d whole, %,d torn), %,d no protection, %,d never used.", k.total(), s.fileKind(), k.checksumProtected(),
                            k.checksumOk(), k.checksumBad(), k.tornProtected(), k.tornOk(), k.torn(), k.unprotected(), k.empty()));
        }
        for (String p : c.problems()) {
            pdf.box(PdfColours.ORANGE, Color.WHITE, "Not examined", p);
        }
        List<String[]> rows = new ArrayList<>();
        for (Severity s : Severity.values()) {
            rows.add(new String[] { s.id(), String.format(Locale.ROOT, "%,d", c.findings().count(s)) });
        }
        pdf.space(4);
        pdf.table(new float[] { 120, 100 }, new String[] { "Severity", "Findings" }, rows, null, 9);
    }
}

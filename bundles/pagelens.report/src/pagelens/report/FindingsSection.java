package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pagelens.core.cases.Case;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Rule;
import pagelens.core.findings.Rules;
import pagelens.core.findings.Severity;
import pagelens.core.page.Page;

/** The PDF findings, grouped by rule: explanation, recommendation, the first rows, and highlighted hex excerpts read through the examined evidence. */
final class FindingsSection {
    private FindingsSection() {
    }

    static void findings(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Findings", 14);
        Map<String, Long> byRule = c.findings().countsByRule();
        if (byRule.isEmpty()) {
            pdf.paragraph(pdf.regular, 9, Color.BLACK, "No findings.");
            return;
        }
        pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "Grouped by rule. Each rule lists its first " + PdfReport.ROWS_PER_RULE + " findings and counts the rest; "
                + "the JSON report lists all. Locations are FILE:PAGE; byte offsets are within the page.");
        for (Rule rule : Rules.all()) {
            Long n = byRule.get(rule.id());
            if (n == null) {
                continue;
            }
            List<Finding> list = c.findingsOf(rule.id());
            pdf.heading(rule.id() + " (" + rule.severity().id() + "): " + rule.title() + " - " + n + " finding(s)", 11);
            pdf.paragraph(pdf.regular, 8.5f, Color.BLACK, rule.explanation());
            pdf.paragraph(pdf.bold, 8.5f, Color.BLACK, "Recommendation: " + rule.recommendation());
            pdf.space(3);
            List<String[]> rows = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            for (int i = 0; i < list.size() && i < PdfReport.ROWS_PER_RULE; i++) {
                Finding f = list.get(i);
                pagelens.core.catalog.Owner owner = c.ownerOf(f);
                rows.add(new String[] { f.ruleId(), f.severity().id(), f.location().evidence().getFileName() + " " + f.location().describe()
                        + (owner != null ? " " + OwnerText.brief(owner) : ""), f.title() });
                colours.add(f.severity().atLeast(Severity.ERROR) ? new Color(0xFF, 0xEB, 0xEE) : null);
            }
            pdf.table(new float[] { 105, 45, 110, 243 }, new String[] { "Rule", "Severity", "Location", "Title" }, rows, colours, 7.5f);
            if (n > Math.min(list.size(), PdfReport.ROWS_PER_RULE)) {
                pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.format(Locale.ROOT, "... and %,d more finding(s) of %s, listed in the JSON report.",
                        n - Math.min(list.size(), PdfReport.ROWS_PER_RULE), rule.id()));
            }
            for (int i = 0; i < list.size() && i < PdfReport.DETAILS_PER_RULE; i++) {
                if (list.get(i).severity().atLeast(Severity.WARNING)) {
                    excerpt(pdf, c, list.get(i));
                }
            }
        }
    }

    /** The bytes of a finding, highlighted, read through the examined evidence (in the location's offset space). */
    static void excerpt(PdfCanvas pdf, Case c, Finding f) throws IOException {
        var loc = f.location();
        if (loc.fileOffset() < 0 || loc.byteLength() <= 0) {
            return;
        }
        byte[] page = c.bytesAt(loc, Page.SIZE);
        if (page == null) {
            return;
        }
        int start = loc.byteStart();
        int end = Math.min(page.length, start + loc.byteLength());
        if (start >= end) {
            return;
        }
        List<Integer> rows = new ArrayList<>();
        int first = start / 16;
        int last = (end - 1) / 16;
        for (int r = first; r <= last; r++) {
            if (r - first < 3 || last - r < 3) {
                rows.add(r);
            } else if (rows.get(rows.size() - 1) != -1) {
                rows.add(-1);
            }
        }
        pdf.need(14 + rows.size() * 10);
        pdf.paragraph(pdf.regular, 8, PdfColours.GREY, loc.pageId() >= 0
                ? "Bytes of " + loc.describe() + " (" + f.title() + "), highlighted: page offset " + String.format("0x%04X", start) + ", "
                        + (end - start) + " byte(s)"
                : "Bytes of " + loc.evidence().getFileName() + " from " + loc.space().id() + " offset " + String.format("0x%X", loc.fileOffset())
                        + " (row offsets below are relative to it), " + (end - start) + " byte(s) highlighted");
        float size = 7.5f;
        float cw = pdf.width(pdf.mono, size, "00 ");
        for (int r : rows) {
            pdf.need(10);
            float base = pdf.y() - size;
            if (r < 0) {
                pdf.text(pdf.mono, size, PdfColours.GREY, PdfCanvas.MARGIN, base, "      ...");
            } else {
                pdf.text(pdf.mono, size, PdfColours.GREY, PdfCanvas.MARGIN, base, String.format("%04X", r * 16));
                for (int i = 0; i < 16 && r * 16 + i < page.length; i++) {
                    int o = r * 16 + i;
                    float x = PdfCanvas.MARGIN + 34 + i * cw;
                    boolean hi = o >= start && o < end;
                    if (hi) {
                        pdf.rect(x - 1, base + size, cw - 1.5f, size + 2.5f, new Color(0xFF, 0xD5, 0x4F));
                    }
                    pdf.text(pdf.mono, size, hi ? Color.BLACK : PdfColours.GREY, x, base, String.format("%02X", page[o] & 0xFF));
                }
            }
            pdf.space(10);
        }
        pdf.space(4);
    }
}

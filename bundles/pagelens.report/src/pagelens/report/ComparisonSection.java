package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.boot.BootCompare;
import pagelens.core.cases.Case;

/** The PDF boot page comparison of two evidence items, Hekaton differences first. */
final class ComparisonSection {
    private ComparisonSection() {
    }

    static void comparison(PdfCanvas pdf, Case c) throws IOException {
        Case.Comparison cmp = c.comparison();
        if (cmp == null) {
            return;
        }
        pdf.heading("Boot page comparison: " + cmp.first().getFileName() + " and " + cmp.second().getFileName(), 14);
        long hk = cmp.differences().stream().filter(BootCompare.Difference::hekaton).count();
        pdf.paragraph(pdf.regular, 9, Color.BLACK, cmp.differences().size() + " difference(s), " + hk
                + " of them In-Memory OLTP (Hekaton) state, listed first.");
        List<String[]> rows = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (BootCompare.Difference d : cmp.differences()) {
            rows.add(new String[] { String.format("P+0x%03X", d.offset()), d.name(), d.before() == null ? "(absent)" : d.before(),
                    d.after() == null ? "(absent)" : d.after() });
            colours.add(d.hekaton() ? PdfColours.PINK : null);
        }
        pdf.table(new float[] { 52, 171, 140, 140 }, new String[] { "Offset", "Field", cmp.first().getFileName().toString(),
                cmp.second().getFileName().toString() }, rows, colours, 7.5f);
    }
}

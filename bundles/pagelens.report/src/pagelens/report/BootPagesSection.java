package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pagelens.core.Evidence;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.cases.Case;

/** The PDF section of each boot page: facts, the verdict box, every field with offset, size, value and evidence, Hekaton rows tinted. */
final class BootPagesSection {
    private BootPagesSection() {
    }

    static void bootPages(PdfCanvas pdf, Case c) throws IOException {
        for (Map.Entry<Path, BootPage> e : c.bootPages().entrySet()) {
            BootPage b = e.getValue();
            HekatonVerdict h = b.hekaton();
            pdf.heading("Boot page of " + e.getKey().getFileName(), 14);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT,
                    "Database %s, dbid %s, dbi_version %d (created as %d), record %d bytes; %s. Layout: %s", b.databaseName(), b.value("dbi_dbid"),
                    b.dbiVersion(), b.createVersion(), b.recordLength(), b.checksumNote(), b.layoutNote()));
            pdf.space(4);
            pdf.box(PdfColours.verdict(h.verdict()), Color.WHITE, h.verdict().name().replace('_', ' ') + ": " + h.headline(),
                    h.explanation() + "\nWhat to do: " + h.action() + "\nMemory-optimized filegroup: " + h.filegroup().text() + " ("
                            + h.filegroupSource() + ").");
            List<String[]> rows = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            if (h.regionStart() >= 0) {
                rows.add(new String[] { String.format("P+0x%03X", h.regionStart()), String.valueOf(h.regionEnd() - h.regionStart()),
                        "Hekaton region: Dbi_hkRecoveryLSN, Dbi_hkLogTruncationLSN, Dbi_hkCompatibilityMode, Dbi_hkRootFile, "
                                + "Dbi_hkRootFileWatermark, Dbi_hkTrimLSN, Dbi_hkUpgradeLSN, Dbi_hkUndeployLSN lie here",
                        h.nonZeroOffsets().isEmpty() ? "all zero apart from known fields"
                                : h.nonZeroOffsets().size() + " non-zero byte(s) unexplained at "
                                        + h.nonZeroOffsets().stream().limit(16).map(i -> String.format("0x%X", i)).toList(),
                        b.layout().regionEvidence().tag() });
                colours.add(h.nonZeroOffsets().isEmpty() ? PdfColours.YELLOW : PdfColours.PINK);
            }
            for (BootField f : b.fields()) {
                boolean hk = f.def().isHekaton() || f.offset() >= h.regionStart() && f.offset() < h.regionEnd();
                rows.add(new String[] { String.format("P+0x%03X", f.offset()), String.valueOf(f.size()), f.name(),
                        f.def().type().equals("bytes") ? "\u0000" + f.value() : f.value(), f.def().evidence().tag() });
                colours.add(f.def().isHekaton() && !f.isZero() ? PdfColours.PINK : hk ? PdfColours.YELLOW : null);
            }
            for (BootPage.Range r : b.uncovered()) {
                if (r.nonZeroBytes() > 0) {
                    rows.add(new String[] { String.format("P+0x%03X", r.start()), String.valueOf(r.end() - r.start()),
                            "bytes no known field covers", "\u0000" + r.hex(), pagelens.core.Evidence.UNKNOWN.tag() });
                    colours.add(null);
                }
            }
            pdf.table(new float[] { 52, 28, 185, 175, 63 }, new String[] { "Offset", "Size", "Field", "Value", "Evidence" }, rows, colours, 7.5f);
        }
    }
}

package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.Evidence;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;

/** The PDF evidence table: path, what it is, size, SHA-256 (and whether it changed since it was opened). */
final class EvidenceSection {
    private EvidenceSection() {
    }

    static void evidence(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Evidence", 14);
        pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "Every file was opened read-only. SHA-256 computed at report time"
                + " (and compared with the value when the file was opened, where PageLens had one).");
        List<String[]> rows = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (EvidenceEntry e : c.evidence()) {
            var id = e.identification();
            String what = id.kind().id() + (id.databaseName() != null ? ", database " + id.databaseName() : "")
                    + (id.databaseVersion() != null ? ", version " + id.databaseVersion() : "");
            rows.add(new String[] { e.path().toString(), what, id.size() >= 0 ? String.format(Locale.ROOT, "%,d", id.size()) : "",
                    "\u0000" + (e.sha256Now() == null ? "not hashed" : e.sha256Now()) + (e.changedSinceOpened() ? " CHANGED since opened (was "
                            + e.sha256Opened() + ")" : "") });
            colours.add(e.changedSinceOpened() ? PdfColours.PINK : null);
        }
        pdf.table(new float[] { 120, 76, 52, 255 }, new String[] { "Path", "What it is", "Bytes", "SHA-256" }, rows, colours, 6.5f);
    }
}

package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pagelens.core.Evidence;
import pagelens.core.cases.Case;
import pagelens.core.findings.Severity;

/** The PDF section of each In-Memory OLTP container: layout, totals, block checksum status, file table. */
final class ContainersSection {
    /** Rows of a container's file table at most. */
    static final int MAX_CONTAINER_ROWS = 300;

    private ContainersSection() {
    }

    static void containers(PdfCanvas pdf, Case c) throws IOException {
        for (Map.Entry<Path, pagelens.core.xtp.XtpContainer.Scan> e : c.containers().entrySet()) {
            pagelens.core.xtp.XtpContainer.Scan s = e.getValue();
            pdf.heading("In-Memory OLTP container " + e.getKey().getFileName(), 14);
            long used = s.files().stream().mapToLong(f -> f.walk().dataEnd()).sum();
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT, "%s: %d checkpoint files, %,d bytes on disk, %,d bytes used "
                    + "by blocks " + pagelens.core.Evidence.EMPIRICAL.tag() + ", %,d blocks, %,d rows.", s.layout().label(), s.files().size(), s.totalSize(), used,
                    s.files().stream().mapToInt(f -> f.walk().blocks().size()).sum(), s.files().stream().mapToInt(f -> f.walk().rows()).sum()));
            pdf.paragraph(pdf.regular, 9, !s.checksumsVerified() ? PdfColours.RED : Color.BLACK, "Block checksums: " + s.checksums() + ".");
            pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "File types are inferred from block sizes; types, states, pairs and the memory estimate need "
                    + "an export of sys.dm_db_xtp_checkpoint_files (pagelens xtp --dmv FILE). Checkpoint files are not hashed in this report.");
            List<String[]> rows = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            for (pagelens.core.xtp.XtpContainer.CheckpointFile f : s.files()) {
                if (rows.size() >= MAX_CONTAINER_ROWS) {
                    rows.add(new String[] { "... " + (s.files().size() - MAX_CONTAINER_ROWS) + " more files (pagelens xtp --json lists all)", "", "",
                            "", "", "" });
                    colours.add(null);
                    break;
                }
                var w = f.walk();
                rows.add(new String[] { f.relative(), String.format(Locale.ROOT, "%,d", f.size()), String.valueOf(w.blocks().size()),
                        String.format(Locale.ROOT, "%,d", w.rows()), String.format(Locale.ROOT, "%,d", w.dataEnd()), w.inferredKind() });
                colours.add(w.findings().stream().anyMatch(x -> x.severity().atLeast(pagelens.core.findings.Severity.ERROR)) ? PdfColours.PINK : null);
            }
            pdf.table(new float[] { 190, 62, 40, 50, 62, 99 }, new String[] { "File", "Bytes", "Blocks", "Rows", "Used", "Looks like [inferred]" },
                    rows, colours, 6.5f);
        }
    }
}

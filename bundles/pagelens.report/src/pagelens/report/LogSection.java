package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.cases.Case;
import pagelens.core.exam.Examination;
import pagelens.core.log.LogFile;

/**
 * The PDF section of each transaction log examined: what the log holds (version, VLFs, blocks, records, LSN range), whether
 * page 0's checkpoint is a begin-checkpoint record in it, the log block checksums, the problems, and the VLF table (damaged
 * VLFs tinted). The same LogFile.Result as {@code pagelens log} and the JSON report's "logs".
 */
final class LogSection {
    /** VLF rows at most (a log of thousands of VLFs is summarised; pagelens log --vlfs lists all). */
    static final int MAX_VLF_ROWS = 200;

    private LogSection() {
    }

    static void logs(PdfCanvas pdf, Case c) throws IOException {
        for (Examination e : c.examinations()) {
            LogFile.Result r = e.log();
            if (r == null) {
                continue;
            }
            pdf.heading("Transaction log " + e.path().getFileName(), 14);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT,
                    "Log of a database of version %d (block format %d): %d VLFs, %d of them used; %,d log blocks (%,d empty), %,d records; "
                            + "LSN range %s to %s, end of log %s.",
                    r.dbiVersion(), r.formatByte(), r.vlfs().size(), r.usedVlfs(), r.blocks(), r.emptyBlocks(), r.records(), r.first(), r.last(),
                    r.endOfLog()));
            pdf.paragraph(pdf.regular, 9, r.checkpointIsBeginCheckpoint() ? Color.BLACK : PdfColours.RED, "Checkpoint named by page 0's copy of the "
                    + "boot record: " + r.checkpoint() + (r.checkpointIsBeginCheckpoint() ? ", a LOP_BEGIN_CKPT record in this log."
                            : ": NOT found as a LOP_BEGIN_CKPT record in this log."));
            long bad = r.problems().stream().filter(p -> p.kind() == LogFile.Kind.CHECKSUM).count();
            pdf.paragraph(pdf.regular, 9, bad > 0 ? PdfColours.RED : Color.BLACK, String.format(Locale.ROOT,
                    "Log block checksums: %,d of %,d blocks carry one; %s.", r.checksummedBlocks(), r.blocks(),
                    bad == 0 ? "every one holds" : bad + " do not hold"));
            if (!r.problems().isEmpty()) {
                pdf.paragraph(pdf.regular, 9, PdfColours.RED, r.problems().size() + " problem(s) in the log (each is a finding below); the first: "
                        + r.problems().get(0).kind() + ": " + r.problems().get(0).what());
            }
            pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "VLF headers, parity, block headers and the log block checksum are read as "
                    + "docs/log.md gives them (evidence levels there); operation names in pagelens log carry their own evidence.");
            List<String[]> rows = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            for (LogFile.Vlf v : r.vlfs()) {
                if (rows.size() >= MAX_VLF_ROWS) {
                    rows.add(new String[] { "...", (r.vlfs().size() - MAX_VLF_ROWS) + " more VLFs (pagelens log --vlfs lists all)", "", "", "", "", "",
                            "" });
                    colours.add(null);
                    break;
                }
                boolean damaged = r.problems().stream().anyMatch(p -> p.offset() >= v.offset() && p.offset() < v.offset() + v.size());
                rows.add(new String[] { String.valueOf(v.index()), String.format(Locale.ROOT, "0x%X", v.offset()), String.format(Locale.ROOT, "%,d", v.size()),
                        String.valueOf(v.seqNo()), String.format(Locale.ROOT, "0x%02X", v.parity()), String.valueOf(v.blocks()),
                        String.format(Locale.ROOT, "%,d", v.records()), v.end() });
                colours.add(damaged ? PdfColours.PINK : v.seqNo() == 0 ? PdfColours.LIGHT_GREY : null);
            }
            pdf.table(new float[] { 30, 70, 70, 50, 40, 50, 60, 133 }, new String[] { "VLF", "Offset", "Bytes", "Seq. no.", "Parity", "Blocks",
                "Records", "Reading stopped at" }, rows, colours, 6.5f);
        }
    }
}

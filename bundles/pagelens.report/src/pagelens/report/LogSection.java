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

    /** Damaged pages described with their log records at most, and records shown per page. */
    static final int HISTORY_PAGES = 30;
    static final int HISTORY_RECORDS = 5;

    /** The case last asked about (by identity, weakly) and its history: a PDF and a JSON report of one case read the logs once. */
    private static java.lang.ref.WeakReference<Case> memoCase = new java.lang.ref.WeakReference<>(null);
    private static pagelens.core.cases.DamagedPageHistory.Result memo;

    /** The damaged pages' last log records: the one reading both the PDF and the JSON report show. */
    static synchronized pagelens.core.cases.DamagedPageHistory.Result history(Case c) {
        if (memoCase.get() != c || memo == null) {
            memo = pagelens.core.cases.DamagedPageHistory.of(c, HISTORY_PAGES, HISTORY_RECORDS);
            memoCase = new java.lang.ref.WeakReference<>(c);
        }
        return memo;
    }

    static void logs(PdfCanvas pdf, Case c) throws IOException {
        pagelens.core.cases.DamagedPageHistory.Result history = c.examinations().stream().anyMatch(e -> e.log() != null) ? history(c)
                : new pagelens.core.cases.DamagedPageHistory.Result(List.of(), 0);
        for (Examination e : c.examinations()) {
            LogFile.Result r = e.log();
            if (r == null) {
                continue;
            }
            boolean fromBackup = r.backup() != null;
            pdf.heading((fromBackup ? "Log part of the backup " : "Transaction log ") + e.path().getFileName(), 14);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT,
                    "%s of a database of version %d (block format %d): %d VLFs, %d of them used; %,d log blocks (%,d empty), %,d records; "
                            + "LSN range %s to %s, end of log %s.", fromBackup ? "The log bytes a full backup carries (docs/log.md 11)" : "Log",
                    r.dbiVersion(), r.formatByte(), r.vlfs().size(), r.usedVlfs(), r.blocks(), r.emptyBlocks(), r.records(), r.first(), r.last(),
                    r.endOfLog()));
            if (fromBackup) {
                pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT, "The backup declares (SCIN): first LSN %s, last LSN %s, checkpoint "
                        + "%s, previous full backup's checkpoint %s.", r.backup().firstLsn(), r.backup().lastLsn(), r.backup().checkpointLsn(),
                        r.backup().databaseBackupLsn()));
            }
            boolean ckptBad = !r.checkpointIsBeginCheckpoint() && !(fromBackup && r.records() == 0);
            pdf.paragraph(pdf.regular, 9, ckptBad ? PdfColours.RED : Color.BLACK, (fromBackup ? "Checkpoint named by the backup's SCIN chunk: "
                    : "Checkpoint named by page 0's copy of the boot record: ") + r.checkpoint() + (r.checkpointIsBeginCheckpoint()
                            ? ", a LOP_BEGIN_CKPT record in this log." : r.records() == 0 && fromBackup ? " (no log bytes to find it in)."
                                    : ": NOT found as a LOP_BEGIN_CKPT record in this log."));
            long breaks = r.problems().stream().filter(p -> p.kind() == LogFile.Kind.TRANSACTION_CHAIN).count();
            pdf.paragraph(pdf.regular, 9, breaks > 0 ? PdfColours.RED : Color.BLACK, String.format(Locale.ROOT, "Transaction chains: %,d records "
                    + "followed to their transaction's earlier record; %s.%s", r.chainsFollowed(), breaks == 0 ? "none broken" : "BROKEN (see the "
                            + "findings)", r.staleBlocks() == 0 ? "" : String.format(Locale.ROOT, " Stale: %,d block(s) of earlier VLF uses after the end "
                                    + "of log, %,d record(s) (pagelens log --records lists them, marked stale).", r.staleBlocks(), r.staleRecords())));
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
            damagedPages(pdf, history, e.path());
        }
    }

    /** The damaged data pages this log names: the last records of each (what last happened to the page, in which transaction). */
    private static void damagedPages(PdfCanvas pdf, pagelens.core.cases.DamagedPageHistory.Result history, java.nio.file.Path log) throws IOException {
        List<pagelens.core.cases.DamagedPageHistory.Entry> mine = history.entries().stream().filter(x -> x.log().equals(log)).toList();
        if (mine.isEmpty()) {
            return;
        }
        pdf.heading("What this log says about the damaged pages", 11);
        pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.format(Locale.ROOT, "The last %d records of the log that name each damaged page "
                + "(a page operation names its page, docs/log.md 6.5); %d damaged page(s) in the case, the first %d described. The page's m_lsn is its "
                + "last logged change.", HISTORY_RECORDS, history.damagedPages(), HISTORY_PAGES));
        List<String[]> rows = new ArrayList<>();
        for (pagelens.core.cases.DamagedPageHistory.Entry x : mine) {
            StringBuilder last = new StringBuilder();
            for (LogFile.Record r : x.last()) {
                if (!last.isEmpty()) {
                    last.append("; ");
                }
                last.append(r.lsn()).append(' ').append(pagelens.core.log.LogOperations.name(r.operation())).append(' ').append(LogFile.transactionText(
                        r.transactionId()));
            }
            rows.add(new String[] { x.page().toString() + " (" + x.data().getFileName() + ")" + (x.owner() == null ? "" : " " + OwnerText.brief(x.owner())),
                    x.damage(), String.format(Locale.ROOT, "%,d", x.records()),
                    x.records() == 0 ? "none: the log does not name this page" : last.toString() });
        }
        pdf.table(new float[] { 90, 130, 45, 238 }, new String[] { "Page", "Damage", "Records", "Last records (LSN, operation, transaction)" }, rows,
                null, 6.5f);
    }
}

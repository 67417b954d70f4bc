package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pagelens.core.Evidence;
import pagelens.core.Version;
import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Rule;
import pagelens.core.findings.Rules;
import pagelens.core.findings.Severity;
import pagelens.core.page.Page;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.PageStatus;
import pagelens.core.scan.ScanResult;

/**
 * The PDF findings report: verdicts in plain words and counts first, then evidence with hashes, boot
 * pages with the Hekaton verdict, the boot page comparison, findings grouped by rule (the first
 * {@link #ROWS_PER_RULE} listed, the first {@link #DETAILS_PER_RULE} with explanation, recommendation and
 * a hex excerpt), page maps, and an appendix of rule ids and evidence levels.
 */
public final class PdfReport {
    /** Findings listed per rule in the table; the rest are counted (all are in the JSON). */
    public static final int ROWS_PER_RULE = 25;
    /** Findings per rule shown in detail with a hex excerpt. */
    public static final int DETAILS_PER_RULE = 3;

    static final Color RED = new Color(0xC6, 0x28, 0x28);
    static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
    static final Color BLUE = new Color(0x15, 0x65, 0xC0);
    static final Color ORANGE = new Color(0xE6, 0x8A, 0x00);
    static final Color PINK = new Color(0xFF, 0xCD, 0xD2);
    static final Color YELLOW = new Color(0xFF, 0xF3, 0xCD);
    static final Color GREY = new Color(0x44, 0x44, 0x44);

    private PdfReport() {
    }

    public static void write(Case c, Path out) throws IOException {
        ReportTarget.check(out, c.evidence().stream().map(EvidenceEntry::path).toList());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (PdfCanvas pdf = new PdfCanvas()) {
            title(pdf, c);
            summary(pdf, c);
            evidence(pdf, c);
            bootPages(pdf, c);
            containers(pdf, c);
            comparison(pdf, c);
            findings(pdf, c);
            pageMaps(pdf, c);
            appendix(pdf);
            pdf.decorate(c.info().title() + (c.info().ticketId().isBlank() ? "" : "  |  ticket " + c.info().ticketId()) + "  |  PageLens "
                    + Version.VERSION);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                pdf.doc.save(os);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void title(PdfCanvas pdf, Case c) throws IOException {
        pdf.paragraph(pdf.bold, 20, Color.BLACK, c.info().title());
        pdf.space(4);
        String meta = "Ticket: " + orNot(c.info().ticketId()) + "    Analyst: " + orNot(c.info().analyst()) + "    Organisation: "
                + orNot(c.info().organisation()) + "\nDate: " + c.info().date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + "    Report by PageLens " + Version.VERSION + ", a read-only forensic viewer for SQL Server files.";
        pdf.paragraph(pdf.regular, 9, GREY, meta);
        if (!c.info().notes().isBlank()) {
            pdf.space(4);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, "Notes: " + c.info().notes());
        }
    }

    private static String orNot(String s) {
        return s == null || s.isBlank() ? "not given" : s;
    }

    private static void summary(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Verdicts", 14);
        for (EvidenceEntry e : c.evidence()) {
            if (e.changedSinceOpened()) {
                pdf.box(RED, Color.WHITE, "EVIDENCE CHANGED: " + e.path().getFileName() + " is not the file that was opened",
                        "SHA-256 when opened " + e.sha256Opened() + ", at report time " + e.sha256Now()
                                + ". The findings below describe the file as it is now; the original may be lost.");
            }
        }
        for (Map.Entry<Path, BootPage> b : c.bootPages().entrySet()) {
            HekatonVerdict h = b.getValue().hekaton();
            pdf.box(colour(h.verdict()), Color.WHITE, b.getKey().getFileName() + ": " + h.headline(),
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
            pdf.box(bad ? RED : GREEN, Color.WHITE,
                    s.evidence().getFileName() + ": " + (bad ? errors + " page finding(s) of severity error or worse" : "no damaged page found"),
                    String.format(Locale.ROOT, "%,d pages examined (%s): %,d carry a page checksum (%,d verify, %,d do not), %,d torn-page bits "
                            + "(%,d whole, %,d torn), %,d no protection, %,d never used.", k.total(), s.fileKind(), k.checksumProtected(),
                            k.checksumOk(), k.checksumBad(), k.tornProtected(), k.tornOk(), k.torn(), k.unprotected(), k.empty()));
        }
        for (String p : c.problems()) {
            pdf.box(ORANGE, Color.WHITE, "Not examined", p);
        }
        List<String[]> rows = new ArrayList<>();
        for (Severity s : Severity.values()) {
            rows.add(new String[] { s.id(), String.format(Locale.ROOT, "%,d", c.findings().count(s)) });
        }
        pdf.space(4);
        pdf.table(new float[] { 120, 100 }, new String[] { "Severity", "Findings" }, rows, null, 9);
    }

    private static Color colour(HekatonVerdict.Verdict v) {
        return switch (v) {
            case OK -> GREEN;
            case CRITICAL -> RED;
            case EXPECTED -> BLUE;
            case CANNOT_TELL -> ORANGE;
        };
    }

    private static void evidence(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Evidence", 14);
        pdf.paragraph(pdf.regular, 8.5f, GREY, "Every file was opened read-only. SHA-256 computed at report time"
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
            colours.add(e.changedSinceOpened() ? PINK : null);
        }
        pdf.table(new float[] { 120, 76, 52, 255 }, new String[] { "Path", "What it is", "Bytes", "SHA-256" }, rows, colours, 6.5f);
    }

    /** Rows of a container's file table at most. */
    static final int MAX_CONTAINER_ROWS = 300;

    private static void containers(PdfCanvas pdf, Case c) throws IOException {
        for (Map.Entry<Path, pagelens.core.xtp.XtpContainer.Scan> e : c.containers().entrySet()) {
            pagelens.core.xtp.XtpContainer.Scan s = e.getValue();
            pdf.heading("In-Memory OLTP container " + e.getKey().getFileName(), 14);
            long used = s.files().stream().mapToLong(f -> f.walk().dataEnd()).sum();
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT, "%s: %d checkpoint files, %,d bytes on disk, %,d bytes used "
                    + "by blocks " + pagelens.core.Evidence.EMPIRICAL.tag() + ", %,d blocks, %,d rows.", s.layout().label(), s.files().size(), s.totalSize(), used,
                    s.files().stream().mapToInt(f -> f.walk().blocks().size()).sum(), s.files().stream().mapToInt(f -> f.walk().rows()).sum()));
            pdf.paragraph(pdf.regular, 9, !s.checksumsVerified() ? RED : Color.BLACK, "Block checksums: " + s.checksums() + ".");
            pdf.paragraph(pdf.regular, 8.5f, GREY, "File types are inferred from block sizes; types, states, pairs and the memory estimate need "
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
                colours.add(w.findings().stream().anyMatch(x -> x.severity().atLeast(pagelens.core.findings.Severity.ERROR)) ? PINK : null);
            }
            pdf.table(new float[] { 190, 62, 40, 50, 62, 99 }, new String[] { "File", "Bytes", "Blocks", "Rows", "Used", "Looks like [inferred]" },
                    rows, colours, 6.5f);
        }
    }

    private static void bootPages(PdfCanvas pdf, Case c) throws IOException {
        for (Map.Entry<Path, BootPage> e : c.bootPages().entrySet()) {
            BootPage b = e.getValue();
            HekatonVerdict h = b.hekaton();
            pdf.heading("Boot page of " + e.getKey().getFileName(), 14);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT,
                    "Database %s, dbid %s, dbi_version %d (created as %d), record %d bytes; %s. Layout: %s", b.databaseName(), b.value("dbi_dbid"),
                    b.dbiVersion(), b.createVersion(), b.recordLength(), b.checksumNote(), b.layoutNote()));
            pdf.space(4);
            pdf.box(colour(h.verdict()), Color.WHITE, h.verdict().name().replace('_', ' ') + ": " + h.headline(),
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
                colours.add(h.nonZeroOffsets().isEmpty() ? YELLOW : PINK);
            }
            for (BootField f : b.fields()) {
                boolean hk = f.def().isHekaton() || f.offset() >= h.regionStart() && f.offset() < h.regionEnd();
                rows.add(new String[] { String.format("P+0x%03X", f.offset()), String.valueOf(f.size()), f.name(),
                        f.def().type().equals("bytes") ? "\u0000" + f.value() : f.value(), f.def().evidence().tag() });
                colours.add(f.def().isHekaton() && !f.isZero() ? PINK : hk ? YELLOW : null);
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

    private static void comparison(PdfCanvas pdf, Case c) throws IOException {
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
            colours.add(d.hekaton() ? PINK : null);
        }
        pdf.table(new float[] { 52, 171, 140, 140 }, new String[] { "Offset", "Field", cmp.first().getFileName().toString(),
                cmp.second().getFileName().toString() }, rows, colours, 7.5f);
    }

    private static void findings(PdfCanvas pdf, Case c) throws IOException {
        pdf.heading("Findings", 14);
        Map<String, Long> byRule = c.findings().countsByRule();
        if (byRule.isEmpty()) {
            pdf.paragraph(pdf.regular, 9, Color.BLACK, "No findings.");
            return;
        }
        pdf.paragraph(pdf.regular, 8.5f, GREY, "Grouped by rule. Each rule lists its first " + ROWS_PER_RULE + " findings and counts the rest; "
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
            for (int i = 0; i < list.size() && i < ROWS_PER_RULE; i++) {
                Finding f = list.get(i);
                rows.add(new String[] { f.ruleId(), f.severity().id(), f.location().evidence().getFileName() + " " + f.location().describe(),
                        f.title() });
                colours.add(f.severity().atLeast(Severity.ERROR) ? new Color(0xFF, 0xEB, 0xEE) : null);
            }
            pdf.table(new float[] { 105, 45, 110, 243 }, new String[] { "Rule", "Severity", "Location", "Title" }, rows, colours, 7.5f);
            if (n > Math.min(list.size(), ROWS_PER_RULE)) {
                pdf.paragraph(pdf.regular, 8.5f, GREY, String.format(Locale.ROOT, "... and %,d more finding(s) of %s, listed in the JSON report.",
                        n - Math.min(list.size(), ROWS_PER_RULE), rule.id()));
            }
            for (int i = 0; i < list.size() && i < DETAILS_PER_RULE; i++) {
                if (list.get(i).severity().atLeast(Severity.WARNING)) {
                    excerpt(pdf, c, list.get(i));
                }
            }
        }
    }

    /** The bytes of a finding, highlighted, read through the examined evidence (in the location's offset space). */
    private static void excerpt(PdfCanvas pdf, Case c, Finding f) throws IOException {
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
        pdf.paragraph(pdf.regular, 8, GREY, loc.pageId() >= 0
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
                pdf.text(pdf.mono, size, GREY, PdfCanvas.MARGIN, base, "      ...");
            } else {
                pdf.text(pdf.mono, size, GREY, PdfCanvas.MARGIN, base, String.format("%04X", r * 16));
                for (int i = 0; i < 16 && r * 16 + i < page.length; i++) {
                    int o = r * 16 + i;
                    float x = PdfCanvas.MARGIN + 34 + i * cw;
                    boolean hi = o >= start && o < end;
                    if (hi) {
                        pdf.rect(x - 1, base + size, cw - 1.5f, size + 2.5f, new Color(0xFF, 0xD5, 0x4F));
                    }
                    pdf.text(pdf.mono, size, hi ? Color.BLACK : GREY, x, base, String.format("%02X", page[o] & 0xFF));
                }
            }
            pdf.space(10);
        }
        pdf.space(4);
    }

    private static void pageMaps(PdfCanvas pdf, Case c) throws IOException {
        if (!c.scans().isEmpty()) {
            pdf.newPage();
        }
        for (ScanResult s : c.scans().values()) {
            PageStatus st = s.status();
            if (st == null || st.pages() == 0) {
                continue;
            }
            int cols = st.pages() <= 1024 ? 32 : st.pages() <= 8192 ? 64 : 128;
            float cell = PdfCanvas.TEXT_WIDTH / cols;
            int maxRows = (int) ((PdfCanvas.TOP - PdfCanvas.BOTTOM - 90) / cell);
            long perCell = Math.max(1, (st.pages() + (long) cols * maxRows - 1) / ((long) cols * maxRows));
            long cells = (st.pages() + perCell - 1) / perCell;
            float mapHeight = ((cells + cols - 1) / cols) * cell;
            pdf.need(mapHeight + 70);
            pdf.heading("Page map of " + s.evidence().getFileName(), 14);
            pdf.paragraph(pdf.regular, 8.5f, GREY, String.format(Locale.ROOT, "%,d pages, one cell per %s, %d cells to a row (the worst page of a cell "
                    + "gives its colour). Green: checksum verifies; teal: torn-page bits whole; blue: no protection; grey: never used; orange: "
                    + "warning; red: damaged.", st.pages(), perCell == 1 ? "page" : perCell + " pages", cols));
            float top = pdf.y() - 4;
            for (long i = 0; i < cells; i++) {
                byte w = st.worst(i * perCell, (i + 1) * perCell);
                float x = PdfCanvas.MARGIN + (i % cols) * cell;
                float yy = top - (i / cols) * cell;
                pdf.rect(x, yy, cell - 0.4f, cell - 0.4f, statusColour(w));
            }
            pdf.space(4 + mapHeight + 8);
        }
    }

    static Color statusColour(byte s) {
        return switch (s) {
            case PageStatus.CHECKSUM_OK -> new Color(0x66, 0xBB, 0x6A);
            case PageStatus.TORN_OK -> new Color(0x26, 0xA6, 0x9A);
            case PageStatus.UNPROTECTED -> new Color(0x64, 0x95, 0xED);
            case PageStatus.WARNING -> new Color(0xFF, 0xA7, 0x26);
            case PageStatus.DAMAGED -> new Color(0xE5, 0x39, 0x35);
            default -> new Color(0xE0, 0xE0, 0xE0);
        };
    }

    private static void appendix(PdfCanvas pdf) throws IOException {
        pdf.newPage();
        pdf.heading("Appendix: rules", 14);
        List<String[]> rows = new ArrayList<>();
        for (Rule r : Rules.all()) {
            rows.add(new String[] { r.id(), r.severity().id(), r.title() + ": " + r.explanation() });
        }
        pdf.table(new float[] { 120, 50, 333 }, new String[] { "Rule", "Severity", "Meaning" }, rows, null, 7.5f);
        pdf.heading("Appendix: evidence levels", 14);
        List<String[]> ev = new ArrayList<>();
        for (Evidence e : Evidence.values()) {
            ev.add(new String[] { e.tag(), e.meaning() });
        }
        pdf.table(new float[] { 90, 413 }, new String[] { "Level", "Meaning" }, ev, null, 8);
        pdf.paragraph(pdf.regular, 8.5f, GREY, "Format facts and their sources: docs/formats.md of the PageLens project. Generated by PageLens "
                + Version.VERSION + ".");
    }
}

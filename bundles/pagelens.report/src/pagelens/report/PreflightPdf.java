package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import pagelens.core.Version;
import pagelens.core.preflight.Preflight;
import pagelens.core.preflight.Target;

/**
 * The migration preflight as a PDF for a change ticket: the target and the counts, one table of every database (the
 * failing ones first), then one section per failing or warning database with every rule, its outcome, the values read and
 * the row of mi-restore-rules.md it implements.
 */
public final class PreflightPdf {
    private PreflightPdf() {
    }

    private static int rank(Preflight.Row r) {
        return switch (r.verdict()) {
            case FAIL -> 0;
            case WARN -> 1;
            default -> 2;
        };
    }

    public static void write(Target target, List<Preflight.Row> rows, List<Path> evidence, Path out) throws IOException {
        ReportTarget.check(out, evidence);
        List<Preflight.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(PreflightPdf::rank).thenComparing(r -> String.valueOf(r.path())));
        long fail = rows.stream().filter(r -> r.verdict() == Preflight.Outcome.FAIL).count();
        long warn = rows.stream().filter(r -> r.verdict() == Preflight.Outcome.WARN).count();
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.heading("Migration preflight: " + target.label(), 16);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, String.format(Locale.ROOT, "%d database(s): %d fail, %d pass with warnings, %d pass. The target "
                    + "restores database versions up to %d %s (%s). Rules and their sources: docs/rules.md, \"Migration preflight rules\"; "
                    + "a rule the file cannot show is listed as not checked, never as passed.", rows.size(), fail, warn, rows.size() - fail - warn,
                    target.maxVersion(), target.evidence().tag(), target.source()));
            pdf.space(4);
            List<String[]> table = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            for (Preflight.Row r : sorted) {
                table.add(new String[] { r.verdict().name(), r.database() == null ? "?" : r.database(), r.path() == null ? "?" : (r.path().getParent() == null ? "" : r.path().getParent().getFileName() + "/") + r.path().getFileName(),
                    r.databaseVersion() == null ? "?" : r.databaseVersion().toString(), r.error() != null ? "cannot be checked: " + r.error()
                            : String.join(", ", r.failing().stream().map(Preflight.Check::rule).toList()) });
                colours.add(r.verdict() == Preflight.Outcome.FAIL ? new Color(0xFF, 0xEB, 0xEE) : r.verdict() == Preflight.Outcome.WARN
                        ? PdfColours.YELLOW : null);
            }
            pdf.table(new float[] { 40, 110, 120, 45, 188 }, new String[] { "Verdict", "Database", "File", "Version", "Failing rules" }, table, colours, 7.5f);
            for (Preflight.Row r : sorted) {
                if (r.verdict() == Preflight.Outcome.PASS) {
                    continue;
                }
                pdf.heading((r.database() == null ? "?" : r.database()) + " - " + r.verdict().name(), 11);
                pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.valueOf(r.path()) + (r.serverVersion() == null ? "" : ", SQL Server "
                        + r.serverVersion()) + (r.hekaton() == null ? "" : ", In-Memory OLTP " + r.hekaton()) + (r.filegroup() == null ? ""
                                : "; " + r.filegroup()));
                if (r.error() != null) {
                    pdf.paragraph(pdf.bold, 9, PdfColours.RED, "Cannot be checked: " + r.error());
                    continue;
                }
                List<String[]> checks = new ArrayList<>();
                List<Color> cc = new ArrayList<>();
                for (Preflight.Check c : r.checks()) {
                    checks.add(new String[] { c.rule(), c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.detail(), c.source() });
                    cc.add(c.outcome() == Preflight.Outcome.FAIL ? new Color(0xFF, 0xEB, 0xEE) : c.outcome() == Preflight.Outcome.WARN ? PdfColours.YELLOW
                            : null);
                }
                pdf.table(new float[] { 140, 55, 268, 40 }, new String[] { "Rule", "Outcome", "Detail", "Source" }, checks, cc, 7.5f);
            }
            pdf.decorate("Migration preflight  |  " + target.label() + "  |  PageLens " + Version.VERSION);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                pdf.doc.save(os);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

package pagelens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import pagelens.core.Version;
import pagelens.core.cases.Case;
import pagelens.core.cases.EvidenceEntry;

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

    private PdfReport() {
    }

    public static void write(Case c, Path out) throws IOException {
        ReportTarget.check(out, c.evidence().stream().map(EvidenceEntry::path).toList());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (PdfCanvas pdf = new PdfCanvas()) {
            // one class per section, in the order a reader needs them: verdicts first
            TitleSection.title(pdf, c);
            VerdictsSection.summary(pdf, c);
            EvidenceSection.evidence(pdf, c);
            BootPagesSection.bootPages(pdf, c);
            ContainersSection.containers(pdf, c);
            LogSection.logs(pdf, c);
            ComparisonSection.comparison(pdf, c);
            ObjectsSection.objects(pdf, c);
            FindingsSection.findings(pdf, c);
            PageMapsSection.pageMaps(pdf, c);
            AppendixSection.appendix(pdf);
            pdf.decorate(c.info().title() + (c.info().ticketId().isBlank() ? "" : "  |  ticket " + c.info().ticketId()) + "  |  PageLens "
                    + Version.VERSION);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                pdf.doc.save(os);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

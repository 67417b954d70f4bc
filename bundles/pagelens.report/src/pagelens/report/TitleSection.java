package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

import pagelens.core.Version;
import pagelens.core.cases.Case;

/** The PDF title: case title, ticket, analyst, organisation, date, notes. */
final class TitleSection {
    private TitleSection() {
    }

    static void title(PdfCanvas pdf, Case c) throws IOException {
        pdf.paragraph(pdf.bold, 20, Color.BLACK, c.info().title());
        pdf.space(4);
        String meta = "Ticket: " + orNot(c.info().ticketId()) + "    Analyst: " + orNot(c.info().analyst()) + "    Organisation: "
                + orNot(c.info().organisation()) + "\nDate: " + c.info().date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + "    Report by PageLens " + Version.VERSION + ", a read-only forensic viewer for SQL Server files.";
        pdf.paragraph(pdf.regular, 9, PdfColours.GREY, meta);
        if (!c.info().notes().isBlank()) {
            pdf.space(4);
            pdf.paragraph(pdf.regular, 9, Color.BLACK, "Notes: " + c.info().notes());
        }
    }

    static String orNot(String s) {
        return s == null || s.isBlank() ? "not given" : s;
    }
}

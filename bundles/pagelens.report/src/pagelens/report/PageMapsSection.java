package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.util.Locale;

import pagelens.core.cases.Case;
import pagelens.core.page.Page;
import pagelens.core.scan.PageStatus;
import pagelens.core.scan.ScanResult;

/** The PDF page maps: one cell per page (or group of pages) coloured by its health. */
final class PageMapsSection {
    private PageMapsSection() {
    }

    static void pageMaps(PdfCanvas pdf, Case c) throws IOException {
        // a map for each file whose pages have a position (data and log files; a backup's pages have none)
        if (c.scans().values().stream().anyMatch(s -> s.status() != null && s.status().pages() > 0)) {
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
            pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.format(Locale.ROOT, "%,d pages, one cell per %s, %d cells to a row (the worst page of a cell "
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
}

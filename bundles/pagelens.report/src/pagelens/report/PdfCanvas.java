package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small flowing-layout writer on PDFBox: text that wraps, tables, coloured boxes, page breaks, and a
 * header and page numbers on every page. Every string is drawn with embedded fonts; characters a font
 * lacks become '?' instead of failing.
 */
final class PdfCanvas implements AutoCloseable {
    static final float MARGIN = 46;
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float TOP = HEIGHT - MARGIN - 18;
    static final float BOTTOM = MARGIN + 16;
    static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;

    final PDDocument doc;
    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font mono;
    private PDPageContentStream cs;
    private float y;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();

    PdfCanvas() throws IOException {
        doc = new PDDocument();
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
        mono = load("DejaVuSansMono.ttf");
        newPage();
    }

    private PDType0Font load(String name) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IOException("font " + name + " missing from pagelens.report");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        cs = new PDPageContentStream(doc, p);
        y = TOP;
    }

    float y() {
        return y;
    }

    /** Starts a new page when fewer than {@code h} points are left. */
    void need(float h) throws IOException {
        if (y - h < BOTTOM) {
            newPage();
        }
    }

    void space(float h) {
        y -= h;
    }

    /** The string with every character the font cannot draw replaced by '?'. */
    String safe(PDType0Font f, String s) {
        if (s == null) {
            return "";
        }
        Map<Integer, Boolean> cache = glyphs.computeIfAbsent(f, k -> new HashMap<>());
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
                return;
            }
            boolean ok = cache.computeIfAbsent(cp, c -> {
                try {
                    f.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            sb.appendCodePoint(ok ? cp : '?');
        });
        return sb.toString();
    }

    float width(PDType0Font f, float size, String s) throws IOException {
        return f.getStringWidth(safe(f, s)) / 1000f * size;
    }

    /** Splits text into lines no wider than {@code w}. */
    List<String> wrap(PDType0Font f, float size, String text, float w) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : safe(f, text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String cand = line.length() == 0 ? word : line + " " + word;
                if (width(f, size, cand) <= w) {
                    line.setLength(0);
                    line.append(cand);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word longer than the line: cut it
                String rest = word;
                while (width(f, size, rest) > w && rest.length() > 1) {
                    int n = rest.length();
                    while (n > 1 && width(f, size, rest.substring(0, n)) > w) {
                        n--;
                    }
                    lines.add(rest.substring(0, n));
                    rest = rest.substring(n);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    void text(PDType0Font f, float size, Color c, float x, float baseline, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.setNonStrokingColor(c);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(f, s));
        cs.endText();
    }

    void rect(float x, float top, float w, float h, Color fill) throws IOException {
        cs.setNonStrokingColor(fill);
        cs.addRect(x, top - h, w, h);
        cs.fill();
    }

    /** A wrapped paragraph. */
    void paragraph(PDType0Font f, float size, Color c, String text) throws IOException {
        paragraph(f, size, c, text, MARGIN, TEXT_WIDTH);
    }

    void paragraph(PDType0Font f, float size, Color c, String text, float x, float w) throws IOException {
        float lh = size * 1.3f;
        for (String line : wrap(f, size, text, w)) {
            need(lh);
            text(f, size, c, x, y - size, line);
            y -= lh;
        }
    }

    void heading(String text, float size) throws IOException {
        need(size * 3);
        y -= size * 0.6f;
        paragraph(bold, size, Color.BLACK, text);
        y -= size * 0.3f;
    }

    /** A box with a coloured background holding a bold headline and wrapped text, kept on one page when it fits. */
    void box(Color bg, Color fg, String headline, String body) throws IOException {
        float pad = 6;
        List<String> h = wrap(bold, 10.5f, headline, TEXT_WIDTH - 2 * pad);
        List<String> b = wrap(regular, 8.5f, body, TEXT_WIDTH - 2 * pad);
        float height = h.size() * 13.6f + b.size() * 11f + 2 * pad + 2;
        need(Math.min(height, TOP - BOTTOM));
        rect(MARGIN, y, TEXT_WIDTH, Math.min(height, y - BOTTOM), bg);
        y -= pad;
        for (String l : h) {
            text(bold, 10.5f, fg, MARGIN + pad, y - 10.5f, l);
            y -= 13.6f;
        }
        for (String l : b) {
            if (y - 11 < BOTTOM) {
                newPage();
                rect(MARGIN, y, TEXT_WIDTH, 11 * 4, bg);
            }
            text(regular, 8.5f, fg, MARGIN + pad, y - 8.5f, l);
            y -= 11f;
        }
        y -= pad + 4;
    }

    /**
     * A table: column widths in points, a header row, rows of cells; {@code rowColours} gives each row's
     * background (null = none). Cells wrap; rows never split across pages.
     */
    void table(float[] widths, String[] header, List<String[]> rows, List<Color> rowColours, float size) throws IOException {
        float pad = 2.5f;
        float lh = size * 1.25f;
        Runnable[] drawHeader = new Runnable[1];
        drawHeader[0] = () -> {
            try {
                float h = lh + 2 * pad;
                rect(MARGIN, y, sum(widths), h, new Color(0xE0, 0xE4, 0xEA));
                float x = MARGIN;
                for (int i = 0; i < header.length; i++) {
                    text(bold, size, Color.BLACK, x + pad, y - pad - size, header[i]);
                    x += widths[i];
                }
                y -= h;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        need(3 * (lh + 2 * pad));
        drawHeader[0].run();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                PDType0Font f = i < row.length && row[i] != null && row[i].startsWith("\u0000") ? mono : regular;
                String t = i < row.length && row[i] != null ? row[i].replace("\u0000", "") : "";
                List<String> w = wrap(f, size, t, widths[i] - 2 * pad);
                cells.add(w);
                lines = Math.max(lines, w.size());
            }
            float h = lines * lh + 2 * pad;
            if (y - h < BOTTOM) {
                newPage();
                drawHeader[0].run();
            }
            Color bg = rowColours != null && r < rowColours.size() ? rowColours.get(r) : null;
            if (bg != null) {
                rect(MARGIN, y, sum(widths), h, bg);
            }
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                PDType0Font f = i < row.length && row[i] != null && row[i].startsWith("\u0000") ? mono : regular;
                float ty = y - pad - size;
                for (String l : cells.get(i)) {
                    text(f, size, Color.BLACK, x + pad, ty, l);
                    ty -= lh;
                }
                x += widths[i];
            }
            y -= h;
            cs.setStrokingColor(new Color(0xD0, 0xD4, 0xDA));
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + sum(widths), y);
            cs.stroke();
        }
        y -= 6;
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float x : w) {
            s += x;
        }
        return s;
    }

    /** Header (title, ticket) and "page n of m" on every page; call once before saving. */
    void decorate(String header) throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream c = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                c.beginText();
                c.setFont(regular, 8);
                c.setNonStrokingColor(new Color(0x55, 0x55, 0x55));
                c.newLineAtOffset(MARGIN, HEIGHT - MARGIN + 6);
                c.showText(safe(regular, header));
                c.endText();
                String num = "page " + (i + 1) + " of " + n;
                c.beginText();
                c.setFont(regular, 8);
                c.newLineAtOffset(WIDTH - MARGIN - regular.getStringWidth(num) / 1000f * 8, MARGIN - 4);
                c.showText(num);
                c.endText();
                c.setStrokingColor(new Color(0xBB, 0xBB, 0xBB));
                c.moveTo(MARGIN, HEIGHT - MARGIN + 2);
                c.lineTo(WIDTH - MARGIN, HEIGHT - MARGIN + 2);
                c.stroke();
            }
        }
    }

    PDPageContentStream content() {
        return cs;
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        doc.close();
    }
}

package pagelens.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.cases.Case;
import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Ownership;
import pagelens.core.exam.Examination;
import pagelens.core.rows.RowsAtRisk;

/**
 * The PDF's damage by object: for each database examined, the owners of damaged pages (object, index, partition and unit,
 * pages, damaged pages, the first damaged page), damage to the system catalog itself first, then the largest owners.
 */
final class ObjectsSection {
    /** Owners listed per database when none is damaged. */
    static final int LARGEST = 8;
    /** Keys shown per damaged page. */
    static final int FIRST_KEYS = 3;
    /** Damaged table pages described at most (the JSON report and the PDF). */
    static final int RISK_PAGES = 50;

    private ObjectsSection() {
    }

    static void objects(PdfCanvas pdf, Case c) throws IOException {
        List<Examination> dbs = c.examinations().stream().filter(e -> e.ownership() != null).toList();
        if (dbs.isEmpty()) {
            return;
        }
        pdf.heading("Damage by object", 14);
        pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "Owners of pages as the database's own system catalog names them (read from the evidence, "
                + "no server): schema.table, index, partition and allocation unit type, as DBCC CHECKDB names them. Pages are counted by the "
                + "owner their header names; damaged pages are those with an error finding.");
        for (Examination e : dbs) {
            Ownership o = e.ownership();
            Catalog cat = e.catalog();
            pdf.heading(e.path().getFileName().toString(), 11);
            long damagedOwners = o.groups().stream().filter(g -> g.damaged() > 0).count();
            pdf.paragraph(pdf.regular, 8.5f, Color.BLACK, String.format(Locale.ROOT,
                    "%d user table(s); %d owner(s) of pages, %d with damaged pages. %s", cat.userTables().size(), o.groups().size(), damagedOwners,
                    o.checked() ? "Allocation checked against the IAM chains." : "Allocation not checked: the system catalog is incomplete."));
            boolean catalogDamage = o.groups().stream().anyMatch(g -> g.damaged() > 0 && g.owner().systemCatalog());
            if (catalogDamage) {
                pdf.paragraph(pdf.bold, 9, PdfColours.RED, "The system catalog itself is damaged: SQL Server may not attach or start this database.");
            }
            List<String[]> rows = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            int shown = 0;
            for (Ownership.Group g : o.groups()) {
                if (g.damaged() == 0 && (damagedOwners > 0 || shown >= LARGEST)) {
                    continue;
                }
                shown++;
                rows.add(new String[] { OwnerText.object(g.owner()) + (g.owner().systemCatalog() ? " (system catalog)" : ""), index(g),
                    String.format(Locale.ROOT, "%,d", g.pages()), String.format(Locale.ROOT, "%,d", g.damaged()),
                    g.firstDamaged() == null ? "" : g.firstDamaged().toString() });
                colours.add(g.damaged() > 0 ? new Color(0xFF, 0xEB, 0xEE) : null);
            }
            pdf.table(new float[] { 165, 150, 50, 50, 88 }, new String[] { "Object", "Index, partition, unit", "Pages", "Damaged", "First damaged" }, rows,
                    colours, 7.5f);
            if (damagedOwners == 0 && o.groups().size() > LARGEST) {
                pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.format(Locale.ROOT, "No damaged pages; the %d largest of %d owners are listed "
                        + "('pagelens objects' lists all).", LARGEST, o.groups().size()));
            }
            rowsAtRisk(pdf, e);
        }
    }

    private static String index(Ownership.Group g) {
        return (g.owner().objectId() == 0 ? "" : OwnerText.index(g.owner())) + (g.owner().partition() > 1 ? ", partition " + g.owner().partition() : "");
    }

    /** Per damaged page of a user table: the rows still decoded and the keys of the first few, or the rows lost. */
    private static void rowsAtRisk(PdfCanvas pdf, Examination e) throws IOException {
        RowsAtRisk.Result risk = RowsAtRisk.of(e, FIRST_KEYS, RISK_PAGES);
        List<RowsAtRisk.Page> pages = risk.pages();
        if (pages.isEmpty()) {
            return;
        }
        pdf.heading("Rows at risk", 10);
        pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, "Rows on the damaged pages of user tables, decoded from the evidence where the bytes "
                + "still allow it (their values may be wrong: check them against a good copy), with the key of the first " + FIRST_KEYS
                + "; where no row could be decoded, the rows the page's slot count says it held.");
        List<String[]> rows = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (RowsAtRisk.Page p : pages) {
            List<String> keys = new ArrayList<>();
            for (Object[] k : p.firstKeys()) {
                List<String> parts = new ArrayList<>();
                for (Object v : k) {
                    String t = ValueText.text(v);
                    parts.add(t == null ? "NULL" : t);
                }
                keys.add(String.join(", ", parts));
            }
            String rowsText = p.rows() > 0 ? String.format(Locale.ROOT, "%,d decoded", p.rows())
                    : p.lostRows() >= 0 ? String.format(Locale.ROOT, "%,d lost (slot count)", p.lostRows()) : "lost (no header)";
            rows.add(new String[] { p.page().toString(), OwnerText.brief(p.owner()), rowsText,
                keys.isEmpty() ? "" : "(" + String.join(", ", p.keyColumns()) + ") = " + String.join("; ", keys) + (p.rows() > keys.size() ? "; ..." : ""),
                p.reason() });
            colours.add(p.rows() == 0 ? new Color(0xFF, 0xEB, 0xEE) : null);
        }
        pdf.table(new float[] { 45, 120, 70, 150, 118 }, new String[] { "Page", "Table", "Rows", "First keys", "Finding" }, rows, colours, 7f);
        if (risk.total() > pages.size()) {
            pdf.paragraph(pdf.regular, 8.5f, PdfColours.GREY, String.format(Locale.ROOT, "The first %d of %,d damaged pages of user tables are listed "
                    + "('pagelens rows EVIDENCE TABLE --csv OUT' exports every row that can be read, with the lost pages in its summary).",
                    pages.size(), risk.total()));
        }
    }
}

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

/**
 * The PDF's damage by object: for each database examined, the owners of damaged pages (object, index, partition and unit,
 * pages, damaged pages, the first damaged page), damage to the system catalog itself first, then the largest owners.
 */
final class ObjectsSection {
    /** Owners listed per database when none is damaged. */
    static final int LARGEST = 8;

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
        }
    }

    private static String index(Ownership.Group g) {
        String brief = OwnerText.brief(g.owner());
        int open = brief.indexOf(" (");
        String ix = open >= 0 ? brief.substring(open + 2, brief.length() - 1) : "";
        return ix + (g.owner().partition() > 1 ? ", partition " + g.owner().partition() : "");
    }
}

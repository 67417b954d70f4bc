package pagelens.ui.base;

import org.eclipse.swt.graphics.RGB;

import pagelens.core.page.Regions;
import pagelens.core.scan.PageStatus;

/**
 * The workbench's one palette: how typed core facts (byte regions, page health) are coloured. Core carries no colours;
 * every view and editor takes them from here. (The PDF report has its own print palette with the same hues.)
 */
public final class Palette {
    private Palette() {
    }

    /** Header bytes (also the page headers the hex editor tints). */
    public static RGB header(boolean highContrast) {
        return highContrast ? new RGB(0x9E, 0xC5, 0xFF) : new RGB(0xDD, 0xEB, 0xFF);
    }

    /** The background of a byte region; records alternate two shades by their ordinal. Null: no tint. */
    public static RGB region(Regions.Kind kind, int recordOrdinal, boolean highContrast) {
        return switch (kind) {
            case HEADER -> header(highContrast);
            case RECORD -> recordOrdinal % 2 == 0 ? (highContrast ? new RGB(0xA5, 0xDE, 0x9F) : new RGB(0xE3, 0xF5, 0xE1))
                    : (highContrast ? new RGB(0xFF, 0xE0, 0x66) : new RGB(0xFF, 0xF6, 0xD5));
            case SLOT_ARRAY -> highContrast ? new RGB(0xD1, 0xA8, 0xF5) : new RGB(0xEE, 0xE0, 0xFA);
            case TORN_BITS -> highContrast ? new RGB(0xFF, 0x9A, 0x2E) : new RGB(0xFF, 0xC8, 0x8A);
            case FREE_SPACE, OTHER -> null;
        };
    }

    /** The style label of a region for the hex grid's config registry (records alternate by ordinal). */
    public static String regionLabel(Regions.Kind kind, int recordOrdinal) {
        return kind == Regions.Kind.RECORD ? (recordOrdinal % 2 == 0 ? "RECORD_EVEN" : "RECORD_ODD") : kind.name();
    }

    /** Page health (page map, explorer): green verified, teal torn bits whole, blue unprotected, grey never used, orange, red. */
    public static RGB health(byte status) {
        return switch (status) {
            case PageStatus.CHECKSUM_OK -> new RGB(0x66, 0xBB, 0x6A);
            case PageStatus.TORN_OK -> new RGB(0x26, 0xA6, 0x9A);
            case PageStatus.UNPROTECTED -> new RGB(0x64, 0x95, 0xED);
            case PageStatus.WARNING -> new RGB(0xFF, 0xA7, 0x26);
            case PageStatus.DAMAGED -> new RGB(0xE5, 0x39, 0x35);
            default -> new RGB(0xE0, 0xE0, 0xE0);
        };
    }

    /** Colours of the largest owners in the page map's owner mode (a qualitative palette, distinct from the health colours). */
    public static final int OWNER_COLOURS = 8;

    /**
     * The colour of owner {@code i} (0 = the largest) in the page map; {@code OWNER_COLOURS} = every other owner, -1 = no owner
     * (allocation maps, boot page, unformatted pages).
     */
    public static RGB owner(int i) {
        return switch (i) {
            case 0 -> new RGB(0x1F, 0x77, 0xB4);
            case 1 -> new RGB(0xFF, 0x7F, 0x0E);
            case 2 -> new RGB(0x2C, 0xA0, 0x2C);
            case 3 -> new RGB(0x94, 0x67, 0xBD);
            case 4 -> new RGB(0x8C, 0x56, 0x4B);
            case 5 -> new RGB(0xE3, 0x77, 0xC2);
            case 6 -> new RGB(0xBC, 0xBD, 0x22);
            case 7 -> new RGB(0x17, 0xBE, 0xCF);
            case OWNER_COLOURS -> new RGB(0x9E, 0x9E, 0x9E);
            default -> new RGB(0xEE, 0xEE, 0xEE);
        };
    }

    /** The background of a table row read from a damaged page: the damaged hue, lightened so the text stays readable. */
    public static RGB damagedRow() {
        RGB c = health(PageStatus.DAMAGED);
        return new RGB(c.red + (255 - c.red) * 2 / 3, c.green + (255 - c.green) * 2 / 3, c.blue + (255 - c.blue) * 2 / 3);
    }

    /** The background of a deleted (ghost) row. */
    public static RGB deletedRow() {
        return new RGB(0xE0, 0xE0, 0xE0);
    }

    /** The background of a preflight row by its verdict. */
    public static RGB verdict(pagelens.core.preflight.Preflight.Outcome o) {
        return switch (o) {
            case PASS -> new RGB(0xE3, 0xF5, 0xE1);
            case WARN -> new RGB(0xFF, 0xF3, 0xC4);
            case FAIL -> new RGB(0xFF, 0xCD, 0xD2);
            case NOT_CHECKED -> new RGB(0xEE, 0xEE, 0xEE);
        };
    }
}

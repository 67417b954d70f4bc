package pagelens.report;

import java.awt.Color;

import pagelens.core.boot.HekatonVerdict;

/** The report's print palette (the workbench has its own in pagelens.ui.base.Palette, with the same hues). */
final class PdfColours {
    private PdfColours() {
    }

    static final Color RED = new Color(0xC6, 0x28, 0x28);
    static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
    static final Color BLUE = new Color(0x15, 0x65, 0xC0);
    static final Color ORANGE = new Color(0xE6, 0x8A, 0x00);
    static final Color PINK = new Color(0xFF, 0xCD, 0xD2);
    static final Color YELLOW = new Color(0xFF, 0xF3, 0xCD);
    static final Color GREY = new Color(0x44, 0x44, 0x44);
    static final Color LIGHT_GREY = new Color(0xEE, 0xEE, 0xEE);

    /** The colour of a Hekaton verdict. */
    static Color verdict(HekatonVerdict.Verdict v) {
        return switch (v) {
            case OK -> GREEN;
            case CRITICAL -> RED;
            case EXPECTED -> BLUE;
            case CANNOT_TELL -> ORANGE;
        };
    }
}

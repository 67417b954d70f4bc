package pagelens.ui.editors;

import java.util.Locale;

import pagelens.core.page.PageVerification;

/** The page editor's status line: the core verification of the shown page in one line (red when damaged). */
final class PageStatusText {
    private PageStatusText() {
    }

    static String describe(PageVerification v) {
        if (v.allZero()) {
            return "all zero (never written)";
        }
        StringBuilder sb = new StringBuilder(v.header().typeName()).append(" page, m_lsn ").append(v.header().lsn()).append(" | ");
        switch (v.protection()) {
            case CHECKSUM -> sb.append(v.checksumOk() ? "checksum OK" : "CHECKSUM MISMATCH").append(String.format(Locale.ROOT,
                    " (stored 0x%08X, computed 0x%08X)", v.checksumStored(), v.checksumComputed()));
            case TORN -> sb.append(v.torn().ok() ? "torn-page bits OK" : "TORN sectors " + v.torn().tornSectors());
            case NONE -> sb.append("no checksum or torn-page protection");
        }
        if (!v.pageIdMatches()) {
            sb.append(" | PAGE ID MISMATCH: header says ").append(v.header().pageId());
        }
        v.headerProblems().forEach(p -> sb.append(" | ").append(p));
        v.slotProblems().forEach(p -> sb.append(" | ").append(p));
        return sb.toString();
    }
}

package pagelens.ui.base;

import pagelens.core.page.PageType;
import pagelens.core.scan.PageStatus;

/** How the workbench names core's typed facts (core carries no display labels). */
public final class Labels {
    private Labels() {
    }

    /** The name of a page health status. */
    public static String health(int status) {
        return switch (status) {
            case PageStatus.DAMAGED -> "damaged";
            case PageStatus.WARNING -> "warning";
            case PageStatus.UNPROTECTED -> "unprotected";
            case PageStatus.CHECKSUM_OK -> "verified";
            case PageStatus.TORN_OK -> "torn bits whole";
            default -> "never used (zero header)";
        };
    }

    /** The name of a page group: its health, or its page type. */
    public static String group(PageStatus.Group g) {
        return g.isHealth() ? health(g.status()) : "type " + g.pageType() + " (" + PageType.name(g.pageType()) + ")";
    }
}

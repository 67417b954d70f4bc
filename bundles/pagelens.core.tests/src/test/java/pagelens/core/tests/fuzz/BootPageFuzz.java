package pagelens.core.tests.fuzz;

import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.page.PageType;

/** A boot page through every layout: the header is made a boot page's and dbi_version one of the known versions (or not). */
public final class BootPageFuzz {
    private static final BootLayouts LAYOUTS = BootLayouts.builtIn();
    private static final int[] VERSIONS = LAYOUTS.knownVersions().stream().mapToInt(Integer::intValue).toArray();

    private BootPageFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] b = Fuzz.page(data);
        b[0] = 1;
        b[1] = (byte) PageType.BOOT;
        if (data.length > 2 && (data[2] & 3) != 0) {
            int v = VERSIONS[(data[2] & 0xFF) % VERSIONS.length];
            b[0x64] = (byte) v;
            b[0x65] = (byte) (v >> 8);
        }
        XtpFilegroup fg = XtpFilegroup.values()[data.length > 3 ? (data[3] & 0xFF) % XtpFilegroup.values().length : 0];
        try {
            BootPage p = BootPage.decode(b, LAYOUTS, fg, "fuzz");
            p.hekaton();
            p.uncovered();
            p.databaseName();
        } catch (BootPageException e) {
            // not a decodable boot page: said in one line
        }
    }
}

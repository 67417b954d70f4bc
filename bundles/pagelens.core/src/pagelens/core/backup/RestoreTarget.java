package pagelens.core.backup;

import java.util.Locale;

/**
 * Whether a backup of a given database version can be restored on a target server. The highest database version each
 * release restores is its own native version (docs/formats.md 3.2): a backup can be restored on the same or a newer
 * release only.
 */
public final class RestoreTarget {
    private RestoreTarget() {
    }

    /** Release years in order, for choosers. */
    public static final int[] RELEASES = { 2005, 2008, 2012, 2014, 2016, 2017, 2019, 2022 };

    /** Highest database version a release restores; a number that is not a release year is taken as a database version. */
    public static int maxVersionOf(int n) {
        return switch (n) {
            case 2005 -> 612;
            case 2008 -> 655;
            case 2012 -> 706;
            case 2014 -> 782;
            case 2016 -> 852;
            case 2017 -> 869;
            case 2019 -> 904;
            case 2022 -> 957;
            default -> n;
        };
    }

    /** Whether {@code dbVersion} can be restored on {@code target} (a release year or a database version). */
    public static boolean restorable(int dbVersion, int target) {
        return dbVersion <= maxVersionOf(target);
    }

    /** The verdict as one sentence. */
    public static String verdict(int dbVersion, int target) {
        int max = maxVersionOf(target);
        return dbVersion > max
                ? String.format(Locale.ROOT, "this backup is database version %d and cannot be restored on a server that supports up to %d%s", dbVersion,
                        max, target != max ? " (SQL Server " + target + ")" : "")
                : String.format(Locale.ROOT, "database version %d can be restored on a server that supports up to %d%s", dbVersion, max,
                        target != max ? " (SQL Server " + target + ")" : "");
    }
}

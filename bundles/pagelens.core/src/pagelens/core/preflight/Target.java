package pagelens.core.preflight;

import java.util.Locale;

import pagelens.core.Evidence;
import pagelens.core.backup.RestoreTarget;

/**
 * Where a database is to be restored: Azure SQL Managed Instance (General Purpose or Business Critical) or a SQL Server
 * release (or a bare database version), with the highest database version it restores and how sure that number is.
 *
 * @param id          as given on the command line: mi-gp, mi-bc, 2019, 2022, 2025 or a database version
 * @param label       in words
 * @param maxVersion  the highest database version it restores
 * @param managed     Azure SQL Managed Instance
 * @param businessCritical the Business Critical tier (In-Memory OLTP available)
 * @param evidence    how sure {@code maxVersion} is
 * @param source      where it comes from
 */
public record Target(String id, String label, int maxVersion, boolean managed, boolean businessCritical, Evidence evidence, String source) {

    /** Parses mi-gp, mi-bc, a release year (2005 ... 2025) or a database version (500 ... 2000). */
    public static Target parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "mi-gp":
                return new Target(t, "Azure SQL Managed Instance, General Purpose", 957, true, false, Evidence.INFERRED,
                        "mi-restore-rules.md A5/A6: SQL Server 2022 update policy (a 2022 database format, 957); native restore documented for sources 2005 to 2019");
            case "mi-bc":
                return new Target(t, "Azure SQL Managed Instance, Business Critical", 957, true, true, Evidence.INFERRED,
                        "mi-restore-rules.md A5/A6: SQL Server 2022 update policy (a 2022 database format, 957); native restore documented for sources 2005 to 2019");
            case "2025":
                return new Target(t, "SQL Server 2025", 998, false, false, Evidence.INFERRED, "mi-restore-rules.md A4: 998 = 2025 not confirmed");
            default:
                break;
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown target '" + s + "' (use mi-gp, mi-bc, 2019, 2022, 2025 or a database version such as 904)");
        }
        if (n >= 2005 && n <= 2022) {
            return new Target(t, "SQL Server " + n, RestoreTarget.maxVersionOf(n), false, false, Evidence.SRC,
                    "mi-restore-rules.md A4 (internal database versions, community sources)");
        }
        if (n >= 500 && n <= 2000) {
            return new Target(t, "a server of database version " + n, n, false, false, Evidence.USER, "stated by the user");
        }
        throw new IllegalArgumentException("unknown target '" + s + "' (use mi-gp, mi-bc, 2019, 2022, 2025 or a database version such as 904)");
    }
}

package pagelens.core.boot;

import java.util.ArrayList;
import java.util.List;

import pagelens.core.findings.Rules;

/** The restore-readiness judgement on the In-Memory OLTP (Hekaton) part of a boot page. */
final class Hekaton {
    private Hekaton() {
    }

    static final String FIX = "Microsoft support's fix: create a fresh database without a memory-optimized filegroup, check its boot page "
            + "(PageLens: the Hekaton region must be all zero), migrate the data into it (for example BACPAC, bcp or SSIS), check its boot "
            + "page again, then take a new full backup and restore that one.";

    static HekatonVerdict judge(byte[] page, BootLayout l, boolean exact, int version, int recEnd, List<BootField> fields,
            boolean[] coveredByNonHk, BootLayouts layouts, XtpFilegroup fg, String fgSource) {
        List<String> shared = new ArrayList<>(layouts.sharedRegionFields());
        List<BootField> hkFields = fields.stream().filter(f -> f.def().isHekaton()).toList();
        if (version < 782) {
            // no release before SQL Server 2014 (782) has In-Memory OLTP, whatever the layout of this version
            return new HekatonVerdict(HekatonVerdict.Verdict.OK, Rules.BOOT_HEKATON_CLEAR,
                    "No In-Memory OLTP state: dbi_version " + version + " is older than SQL Server 2014 (782), which introduced In-Memory OLTP.",
                    "The boot page of this release has no Dbi_hk* fields, so it cannot carry stale Hekaton state"
                            + (exact ? "." : " (its exact layout is not known, but no release before 782 has the fields)."), "Nothing to do.",
                    -1, -1, hkFields, List.of(), shared, fg, fgSource);
        }
        int rs = l.hasHekatonRegion() ? l.hekatonStart() : -1;
        int re = l.hasHekatonRegion() ? Math.min(l.hekatonEnd(), recEnd) : -1;
        List<Integer> nonZero = new ArrayList<>();
        for (int i = Math.max(0, rs); i < re; i++) {
            boolean explained = coveredByNonHk[i]; // a known field, Hekaton ones included (those are judged by value)
            if (page[i] != 0 && !explained) {
                nonZero.add(i);
            }
        }
        for (BootField f : fields) {
            if (!f.def().isHekaton() && f.offset() < re && f.offset() + f.size() > rs) {
                shared.add(0, f.name() + " at P+0x" + Integer.toHexString(f.offset()).toUpperCase() + " (" + f.def().evidence().tag() + ")");
            }
        }
        boolean hkNonZero = hkFields.stream().anyMatch(f -> !f.isZero());
        String region = rs >= 0 ? String.format("P+0x%X..P+0x%X", rs, re - 1) : "(none)";
        String fgText = switch (fg) {
            case PRESENT -> "the database has a memory-optimized filegroup (" + fgSource + ")";
            case ABSENT -> "the database has no memory-optimized filegroup (" + fgSource + ")";
            case NOT_STATED -> "whether the database has a memory-optimized filegroup was not stated, so PageLens assumes it has none "
                    + "(say so with --xtp-filegroup yes|no, or the toggle in the boot page editor)";
        };
        if (!exact && rs >= 0) {
            // no layout for this version, but the span in which the Dbi_hk* fields can lie is bounded: the nearest layout's
            // region when the record has that layout's length, else everything from where the region starts in every layout
            // since 2014 to the end of the record. All zero there means the fields are zero wherever they lie exactly.
            int recordLength = recEnd - 0x60;
            boolean sameLength = l.recordLength() == recordLength;
            int se = sameLength ? re : recEnd;
            List<Integer> spanNonZero = new ArrayList<>();
            for (int i = rs; i < se; i++) {
                if (page[i] != 0 && !coveredByNonHk[i]) {
                    spanNonZero.add(i);
                }
            }
            String span = String.format("P+0x%X..P+0x%X", rs, se - 1);
            String basis = sameLength
                    ? "the record is " + recordLength + " bytes long, as in the known layout of dbi_version " + l.version() + " (" + l.release()
                            + "), whose Hekaton region is " + span
                    : "the record (" + recordLength + " bytes) has the length of no known layout, so the span is the whole stretch " + span
                            + " from where the Dbi_hk* fields begin in every layout since SQL Server 2014 (the fields before them keep their "
                            + "places) to the end of the record";
            if (spanNonZero.isEmpty() && !hkNonZero) {
                return new HekatonVerdict(HekatonVerdict.Verdict.OK, Rules.BOOT_HEKATON_CLEAR,
                        "The span in which the In-Memory OLTP fields can lie is all zero " + pagelens.core.Evidence.INFERRED.tag()
                                + ": no stale Hekaton state.",
                        "dbi_version " + version + " has no established boot page layout, but " + basis + ". Every byte of that span is "
                                + "zero apart from fields known not to be Hekaton state (placed as in the layout of " + l.version() + "), so the "
                                + "eight Dbi_hk* fields are zero wherever exactly they lie. The span is deduced, not calibrated: "
                                + pagelens.core.Evidence.INFERRED.tag() + ".",
                        "Nothing to do. To make the verdict exact, calibrate this version with 'pagelens calibrate'.", rs, se, hkFields, spanNonZero,
                        shared, fg, fgSource);
            }
            return new HekatonVerdict(HekatonVerdict.Verdict.CANNOT_TELL, Rules.BOOT_LAYOUT_UNKNOWN,
                    "Non-zero bytes where the In-Memory OLTP fields can lie, in a boot page layout PageLens does not know: check with DBCC DBINFO.",
                    "dbi_version " + version + " has no established boot page layout; " + basis + ". " + spanNonZero.size() + " byte(s) of that "
                            + "span are non-zero and no known non-Hekaton field explains them: they may be Dbi_hk* state or a field of this "
                            + "version PageLens does not know. " + pagelens.core.Evidence.INFERRED.tag(),
                    "Run DBCC DBINFO WITH TABLERESULTS on the database (or on a restored copy) and look at the Dbi_hk* values; or calibrate "
                            + "this version with DBCC DBINFO and DBCC PAGE(db, 1, 9, 2) given to 'pagelens calibrate'.",
                    rs, se, hkFields, spanNonZero, shared, fg, fgSource);
        }
        if (!exact) {
            return new HekatonVerdict(HekatonVerdict.Verdict.CANNOT_TELL, Rules.BOOT_LAYOUT_UNKNOWN,
                    "Cannot tell whether the In-Memory OLTP fields are zero: the boot page layout of dbi_version " + version + " is not known.",
                    "PageLens shows the region " + region + " of the nearest known layout (" + l.version() + ") with " + nonZero.size()
                            + " non-zero byte(s) no known field explains, but the positions of the Dbi_hk* fields are not established for "
                            + "this version, so it cannot say whether a restore would meet stale Hekaton state.",
                    "Calibrate this version: run DBCC DBINFO WITH TABLERESULTS and DBCC PAGE(db, 1, 9, 2) on a database of this version "
                            + "and give both to 'pagelens calibrate'; or check the database on its server with DBCC DBINFO.",
                    rs, re, hkFields, nonZero, shared, fg, fgSource);
        }
        if (nonZero.isEmpty() && !hkNonZero) {
            return new HekatonVerdict(HekatonVerdict.Verdict.OK, Rules.BOOT_HEKATON_CLEAR,
                    "The In-Memory OLTP (Hekaton) region of the boot page is all zero: no stale Hekaton state.",
                    "Every byte of " + region + ", where the eight Dbi_hk* fields lie, is zero apart from fields known not to be Hekaton "
                            + "state. A restore (also to Azure SQL Managed Instance) will not meet stale In-Memory OLTP state from this boot page.",
                    "Nothing to do.", rs, re, hkFields, nonZero, shared, fg, fgSource);
        }
        String what = (hkNonZero ? "Dbi_hk* fields are non-zero" : "")
                + (hkNonZero && !nonZero.isEmpty() ? " and " : "")
                + (!nonZero.isEmpty() ? nonZero.size() + " byte(s) of the Hekaton region " + region + " that no known non-Hekaton field explains are non-zero" : "");
        if (fg == XtpFilegroup.PRESENT) {
            return new HekatonVerdict(HekatonVerdict.Verdict.EXPECTED, Rules.BOOT_HEKATON_IN_USE,
                    "In-Memory OLTP state is present, as expected for a database with a memory-optimized filegroup.",
                    what + "; " + fgText + ", so this is the normal state of a database that uses In-Memory OLTP.",
                    "Restore to a server that supports In-Memory OLTP; plan memory for the durable memory-optimized data.",
                    rs, re, hkFields, nonZero, shared, fg, fgSource);
        }
        return new HekatonVerdict(HekatonVerdict.Verdict.CRITICAL, Rules.BOOT_HEKATON_STALE,
                "Stale In-Memory OLTP (Hekaton) state: a restore of this database, to Azure SQL Managed Instance above all, is expected to fail.",
                what + ", while " + fgText + ". On restore the In-Memory OLTP engine tries to deploy from this state and asserts: SQL Server "
                        + "restarts over and over and the database stays in Restoring (clients see Msg 64 transport errors). Some of these "
                        + "bytes may belong to fields that share the region (" + String.join(", ", shared) + "), whose offsets are not established.",
                FIX, rs, re, hkFields, nonZero, shared, fg, fgSource);
    }

    private static boolean isHkByte(List<BootField> hk, int i) {
        for (BootField f : hk) {
            if (i >= f.offset() && i < f.offset() + f.size()) {
                return true;
            }
        }
        return false;
    }
}

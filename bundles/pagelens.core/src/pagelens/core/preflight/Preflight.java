package pagelens.core.preflight;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import pagelens.core.backup.Backup;
import pagelens.core.backup.BackupCatalog;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.io.CanceledException;
import pagelens.core.io.ProgressMonitor;

/**
 * Checks databases against a target: each file is opened and examined (headers only by default: a backup's blocks, file
 * list and boot page; a data file's boot page and catalog), then judged by the rules of docs/mi-restore-rules.md the file
 * can show. Files are checked by a bounded pool and each result is handed on as soon as it is known (memory does not grow
 * with the number of files); one unreadable file is a row with its error, never the end of the run.
 */
public final class Preflight {

    /** A rule's outcome. */
    public enum Outcome {
        PASS, FAIL, WARN, NOT_CHECKED
    }

    /**
     * One rule applied to one database.
     *
     * @param rule    the rule id (preflight.*: docs/rules.md)
     * @param outcome what it gave
     * @param detail  why, with the values read
     * @param source  the row of mi-restore-rules.md it implements
     */
    public record Check(String rule, Outcome outcome, String detail, String source) {
    }

    /**
     * The preflight of one database.
     *
     * @param path            the file
     * @param kind            backup, compressed backup, data file, or what else it is
     * @param database        database name, or null
     * @param serverVersion   the server build that wrote it, or null
     * @param databaseVersion dbi_version, or null
     * @param hekaton         the In-Memory OLTP verdict (OK, CRITICAL, EXPECTED, CANNOT_TELL) or null
     * @param filegroup       whether it has a memory-optimized filegroup, and who says
     * @param xtpMemory       the In-Memory OLTP memory estimate where the evidence has one, else null
     * @param integrity       "headers read", "verified", or the damage found
     * @param checks          every rule with its outcome
     * @param error           why the file could not be checked, or null
     */
    public record Row(Path path, String kind, String database, String serverVersion, Integer databaseVersion, String hekaton, String filegroup,
            String xtpMemory, String integrity, List<Check> checks, String error) {

        /** FAIL when a rule fails or the file could not be read, else WARN when one warns, else PASS. */
        public Outcome verdict() {
            if (error != null || checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL)) {
                return Outcome.FAIL;
            }
            return checks.stream().anyMatch(c -> c.outcome() == Outcome.WARN) ? Outcome.WARN : Outcome.PASS;
        }

        /** The rules that fail. */
        public List<Check> failing() {
            return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).toList();
        }
    }

    private Preflight() {
    }

    /**
     * A file to check: named on the command line ({@code named}: a row whatever it is), or found in a folder (skipped,
     * and counted, when it is not a backup or data file: folders hold logs, notes and scripts too).
     */
    public record Input(Path path, boolean named) {
    }

    /** The files under the paths: files as given, folders recursed (symbolic links not followed), in path order. */
    public static List<Input> files(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p, Integer.MAX_VALUE, EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
                    s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(f -> out.add(new Input(f, false)));
                }
            } else {
                out.add(new Input(p, true));
            }
        }
        return out;
    }

    /**
     * Checks every file with {@code threads} workers; {@code rows} gets each result in file order as soon as it and the ones
     * before it are done (at most 4 x threads results wait in memory). Returns how many files found in folders were skipped
     * (not a backup or data file).
     */
    public static int run(List<Input> files, Target target, boolean verify, int threads, BootLayouts layouts, Consumer<Row> rows,
            ProgressMonitor monitor) throws InterruptedException {
        int skipped = 0;
        int n = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "pagelens-preflight");
            t.setDaemon(true);
            return t;
        });
        monitor.begin("Preflight of " + files.size() + " file(s) for " + target.label(), files.size());
        try {
            java.util.ArrayDeque<Future<Row>> window = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < 4 * n) {
                    Input f = files.get(next++);
                    window.add(pool.submit(() -> check(f.path(), target, verify, layouts, f.named())));
                }
                Future<Row> head = window.poll();
                try {
                    Row r = head.get();
                    if (r == null) {
                        skipped++;
                    } else {
                        rows.accept(r);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    rows.accept(new Row(null, "?", null, null, null, null, null, null, null, List.of(), String.valueOf(e.getCause())));
                }
                monitor.worked(1);
                if (monitor.isCanceled()) {
                    throw new CanceledException();
                }
            }
        } finally {
            pool.shutdownNow();
            monitor.done();
        }
        return skipped;
    }

    /**
     * Checks one file (never throws for bad evidence: the row carries the error); null for a file found in a folder that is not
     * a backup or data file.
     */
    public static Row check(Path file, Target target, boolean verify, BootLayouts layouts, boolean named) {
        try (OpenedEvidence ev = OpenedEvidence.open(file)) {
            if (!named && ev.identification().readable() && !ev.isBackup() && ev.kind() != EvidenceKind.DATA_FILE) {
                return null;
            }
            if (!ev.identification().readable()) {
                return new Row(file, ev.kind().id(), null, null, null, null, null, null, null, List.of(), ev.identification().summary());
            }
            if (!ev.isBackup() && ev.kind() != EvidenceKind.DATA_FILE) {
                return new Row(file, ev.kind().id(), null, null, null, null, null, null, null, List.of(),
                        "not a backup or data file (" + ev.kind().id() + "): nothing to restore");
            }
            Examination e = Examination.run(ev, Examination.Options.defaults(layouts).withHash(false).withHeadersOnly(!verify).withThreads(1),
                    ProgressMonitor.NULL);
            return judge(e, target, verify);
        } catch (CanceledException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new Row(file, "?", null, null, null, null, null, null, null, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static Row judge(Examination e, Target t, boolean verify) {
        List<Check> c = new ArrayList<>();
        Backup b = e.backup();
        Integer dbv = e.boot() != null ? Integer.valueOf(e.boot().dbiVersion()) : b != null ? b.databaseVersion() : e.evidence().identification().databaseVersion();
        String name = e.boot() != null ? e.boot().databaseName() : e.evidence().identification().databaseName();
        String server = b != null ? b.softwareVersion() : null;
        // A1, A2: versions
        if (dbv == null) {
            c.add(new Check("preflight.version", Outcome.FAIL, "the database version could not be read (no boot page, no SCIN): the file is damaged, "
                    + "cut, or one stripe of a backup written to several files; nothing says it would restore", "A1"));
        } else if (dbv > t.maxVersion()) {
            c.add(new Check("preflight.version", Outcome.FAIL, String.format(Locale.ROOT, "database version %d is newer than %s restores (up to %d %s); "
                    + "SQL Server refuses it with error 3169 (a backup) or 948 (an attach)", dbv, t.label(), t.maxVersion(), t.evidence().tag()), "A1"));
        } else {
            c.add(new Check("preflight.version", Outcome.PASS, String.format(Locale.ROOT, "database version %d <= %d (%s %s)", dbv, t.maxVersion(), t.label(),
                    t.evidence().tag()), "A1"));
        }
        if (dbv != null && dbv < 611 && t.maxVersion() >= 852) {
            c.add(new Check("preflight.min-version", Outcome.FAIL, "database version " + dbv + " is older than SQL Server 2005 (611): SQL Server 2016 and "
                    + "later restore 2005 and later only", "A2"));
        }
        // C1: stale In-Memory OLTP state on the boot page
        String hk = e.boot() == null ? null : e.boot().hekaton().verdict().name();
        String fg = e.boot() == null ? null : e.boot().hekaton().filegroup().text() + " (" + e.boot().hekaton().filegroupSource() + ")";
        if (e.boot() == null) {
            c.add(new Check("preflight.hekaton-stale", Outcome.NOT_CHECKED, "no boot page was read", "C1"));
        } else if (e.boot().hekaton().verdict() == HekatonVerdict.Verdict.CRITICAL) {
            c.add(new Check("preflight.hekaton-stale", t.managed() ? Outcome.FAIL : Outcome.WARN, e.boot().hekaton().headline()
                    + (t.managed() ? " Managed Instance's restore crash-loops on such a boot page." : " Documented for Managed Instance only."), "C1"));
        } else if (e.boot().hekaton().verdict() == HekatonVerdict.Verdict.CANNOT_TELL) {
            c.add(new Check("preflight.hekaton-stale", Outcome.WARN, e.boot().hekaton().headline(), "C1"));
        } else {
            c.add(new Check("preflight.hekaton-stale", Outcome.PASS, e.boot().hekaton().headline(), "C1"));
        }
        XtpFilegroup xtp = e.boot() != null ? e.boot().hekaton().filegroup() : XtpFilegroup.NOT_STATED;
        if (t.managed()) {
            managed(c, e, b, t, xtp, name);
        }
        // integrity (B15): what was read
        String integrity;
        long errors = e.findingList().stream().filter(f -> f.severity().atLeast(Severity.ERROR) && !f.ruleId().startsWith("boot.")).count();
        if (errors > 0) {
            integrity = errors + " error finding(s) (" + e.findingList().stream().filter(f -> f.severity().atLeast(Severity.ERROR)).map(f -> f.ruleId())
                    .distinct().limit(3).reduce((x, y) -> x + ", " + y).orElse("") + ")";
            c.add(new Check("preflight.integrity", Outcome.WARN, integrity + ": a damaged database restores, but Managed Instance takes no automated "
                    + "backups until it is repaired; run DBCC CHECKDB on the source", "B15"));
        } else {
            integrity = verify ? "every page verified" : "headers read (use --verify for every page)";
            c.add(new Check("preflight.integrity", Outcome.PASS, integrity, "B15"));
        }
        String mem = b != null && b.xtp() != null && b.xtp().present() ? b.xtp().memoryEstimate() : null;
        return new Row(e.path(), e.fileKind(), name, server, dbv, hk, fg, mem, integrity, List.copyOf(c), null);
    }

    /** The Managed Instance rules of mi-restore-rules.md section B the file can show; the others are listed as not checked. */
    private static void managed(List<Check> c, Examination e, Backup b, Target t, XtpFilegroup xtp, String name) {
        if (b == null) {
            c.add(new Check("preflight.mi-backup-only", Outcome.FAIL, "Managed Instance restores native backups from URL only; a data file cannot be "
                    + "attached (take a full backup WITH CHECKSUM)", "B1"));
        } else {
            String kind = b.backupKind() == null ? "" : b.backupKind().toLowerCase(Locale.ROOT);
            c.add(new Check("preflight.mi-full-backup", kind.contains("full") ? Outcome.PASS : kind.isEmpty() ? Outcome.NOT_CHECKED : Outcome.FAIL,
                    "backup type: " + (kind.isEmpty() ? "not read" : b.backupKind()) + " (native RESTORE takes full backups; differential and log only "
                            + "through the Log Replay Service)", "B3"));
            long sets = b.walk().blocks().stream().filter(d -> d.type().equals("SSET")).count();
            c.add(new Check("preflight.mi-one-backup-set", sets > 1 ? Outcome.FAIL : Outcome.PASS, sets + " backup set(s) in the file (error 41919 when "
                    + "more than one)", "B2"));
            List<BackupCatalog.FileEntry> files = b.catalog().files();
            long logs = files.stream().filter(f -> b.typeOf(f).letter().equals("L")).count();
            long streams = files.stream().filter(f -> b.typeOf(f).letter().equals("S")).count();
            c.add(new Check("preflight.mi-one-log-file", logs > 1 ? Outcome.FAIL : files.isEmpty() ? Outcome.NOT_CHECKED : Outcome.PASS,
                    logs + " log file(s) in the file list (error 41921 when more than one)", "B4"));
            if (streams > 0 && xtp != XtpFilegroup.PRESENT) {
                c.add(new Check("preflight.mi-filestream", Outcome.FAIL, streams + " FILESTREAM file(s) in the file list and no memory-optimized "
                        + "filegroup: FILESTREAM data does not restore on Managed Instance", "B5"));
            } else if (streams > 0) {
                c.add(new Check("preflight.mi-filestream", Outcome.NOT_CHECKED, streams + " type S file(s): the memory-optimized container; "
                        + "other FILESTREAM filegroups cannot be told apart from the file list", "B5"));
            } else {
                c.add(new Check("preflight.mi-filestream", files.isEmpty() ? Outcome.NOT_CHECKED : Outcome.PASS, "no FILESTREAM file in the file list",
                        "B5"));
            }
            long big = files.stream().filter(f -> b.typeOf(f).letter().equals("D") && f.size() > (8L << 40)).count();
            long bigLog = files.stream().filter(f -> b.typeOf(f).letter().equals("L") && f.size() > (2L << 40)).count();
            c.add(new Check("preflight.mi-file-size", !t.businessCritical() && (big > 0 || bigLog > 0) ? Outcome.FAIL : Outcome.PASS,
                    big + " data file(s) over 8 TB, " + bigLog + " log file(s) over 2 TB (General Purpose limits)", "B10"));
            c.add(new Check("preflight.mi-file-count", !t.businessCritical() && files.size() > 280 ? Outcome.FAIL : Outcome.PASS,
                    files.size() + " file(s) (General Purpose: 280 per instance, with the files already there)", "B8"));
        }
        if (xtp == XtpFilegroup.PRESENT) {
            c.add(new Check("preflight.mi-in-memory-tier", t.businessCritical() ? Outcome.PASS : Outcome.FAIL, t.businessCritical()
                    ? "a memory-optimized filegroup: In-Memory OLTP is available on Business Critical (check the memory limit per vCore)"
                    : "a memory-optimized filegroup: it must be empty on General Purpose (error 41915)", "B6"));
        } else {
            c.add(new Check("preflight.mi-in-memory-tier", xtp == XtpFilegroup.ABSENT ? Outcome.PASS : Outcome.NOT_CHECKED,
                    "memory-optimized filegroup: " + xtp.text(), "B6"));
        }
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            boolean system = n.equals("master") || n.equals("model") || n.equals("msdb") || n.equals("tempdb");
            c.add(new Check("preflight.mi-system-database", system ? Outcome.FAIL : Outcome.PASS, "database " + name
                    + (system ? ": system databases cannot be restored on Managed Instance" : ""), "B18"));
        }
        for (String[] nc : new String[][] { { "preflight.mi-tde", "B11", "TDE: the certificate must be uploaded before the restore (the file list's TDE thumbprint is not read)" },
            { "preflight.mi-backup-encryption", "B12", "backup encryption: not read from the file" },
            { "preflight.mi-checksum", "B15", "backup WITH CHECKSUM: not read from the file" },
            { "preflight.mi-pvs-primary", "B16", "persistent version store in PRIMARY: offsets unknown" },
            { "preflight.mi-stripes", "B14", "stripes and blob sizes: the upload is checked by Azure" } }) {
            c.add(new Check(nc[0], Outcome.NOT_CHECKED, nc[2], nc[1]));
        }
    }

    /** Counts per verdict, for the summary line. */
    public static final class Tally implements Consumer<Row> {
        private final AtomicInteger pass = new AtomicInteger();
        private final AtomicInteger warn = new AtomicInteger();
        private final AtomicInteger fail = new AtomicInteger();

        @Override
        public void accept(Row r) {
            switch (r.verdict()) {
                case PASS -> pass.incrementAndGet();
                case WARN -> warn.incrementAndGet();
                default -> fail.incrementAndGet();
            }
        }

        public int pass() {
            return pass.get();
        }

        public int warn() {
            return warn.get();
        }

        public int fail() {
            return fail.get();
        }
    }
}

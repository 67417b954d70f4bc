package pagelens.core.exam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.HashSet;
import java.util.Set;

import pagelens.core.backup.Backup;
import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.CatalogReader;
import pagelens.core.catalog.Owner;
import pagelens.core.catalog.Ownership;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.io.CanceledException;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.io.ProgressSplit;
import pagelens.core.page.PageId;
import pagelens.core.scan.FileScanner;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.PageOwners;
import pagelens.core.scan.PageRules;
import pagelens.core.scan.PageStatus;
import pagelens.core.scan.ScanResult;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.xtp.XtpContainer;

/**
 * The examination of one opened evidence item: the one place that decides what is checked for each kind of evidence,
 * and the typed result every surface renders (the workbench's evidence job, {@code pagelens scan|backup|boot} and the
 * report all run it). Pages are checked with one rule set ({@link PageRules}) whatever holds them.
 *
 * <table>
 * <tr><th>kind</th><th>checked</th></tr>
 * <tr><td>data file</td><td>every page against the file's allocation maps; the boot page verdict</td></tr>
 * <tr><td>log file</td><td>page 0</td></tr>
 * <tr><td>backup (plain or compressed)</td><td>the MTF blocks, every page of the data streams (or the headers only), the
 * boot page copy a restore applies with the backup's own memory-optimized filegroup fact</td></tr>
 * <tr><td>DBCC PAGE output</td><td>every page in it; the boot page verdict when it holds 1:9</td></tr>
 * <tr><td>In-Memory OLTP container folder</td><td>every checkpoint file's blocks</td></tr>
 * <tr><td>unknown file of a page or more</td><td>every page, as a data file</td></tr>
 * </table>
 *
 * @param evidence  what was examined (still open: pages and excerpts are read through it)
 * @param sha256    SHA-256 of the file, or null when not hashed
 * @param fileKind  "data file", "log file", "unknown layout", "backup", "compressed backup", "DBCC PAGE output",
 *                  "In-Memory OLTP container", or the kind id
 * @param fileId    database file id of a data or log file, else -1
 * @param counts    page counts, or null when no page was verified (headers only, container, unreadable)
 * @param status    one status per page of a data or log file, else null
 * @param findings  every finding of every check
 * @param boot      the boot page a restore applies, decoded and judged, or null
 * @param bootCopy  where that copy is, or null
 * @param backup    the backup's reading, or null
 * @param container the container check, or null
 * @param catalog   the database's system catalog as its pages hold it, or null (not a database, or headers only of a backup)
 * @param ownership the owner of every page and the allocation checks, or null with the catalog
 * @param log       a log file's VLFs, blocks and records as read and checked, or null
 * @param problems  what could not be examined, one line each (an examination that failed says so here, never silently)
 * @param nanos     wall time
 */
public record Examination(OpenedEvidence evidence, String sha256, String fileKind, int fileId, PageCounts counts, PageStatus status,
        FindingSink findings, BootPage boot, PageCopy bootCopy, Backup backup, XtpContainer.Scan container, Catalog catalog, Ownership ownership,
        pagelens.core.log.LogFile.Result log, List<String> problems, long nanos) {

    /**
     * What to examine and how.
     *
     * @param layouts         boot page layouts (built in plus the user's calibrated ones)
     * @param filegroup       the user's statement about a memory-optimized filegroup (an override), or null to take what the
     *                        evidence says
     * @param filegroupSource who stated it (shown with the verdict)
     * @param threads         scan threads (0: one per core)
     * @param hash            compute the SHA-256
     * @param headersOnly     no page verification: a backup's headers, file list and boot page only; a data file's boot page
     *                        only (the boot verdict is the same as in a full examination)
     * @param findingLimit    findings kept (all are counted)
     */
    public record Options(BootLayouts layouts, XtpFilegroup filegroup, String filegroupSource, int threads, boolean hash, boolean headersOnly,
            int findingLimit, pagelens.core.xtp.XtpChecksumProfile checksumProfile, boolean catalog) {

        public Options(BootLayouts layouts, XtpFilegroup filegroup, String filegroupSource, int threads, boolean hash, boolean headersOnly,
                int findingLimit) {
            this(layouts, filegroup, filegroupSource, threads, hash, headersOnly, findingLimit, null, true);
        }

        /** Whether the system catalog is read and every page given its owner (default); false: the pages only. */
        public Options withCatalog(boolean c) {
            return new Options(layouts, filegroup, filegroupSource, threads, hash, headersOnly, findingLimit, checksumProfile, c);
        }

        /** In-Memory OLTP block checksums verified with {@code p} (null: the user's saved profile, if any). */
        public Options withChecksumProfile(pagelens.core.xtp.XtpChecksumProfile p) {
            return new Options(layouts, filegroup, filegroupSource, threads, hash, headersOnly, findingLimit, p, catalog);
        }

        /** Everything checked, hashed, the built-in layouts plus {@code layouts}, the evidence's own filegroup fact. */
        public static Options defaults(BootLayouts layouts) {
            return new Options(layouts, null, null, 0, true, false, 100_000);
        }

        public Options withHash(boolean h) {
            return new Options(layouts, filegroup, filegroupSource, threads, h, headersOnly, findingLimit, checksumProfile, catalog);
        }

        public Options withThreads(int t) {
            return new Options(layouts, filegroup, filegroupSource, t, hash, headersOnly, findingLimit, checksumProfile, catalog);
        }

        public Options withHeadersOnly(boolean h) {
            return new Options(layouts, filegroup, filegroupSource, threads, hash, h, findingLimit, checksumProfile, catalog);
        }

        public Options withFindingLimit(int n) {
            return new Options(layouts, filegroup, filegroupSource, threads, hash, headersOnly, n, checksumProfile, catalog);
        }

        /** The user's statement about the memory-optimized filegroup (null: what the evidence says). */
        public Options withFilegroup(XtpFilegroup f, String source) {
            return new Options(layouts, f, source, threads, hash, headersOnly, findingLimit, checksumProfile, catalog);
        }
    }

    /** The findings, in location order. */
    public List<Finding> findingList() {
        return findings.findings();
    }

    /** Whether a finding of severity error or worse exists. */
    public boolean hasErrors() {
        Severity w = findings.worst();
        return w != null && w.atLeast(Severity.ERROR);
    }

    public Path path() {
        return evidence.path();
    }

    /** The scan-shaped view of this examination (counts, findings, page status), or null when no page was verified. */
    public ScanResult asScan() {
        if (counts == null) {
            return null;
        }
        long size = evidence.identification().size();
        return new ScanResult(path(), size, fileKind, fileId, counts, findings, size, nanos, status);
    }

    /** Examines one opened evidence item. Cancel through the monitor ({@link CanceledException}). */
    public static Examination run(OpenedEvidence ev, Options o, ProgressMonitor monitor) {
        return run(ev, o, monitor, true);
    }

    /**
     * See {@link #run(OpenedEvidence, Options, ProgressMonitor)}; with {@code readCatalog} false the scan still records every
     * page's owner (when the options ask for the catalog) but the catalog is left to the caller (a {@link DatabaseExamination}
     * reads it over all files of the database).
     */
    static Examination run(OpenedEvidence ev, Options o, ProgressMonitor monitor, boolean readCatalog) {
        long t0 = System.nanoTime();
        FindingSink sink = new FindingSink(o.findingLimit());
        List<String> problems = new ArrayList<>();
        ProgressSplit split = new ProgressSplit(monitor, "Examining " + ev.path().getFileName(), o.hash() ? 1 : 0, 3, 0);
        String sha = null;
        ProgressMonitor hashMonitor = split.next();
        if (o.hash() && ev.file() != null) {
            try {
                sha = ev.file().sha256(hashMonitor);
            } catch (IOException e) {
                problems.add("cannot hash: " + e.getMessage());
            }
        }
        ProgressMonitor work = split.next();
        String kind = ev.kind().id();
        int fileId = -1;
        PageCounts counts = null;
        PageStatus status = null;
        Backup backup = null;
        XtpContainer.Scan container = null;
        XtpFilegroup filegroup = XtpFilegroup.NOT_STATED;
        String filegroupReason = "not stated";
        EarlyCatalog early = null;
        if (!ev.identification().readable()) {
            problems.add(ev.identification().summary());
        }
        try {
            switch (ev.kind()) {
                case DATA_FILE, LOG_FILE, UNKNOWN -> {
                    if (java.nio.file.Files.isDirectory(ev.path())) {
                        // every folder is checked as a container: one that is not gets xtp.not-a-container
                        kind = "folder";
                        container = o.checksumProfile() != null ? XtpContainer.scan(ev.path(), work, o.checksumProfile())
                                : XtpContainer.scan(ev.path(), work);
                        container.findings().forEach(sink::add);
                    } else if (o.headersOnly()) {
                        // boot page only
                    } else if (ev.hasPages()) {
                        FileScanner scanner = (o.threads() > 0 ? new FileScanner(o.threads()) : new FileScanner()).recordingOwners(o.catalog());
                        if (readCatalog && o.catalog() && ev.kind() == EvidenceKind.DATA_FILE && primaryFile(ev)) {
                            early = EarlyCatalog.start(ev, monitor); // it reads the catalog's pages itself, by position
                        }
                        ScanResult r;
                        try {
                            r = scanner.scan(ev.file(), work, sink);
                        } catch (IOException | RuntimeException e) {
                            if (early != null) {
                                early.cancel();
                            }
                            throw e;
                        }
                        kind = r.fileKind();
                        fileId = r.fileId();
                        counts = r.counts();
                        status = r.status();
                    }
                    // a readable file smaller than one page: identified, nothing to verify (not a failure)
                }
                case BACKUP, COMPRESSED_BACKUP -> {
                    backup = ev.backup(!o.headersOnly(), work);
                    kind = backup.compressed() ? "compressed backup" : "backup";
                    counts = backup.counts();
                    backup.findings().findings().forEach(sink::add);
                    filegroup = backup.xtpFilegroup();
                    filegroupReason = backup.xtpFilegroupReason();
                }
                case DBCC_PAGE_DUMP -> {
                    kind = "DBCC PAGE output";
                    counts = o.headersOnly() ? null : verifyDump(ev, sink);
                }
                case XTP_CONTAINER -> {
                    kind = "In-Memory OLTP container";
                    container = o.checksumProfile() != null ? XtpContainer.scan(ev.path(), work, o.checksumProfile())
                            : XtpContainer.scan(ev.path(), work);
                    container.findings().forEach(sink::add);
                }
            }
        } catch (CanceledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            problems.add(oneLine(e));
        }
        pagelens.core.log.LogFile.Result log = null;
        pagelens.core.log.BackupLog described = null;
        if (backup != null && !o.headersOnly() && pagelens.core.log.BackupLog.present(backup.walk())) {
            try {
                described = pagelens.core.log.BackupLog.read(backup.pages().source(), backup.walk());
            } catch (IOException | RuntimeException e) {
                problems.add("log: " + oneLine(e));
            }
        }
        boolean backupLog = described != null && described.describesLog();
        if ("log file".equals(kind) && !o.headersOnly() && ev.file() != null || backupLog) {
            try {
                // a log file: its VLFs, blocks and records read and checked (docs/log.md), not only page 0; a full backup: the
                // source log's VLFs from its descriptors and the log bytes it carries (docs/log.md 11)
                log = backupLog ? pagelens.core.log.LogFile.readBackup(backup.pages().source(), described, backup.databaseVersion(), null, monitor)
                        : pagelens.core.log.LogFile.read(ev.file(), null, monitor);
                for (pagelens.core.log.LogFile.Problem p : log.problems()) {
                    // a backup's log problem names offsets of the source .ldf (in its text), not of the backup: no place in the file
                    sink.add(new Finding(logRule(p.kind()), p.what(), backupLog ? new Location(ev.path(), -1, -1, -1, 0, 0)
                            : new Location(ev.path(), fileId, p.offset() / pagelens.core.page.Page.SIZE, p.offset(), (int) (p.offset() % pagelens.core.page.Page.SIZE), 1)));
                }
            } catch (CanceledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problems.add("log: " + oneLine(e));
            }
        }
        Catalog catalog = null;
        Ownership ownership = null;
        // a data file holds the catalog when it is the primary file (file id 1, with the boot page); a secondary file (.ndf) alone
        // has its pages' owners recorded for a DatabaseExamination, which reads the catalog from the primary
        boolean database = ev.kind() == EvidenceKind.DATA_FILE && ("data file".equals(kind) || o.headersOnly()) && primaryFile(ev)
                || ev.isBackup() && backup != null && !o.headersOnly();
        if (early != null && !database) {
            early.cancel(); // the scan found a log file or an unknown layout: no catalog
        }
        if (database && o.catalog() && readCatalog) {
            try {
                PageOwners headers = status != null ? status.owners() : backup != null ? backup.owners() : null;
                EarlyCatalog.Result read = early == null ? null : early.result();
                PageStore store;
                FindingSink walkFindings = new FindingSink();
                if (read != null) {
                    // a data file: the catalog was read and the IAM chains walked while the scan ran (catalog and IAM pages
                    // only, read straight from the file)
                    store = read.store();
                    catalog = read.catalog();
                    ownership = read.walked();
                    walkFindings = read.findings();
                } else {
                    // the catalog's pages, IAM pages and allocation maps come from the copies the scan kept: nothing is read twice
                    store = headers == null ? ev.pages(ProgressMonitor.NULL)
                            : new pagelens.core.store.CapturedPages(ev.pages(ProgressMonitor.NULL), headers::captured,
                                    headers.capturedAll());
                    catalog = CatalogReader.read(store, monitor);
                }
                catalogFindings(catalog, store, ev.path(), sink);
                fileFindings(catalog, store, ev.path(), sink);
                Set<PageId> damaged = new HashSet<>();
                for (Finding f : sink.findings()) {
                    if (f.severity().atLeast(Severity.ERROR) && f.location().pageId() >= 0 && f.location().fileId() >= 0) {
                        damaged.add(new PageId(f.location().fileId(), f.location().pageId()));
                    }
                }
                if (ownership == null) {
                    ownership = Ownership.walk(catalog, store, walkFindings, ev.path(), monitor);
                }
                walkFindings.findings().forEach(sink::add);
                if (headers != null) {
                    ownership.check(headers, damaged, sink, ev.path());
                }
                if (read != null) {
                    read.store().release(); // the catalog thread's kept pages are not needed any more
                }
                if (catalog.memoryOptimizedFilegroup() != XtpFilegroup.NOT_STATED) {
                    // the database's own catalog says it, which is stronger than a backup's file list
                    filegroup = catalog.memoryOptimizedFilegroup();
                    filegroupReason = catalog.memoryOptimizedFilegroupReason();
                }
            } catch (CanceledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problems.add("system catalog: " + oneLine(e));
            }
        }
        split.next();
        BootPage boot = null;
        PageCopy bootCopy = null;
        boolean holdsBoot = ev.kind() == EvidenceKind.DATA_FILE && ev.identification().databaseVersion() != null || ev.isBackup()
                || ev.kind() == EvidenceKind.DBCC_PAGE_DUMP && dumpHoldsBoot(ev);
        if (holdsBoot) {
            try {
                OpenedEvidence.BootCopy c = ev.restoredBootCopy();
                XtpFilegroup fg = o.filegroup() != null ? o.filegroup() : filegroup;
                String why = o.filegroup() != null ? o.filegroupSource() : filegroupReason;
                boot = BootPage.decode(c.page(), o.layouts(), fg, why);
                bootCopy = c.copy();
                sink.add(bootFinding(boot, c.copy()));
            } catch (CanceledException e) {
                throw e;
            } catch (IOException | BootPageException | RuntimeException e) {
                problems.add("boot page: " + oneLine(e));
            }
        }
        split.done();
        // a check that could not run is said in every surface, never left as a clean result
        boolean noBootReported = sink.countsByRule().containsKey(pagelens.core.findings.Rules.BACKUP_NO_BOOT_PAGE.id());
        for (String p : problems) {
            if (noBootReported && p.startsWith("boot page: ")) {
                continue; // already a backup.no-boot-page finding
            }
            sink.add(new Finding(pagelens.core.findings.Rules.EXAMINATION_INCOMPLETE, p, new Location(ev.path(), -1, -1, -1, 0, 0)));
        }
        return new Examination(ev, sha, kind, fileId, counts, status, sink, boot, bootCopy, backup, container, catalog, ownership, log,
                List.copyOf(problems), System.nanoTime() - t0);
    }

    /**
     * This examination with the boot page judged again under the user's statement about a memory-optimized filegroup
     * (an override, labelled with {@code source}); the boot verdict's finding is replaced, nothing else is read again.
     */
    public Examination judgedWith(XtpFilegroup fg, String source, BootLayouts layouts) {
        if (boot == null) {
            return this;
        }
        BootPage again;
        try {
            again = BootPage.decode(boot.page(), layouts, fg, source);
        } catch (BootPageException e) {
            return this;
        }
        FindingSink sink = new FindingSink(Math.max(1, (int) Math.min(Integer.MAX_VALUE, findings.total())));
        for (Finding f : findings.findings()) {
            if (f.rule() != boot.hekaton().rule() || f.location().pageId() != bootCopy.id().pageId()) {
                sink.add(f);
            }
        }
        sink.add(bootFinding(again, bootCopy));
        return new Examination(evidence, sha256, fileKind, fileId, counts, status, sink, again, bootCopy, backup, container, catalog, ownership, log,
                problems, nanos);
    }

    private static Finding bootFinding(BootPage b, PageCopy copy) {
        return new Finding(b.hekaton().rule(), b.hekaton().headline(), Location.of(copy).bytes(Math.max(0, b.hekaton().regionStart()),
                Math.max(0, b.hekaton().regionEnd() - b.hekaton().regionStart())));
    }

    /** The catalog reader's problems as findings: damage to the catalog is its own, more serious finding. */
    static void catalogFindings(Catalog c, PageStore store, java.nio.file.Path path, FindingSink sink) {
        for (Catalog.Problem p : c.problems()) {
            Location at = p.page() == null ? new Location(path, -1, -1, -1, 0, 0) : Ownership.locate(store, path, p.page());
            sink.add(new Finding(p.kind() == Catalog.ProblemKind.DAMAGED ? pagelens.core.findings.Rules.CATALOG_PAGE_DAMAGED
                    : pagelens.core.findings.Rules.CATALOG_INCOMPLETE, p.what(), at));
        }
        for (String m : c.selfCheck().mismatches()) {
            sink.add(new Finding(pagelens.core.findings.Rules.CATALOG_LAYOUT_MISMATCH, m, new Location(path, -1, -1, -1, 0, 0)));
        }
    }

    private static pagelens.core.findings.Rule logRule(pagelens.core.log.LogFile.Kind k) {
        return switch (k) {
            case VLF_HEADER -> pagelens.core.findings.Rules.LOG_VLF_HEADER;
            case SECTOR_STATUS -> pagelens.core.findings.Rules.LOG_BLOCK_TORN;
            case CHECKSUM -> pagelens.core.findings.Rules.LOG_BLOCK_CHECKSUM;
            case BLOCK_CHAIN, SLOT_ARRAY -> pagelens.core.findings.Rules.LOG_BLOCK_CHAIN;
            case CHECKPOINT -> pagelens.core.findings.Rules.LOG_CHECKPOINT_MISSING;
            case TRANSACTION_CHAIN -> pagelens.core.findings.Rules.LOG_TRANSACTION_CHAIN;
            case BACKUP_LOG -> pagelens.core.findings.Rules.LOG_BACKUP_MISMATCH;
        };
    }

    /** Whether a data file is its database's primary file (file id 1 in its file header page, or no readable file id). */
    static boolean primaryFile(OpenedEvidence ev) {
        try {
            return ev.pages(ProgressMonitor.NULL).fileIds().equals(List.of(1));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The evidence's data files against the catalog's list of them: a listed data file the evidence lacks (one file of a
     * database of several) and a given file the catalog does not list. Nothing is said when the file list itself is not
     * complete or empty.
     */
    static void fileFindings(Catalog c, PageStore store, java.nio.file.Path path, FindingSink sink) {
        String table = c.generation() == Catalog.Generation.Y2005 ? "sysdbfiles" : "sysprufiles";
        if (c.files().isEmpty() || c.incompleteTables().contains(table)) {
            return;
        }
        java.util.Set<Integer> listed = new java.util.TreeSet<>();
        for (Catalog.DatabaseFile f : c.files()) {
            if (f.type() != 0) {
                continue; // the log, FILESTREAM and memory-optimized containers are not files of pages
            }
            listed.add(f.fileId());
            if (store.pageLimit(f.fileId()) == 0) {
                sink.add(new Finding(pagelens.core.findings.Rules.CATALOG_FILE_NOT_GIVEN, String.format(java.util.Locale.ROOT,
                        "file %d (%s, %s, %,d pages) of the database is not part of this evidence: its pages are not examined", f.fileId(),
                        f.logicalName(), f.physicalName(), f.sizePages()), new Location(path, f.fileId(), -1, -1, 0, 0)));
            }
        }
        for (int id : store.fileIds()) {
            if (!listed.contains(id) && store.pageLimit(id) > 0) {
                java.util.List<pagelens.core.store.PageCopy> first = store.copies(new PageId(id, 0));
                java.nio.file.Path where = first.isEmpty() ? path : first.get(0).provenance().evidence();
                sink.add(new Finding(pagelens.core.findings.Rules.CATALOG_FILE_FOREIGN, "file " + id + " (" + where.getFileName()
                        + ") is not a data file of this database: its catalog lists data files " + listed, new Location(where, id, -1, -1, 0, 0)));
            }
        }
    }

    /** What PageLens found on a page a server named. */
    public enum PageVerdict {
        /** a finding of severity error or worse on the page */
        DAMAGED,
        /** a warning, no error */
        WARNING,
        /** the page is in the evidence and no finding concerns it */
        VERIFIES,
        /** the evidence has no copy of the page */
        ABSENT,
        /** the pages were not verified (headers only) */
        NOT_CHECKED
    }

    /**
     * A page a server named, beside what PageLens found there.
     *
     * @param message the server's message
     * @param owner   the page's owner, or null
     * @param verdict what PageLens found
     * @param rules   the rule ids of PageLens's findings on the page
     * @param differs whether the server says damaged where PageLens finds the page healthy (or not there)
     */
    public record NamedPage(pagelens.core.findings.ServerMessages.Message message, Owner owner, PageVerdict verdict, List<String> rules,
            boolean differs) {
    }

    /** The pages server output names (CHECKDB, error log, suspect_pages), each with PageLens's own verdict and owner. */
    public List<NamedPage> namedPages(List<pagelens.core.findings.ServerMessages.Message> messages) {
        java.util.Map<PageId, List<Finding>> byPage = new java.util.HashMap<>();
        for (Finding f : findings.findings()) {
            if (f.location().pageId() >= 0 && f.location().fileId() >= 0) {
                byPage.computeIfAbsent(new PageId(f.location().fileId(), f.location().pageId()), k -> new ArrayList<>()).add(f);
            }
        }
        PageStore store = null;
        try {
            store = evidence.pages(ProgressMonitor.NULL);
        } catch (IOException | RuntimeException e) {
            store = null;
        }
        List<NamedPage> out = new ArrayList<>();
        for (pagelens.core.findings.ServerMessages.Message m : messages) {
            List<Finding> fs = byPage.getOrDefault(m.page(), List.of());
            List<String> rules = fs.stream().map(Finding::ruleId).distinct().toList();
            boolean present = store != null && !store.copies(m.page()).isEmpty();
            PageVerdict v;
            if (!present) {
                v = PageVerdict.ABSENT;
            } else if (fs.stream().anyMatch(f -> f.severity().atLeast(Severity.ERROR))) {
                v = PageVerdict.DAMAGED;
            } else if (fs.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))) {
                v = PageVerdict.WARNING;
            } else if (counts == null) {
                v = PageVerdict.NOT_CHECKED;
            } else {
                v = PageVerdict.VERIFIES;
            }
            boolean differs = m.claimsDamage() && (v == PageVerdict.VERIFIES || v == PageVerdict.ABSENT);
            out.add(new NamedPage(m, ownerOf(m.page()), v, rules, differs));
        }
        return out;
    }

    /** The owner of a page (null when it has none by design or none is known). */
    public Owner ownerOf(PageId id) {
        return ownership == null ? null : ownership.ownerOf(id);
    }

    /** The owner of the page a finding is on, or null. */
    public Owner ownerOf(Finding f) {
        Location l = f.location();
        if (ownership == null || l.pageId() < 0 || l.fileId() < 0) {
            return null;
        }
        return ownership.ownerOf(new PageId(l.fileId(), l.pageId()));
    }

    private static boolean dumpHoldsBoot(OpenedEvidence ev) {
        try {
            return !ev.pages(ProgressMonitor.NULL).copies(new PageId(1, 9)).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Every page of DBCC PAGE output through the page rules (a page's id comes from its header). */
    private static PageCounts verifyDump(OpenedEvidence ev, FindingSink sink) throws IOException {
        PageStore store = ev.pages(ProgressMonitor.NULL);
        PageCounts.Counter c = new PageCounts.Counter();
        if (store instanceof pagelens.core.dbcc.DbccPageDump d) {
            for (PageCopy copy : d.allCopies()) {
                PageRules.check(d.read(copy), 0, Location.of(copy), false, null, sink, c);
            }
        }
        return c.toCounts();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /** A one-line summary of the page counts, for text surfaces. */
    public static String countsLine(PageCounts c) {
        return String.format(Locale.ROOT, "pages: %,d total; checksum %,d (%,d ok, %,d bad); torn-page %,d (%,d ok, %,d torn); "
                + "unprotected %,d; never used %,d", c.total(), c.checksumProtected(), c.checksumOk(), c.checksumBad(), c.tornProtected(),
                c.tornOk(), c.torn(), c.unprotected(), c.empty());
    }
}

package pagelens.core.exam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.CatalogReader;
import pagelens.core.catalog.Ownership;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Severity;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.io.ProgressSplit;
import pagelens.core.page.PageId;
import pagelens.core.scan.PageOwners;
import pagelens.core.store.DatabaseFiles;
import pagelens.core.store.FilePageStore;
import pagelens.core.store.PageStore;

/**
 * A database of several data files (.mdf and .ndf) examined as one: every file's pages verified by its own
 * {@link Examination} (the same checks as alone), then the catalog read from the primary over all files, and every page of
 * every file given its owner and checked against the IAM chains, which cross from file to file.
 *
 * @param files     each file's examination, the primary first (their findings are the page findings)
 * @param store     the files as one page store
 * @param catalog   the database's catalog, or null when it could not be read (then {@link #problems} says why)
 * @param ownership the owner of every page of every file, or null with the catalog
 * @param findings  the database's own findings: catalog, file list, allocation (each file's page findings stay in its
 *                  examination)
 * @param problems  what could not be done
 * @param nanos     how long it took
 */
public record DatabaseExamination(List<Examination> files, DatabaseFiles store, Catalog catalog, Ownership ownership, FindingSink findings,
        List<String> problems, long nanos) {

    /** The primary file (the one with the boot page and the catalog). */
    public Path path() {
        return store.evidence();
    }

    /** Every finding: each file's, then the database's. */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        files.forEach(e -> all.addAll(e.findingList()));
        all.addAll(findings.findings());
        return all;
    }

    /**
     * Examines the data files of one database together.
     *
     * @param evidence the data files (any order); exactly one must be the primary (file id 1)
     * @throws IOException when a file is not a data file, no or two files are primary, or two files share a file id
     */
    public static DatabaseExamination run(List<OpenedEvidence> evidence, Examination.Options o, ProgressMonitor monitor) throws IOException {
        long t0 = System.nanoTime();
        OpenedEvidence primary = null;
        List<OpenedEvidence> others = new ArrayList<>();
        for (OpenedEvidence ev : evidence) {
            if (ev.kind() != EvidenceKind.DATA_FILE) {
                throw new IOException(ev.path() + ": is " + ev.kind().id() + ", not a data file (several files are read as one database only "
                        + "when each is a data file)");
            }
            if (Examination.primaryFile(ev)) {
                if (primary != null) {
                    throw new IOException(primary.path() + " and " + ev.path() + " are both primary files (file id 1): files of two databases");
                }
                primary = ev;
            } else {
                others.add(ev);
            }
        }
        if (primary == null) {
            throw new IOException("none of the files is a primary data file (file id 1, with the boot page and the catalog)");
        }
        List<OpenedEvidence> ordered = new ArrayList<>();
        ordered.add(primary);
        ordered.addAll(others);
        List<FilePageStore> otherStores = new ArrayList<>();
        for (OpenedEvidence ev : others) {
            otherStores.add((FilePageStore) ev.pages(ProgressMonitor.NULL));
        }
        DatabaseFiles store;
        try {
            store = DatabaseFiles.of((FilePageStore) primary.pages(ProgressMonitor.NULL), otherStores, false);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        ProgressSplit split = new ProgressSplit(monitor, "Examining " + ordered.size() + " files of one database",
                ordered.stream().mapToInt(ev -> (int) Math.max(1, Math.min(1 << 30, ev.identification().size() >> 20))).toArray());
        List<Examination> files = new ArrayList<>();
        for (OpenedEvidence ev : ordered) {
            files.add(Examination.run(ev, o, split.next(), false));
        }
        split.done();
        FindingSink sink = new FindingSink(o.findingLimit());
        List<String> problems = new ArrayList<>();
        Catalog catalog = null;
        Ownership ownership = null;
        if (o.catalog() && !o.headersOnly()) {
            try {
                catalog = CatalogReader.read(store, monitor);
                Examination.catalogFindings(catalog, store, store.evidence(), sink);
                Examination.fileFindings(catalog, store, store.evidence(), sink);
                PageOwners headers = new PageOwners(true);
                Set<PageId> damaged = new HashSet<>();
                for (Examination e : files) {
                    if (e.status() != null) {
                        headers.addAll(e.status().owners());
                    }
                    for (Finding f : e.findingList()) {
                        if (f.severity().atLeast(Severity.ERROR) && f.location().pageId() >= 0 && f.location().fileId() >= 0) {
                            damaged.add(new PageId(f.location().fileId(), f.location().pageId()));
                        }
                    }
                }
                ownership = Ownership.build(catalog, store, headers, damaged, sink, store.evidence(), monitor);
            } catch (IOException | RuntimeException e) {
                if (e instanceof pagelens.core.io.CanceledException c) {
                    throw c;
                }
                problems.add("system catalog: " + e.getMessage());
                sink.add(new Finding(pagelens.core.findings.Rules.EXAMINATION_INCOMPLETE, "system catalog: " + e.getMessage(),
                        new pagelens.core.findings.Location(store.evidence(), -1, -1, -1, 0, 0)));
            }
        } else if (o.catalog()) {
            catalog = CatalogReader.read(store, monitor);
            Examination.catalogFindings(catalog, store, store.evidence(), sink);
            Examination.fileFindings(catalog, store, store.evidence(), sink);
            ownership = Ownership.walk(catalog, store, sink, store.evidence(), monitor);
        }
        return new DatabaseExamination(List.copyOf(files), store, catalog, ownership, sink, List.copyOf(problems), System.nanoTime() - t0);
    }

    /** The store's pages (for callers that open pages of any file of the database). */
    public PageStore pages() {
        return store;
    }
}

package pagelens.core.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.FindingSink;
import pagelens.core.io.CanceledException;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.io.ProgressSplit;

/**
 * Builds a case: every evidence path examined by {@link Examination} (or the examination a workbench already holds for
 * it, so the report says what the workbench shows), hashed again to show whether it changed since it was opened.
 */
public final class CaseBuilder {
    private final BootLayouts layouts;
    private final XtpFilegroup filegroup;
    private final String filegroupSource;
    private final Map<Path, String> hashesWhenOpened = new LinkedHashMap<>();
    private final Map<Path, Examination> examined = new LinkedHashMap<>();

    /**
     * @param filegroup the user's statement about a memory-optimized filegroup; {@link XtpFilegroup#NOT_STATED} takes what
     *                  each evidence says
     */
    public CaseBuilder(BootLayouts layouts, XtpFilegroup filegroup, String filegroupSource) {
        this.layouts = layouts;
        this.filegroup = filegroup;
        this.filegroupSource = filegroupSource;
    }

    /** The SHA-256 a GUI computed when the evidence was opened; the report re-checks it. */
    public CaseBuilder openedWith(Path p, String sha256) {
        hashesWhenOpened.put(p.toAbsolutePath().normalize(), sha256);
        return this;
    }

    /** An examination already made (the workbench's): used instead of examining the path again. */
    public CaseBuilder examined(Examination e) {
        examined.put(e.path(), e);
        return this;
    }

    public Case build(CaseInfo info, List<Path> paths, ProgressMonitor monitor) {
        List<EvidenceEntry> entries = new ArrayList<>();
        List<Examination> exams = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        FindingSink sink = new FindingSink();
        int[] weights = new int[Math.max(1, paths.size())];
        java.util.Arrays.fill(weights, 1);
        ProgressSplit split = new ProgressSplit(monitor, "Examining the evidence", weights);
        List<OpenedEvidence> opened = new ArrayList<>();
        try {
            for (Path raw : paths) {
                ProgressMonitor m = split.next();
                m.checkCanceled();
                Path p = raw.toAbsolutePath().normalize();
                Examination e = examined.get(p);
                String now = null;
                if (e == null) {
                    Examination.Options o = Examination.Options.defaults(layouts);
                    if (filegroup != XtpFilegroup.NOT_STATED) {
                        o = o.withFilegroup(filegroup, filegroupSource);
                    }
                    OpenedEvidence ev = OpenedEvidence.open(p);
                    opened.add(ev);
                    e = Examination.run(ev, o, m);
                    now = e.sha256();
                } else {
                    if (filegroup != XtpFilegroup.NOT_STATED) {
                        e = e.judgedWith(filegroup, filegroupSource, layouts);
                    }
                    if (e.evidence().file() != null) {
                        try {
                            now = e.evidence().file().sha256(m);
                        } catch (IOException x) {
                            problems.add(p + ": cannot hash: " + x.getMessage());
                        }
                    }
                }
                exams.add(e);
                entries.add(new EvidenceEntry(p, e.evidence().identification(), hashesWhenOpened.get(p), now));
                e.findingList().forEach(sink::add);
                for (String pr : e.problems()) {
                    problems.add(p + ": " + pr);
                }
            }
        } catch (CanceledException e) {
            for (OpenedEvidence x : opened) {
                try {
                    x.close();
                } catch (IOException ignored) {
                    // only read
                }
            }
            throw e;
        } finally {
            split.done();
        }
        Case.Comparison cmp = null;
        List<Examination> boots = exams.stream().filter(x -> x.boot() != null).toList();
        if (boots.size() == 2) {
            cmp = new Case.Comparison(boots.get(0).path(), boots.get(1).path(), BootCompare.compare(boots.get(0).boot(), boots.get(1).boot()));
        }
        return new Case(info, entries, exams, cmp, sink, problems, List.copyOf(opened));
    }
}

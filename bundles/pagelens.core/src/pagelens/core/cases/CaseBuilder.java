package pagelens.core.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.BootPageException;
import pagelens.core.boot.BootSources;
import pagelens.core.boot.XtpFilegroup;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identification;
import pagelens.core.identify.Identifier;
import pagelens.core.io.CanceledException;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.scan.FileScanner;
import pagelens.core.scan.ScanResult;

/** Runs what a report needs on each evidence item: identify, hash, scan, boot page. */
public final class CaseBuilder {
    private final BootLayouts layouts;
    private final XtpFilegroup filegroup;
    private final String filegroupSource;
    private final Map<Path, String> hashesWhenOpened = new LinkedHashMap<>();

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

    public Case build(CaseInfo info, List<Path> paths, ProgressMonitor monitor) {
        List<EvidenceEntry> entries = new ArrayList<>();
        Map<Path, ScanResult> scans = new LinkedHashMap<>();
        Map<Path, BootPage> boots = new LinkedHashMap<>();
        Map<Path, pagelens.core.xtp.XtpContainer.Scan> containers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        FindingSink sink = new FindingSink();
        for (Path raw : paths) {
            monitor.checkCanceled();
            Path p = raw.toAbsolutePath().normalize();
            Identification id = Identifier.identify(p);
            String now = null;
            if (id.readable() && id.kind() != EvidenceKind.XTP_CONTAINER) {
                try {
                    now = EvidenceSource.sha256(p, monitor);
                } catch (IOException e) {
                    problems.add(p + ": cannot hash: " + e.getMessage());
                }
            }
            entries.add(new EvidenceEntry(p, id, hashesWhenOpened.get(p), now));
            if (!id.readable()) {
                problems.add(p + ": " + id.summary());
                continue;
            }
            try {
                if (id.kind() == EvidenceKind.DATA_FILE || id.kind() == EvidenceKind.LOG_FILE || id.kind() == EvidenceKind.UNKNOWN
                        && id.size() >= Page.SIZE) {
                    scans.put(p, new FileScanner().scan(p, monitor, sink));
                }
                if (id.kind() == EvidenceKind.XTP_CONTAINER) {
                    pagelens.core.xtp.XtpContainer.Scan xs = pagelens.core.xtp.XtpContainer.scan(p, monitor);
                    containers.put(p, xs);
                    xs.findings().forEach(sink::add);
                }
                if (id.kind() == EvidenceKind.DATA_FILE && id.databaseVersion() != null || id.kind() == EvidenceKind.BACKUP
                        || id.kind() == EvidenceKind.DBCC_PAGE_DUMP) {
                    BootSources.Copy c = BootSources.asRestored(BootSources.read(p));
                    BootPage b = BootPage.decode(c.page(), layouts, filegroup, filegroupSource);
                    boots.put(p, b);
                    sink.add(new Finding(b.hekaton().rule(), b.hekaton().headline(), new Location(p, 1, 9, c.offset(),
                            Math.max(0, b.hekaton().regionStart()), Math.max(0, b.hekaton().regionEnd() - b.hekaton().regionStart()))));
                }
            } catch (CanceledException e) {
                throw e;
            } catch (IOException | BootPageException | RuntimeException e) {
                problems.add(p + ": " + e.getMessage());
            }
        }
        Case.Comparison cmp = null;
        if (boots.size() == 2) {
            List<Path> keys = new ArrayList<>(boots.keySet());
            cmp = new Case.Comparison(keys.get(0), keys.get(1), BootCompare.compare(boots.get(keys.get(0)), boots.get(keys.get(1))));
        }
        return new Case(info, entries, scans, boots, cmp, sink, problems, containers);
    }
}

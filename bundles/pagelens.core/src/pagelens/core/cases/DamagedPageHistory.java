package pagelens.core.cases;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.log.LogFile;
import pagelens.core.log.Logs;
import pagelens.core.exam.Examination;
import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;

/**
 * What the logs of a case say about its damaged data pages: for each page with an error finding in a data file or backup of
 * the case, the last records of each log of the case that name it (log.md 6.5: a page operation names its page), so a ticket
 * shows what last happened to the page and in which transaction. Logs and data files are paired when a case holds both; a
 * backup's own log part is paired with its own pages.
 */
public final class DamagedPageHistory {
    /**
     * One damaged page in one log.
     *
     * @param log     the log (a .ldf, or a backup whose log part was read)
     * @param data    the evidence the page is damaged in
     * @param page    the page
     * @param owner   the table and index the page belongs to (its examination's owner), or null when not known
     * @param damage  the first error finding's title on the page
     * @param records how many records of the log name the page
     * @param last    the last of them (at most the number asked for), in log order
     */
    public record Entry(java.nio.file.Path log, java.nio.file.Path data, PageId page, pagelens.core.catalog.Owner owner, String damage, long records,
            List<LogFile.Record> last) {
    }

    /** The entries described (at most the pages asked for) and how many damaged pages there are in all. */
    public record Result(List<Entry> entries, int damagedPages) {
    }

    private DamagedPageHistory() {
    }

    /**
     * Reads each log of the case once (a pass over its records, nothing kept but the last {@code perPage} records of each of
     * at most {@code maxPages} damaged pages).
     */
    public static Result of(Case c, int maxPages, int perPage) {
        List<Examination> logs = new ArrayList<>();
        // the damaged pages asked about, per data file or backup, in the case's order
        Map<Examination, Map<PageId, String>> asked = new LinkedHashMap<>();
        int total = 0;
        int room = Math.max(0, maxPages);
        for (Examination e : c.examinations()) {
            if (e.log() != null) {
                logs.add(e);
            }
            if (!"data file".equals(e.fileKind()) && e.backup() == null) {
                continue;
            }
            Map<PageId, String> damaged = new LinkedHashMap<>();
            for (Finding f : e.findingList()) {
                if (f.severity().atLeast(Severity.ERROR) && f.location().pageId() >= 0 && f.location().fileId() >= 1) {
                    damaged.putIfAbsent(new PageId(f.location().fileId(), f.location().pageId()), f.title());
                }
            }
            total += damaged.size();
            Map<PageId, String> mine = new LinkedHashMap<>();
            damaged.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(room).forEach(x -> mine.put(x.getKey(), x.getValue()));
            room -= mine.size();
            if (!mine.isEmpty()) {
                asked.put(e, mine);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Examination l : logs) {
            // a backup's log part goes with its own pages only; a log file with the data files of the case
            List<Examination> paired = asked.keySet().stream().filter(d -> l == d || l.backup() == null && d.backup() == null).toList();
            if (paired.isEmpty()) {
                continue;
            }
            Map<PageId, ArrayDeque<LogFile.Record>> lastOf = new LinkedHashMap<>();
            Map<PageId, long[]> counts = new LinkedHashMap<>();
            for (Examination d : paired) {
                asked.get(d).keySet().forEach(p -> {
                    lastOf.putIfAbsent(p, new ArrayDeque<>());
                    counts.putIfAbsent(p, new long[1]);
                });
            }
            try {
                Logs.read(l.path(), r -> {
                    ArrayDeque<LogFile.Record> q = r.page() == null || r.stale() ? null : lastOf.get(r.page());
                    if (q != null) {
                        counts.get(r.page())[0]++;
                        if (q.size() == perPage) {
                            q.removeFirst();
                        }
                        q.addLast(r);
                    }
                }, ProgressMonitor.NULL);
            } catch (IOException | RuntimeException x) {
                continue; // the log's own examination says why it cannot be read
            }
            for (Examination d : paired) {
                for (Map.Entry<PageId, String> a : asked.get(d).entrySet()) {
                    out.add(new Entry(l.path(), d.path(), a.getKey(), d.ownerOf(a.getKey()), a.getValue(), counts.get(a.getKey())[0],
                            List.copyOf(lastOf.get(a.getKey()))));
                }
            }
        }
        return new Result(List.copyOf(out), total);
    }
}

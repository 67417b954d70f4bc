package pagelens.core.findings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings with bounded memory: it keeps at most {@code limit} of them (worst kept when full)
 * and counts all of them by severity and rule. Thread-safe.
 */
public final class FindingSink {
    private final int limit;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byRule = new java.util.TreeMap<>();
    private long total;

    public FindingSink(int limit) {
        this.limit = limit;
    }

    public FindingSink() {
        this(100_000);
    }

    public synchronized void add(Finding f) {
        total++;
        bySeverity.merge(f.severity(), 1L, Long::sum);
        byRule.merge(f.ruleId(), 1L, Long::sum);
        if (kept.size() < limit) {
            kept.add(f);
        } else {
            // replace the least severe kept finding when this one is worse
            int worst = -1;
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (kept.get(i).severity().ordinal() > f.severity().ordinal()) {
                    worst = i;
                    break;
                }
            }
            if (worst >= 0) {
                kept.set(worst, f);
            }
        }
    }

    /** The kept findings, ordered by file, page, then severity. */
    public synchronized List<Finding> findings() {
        List<Finding> l = new ArrayList<>(kept);
        l.sort((a, b) -> {
            int c = Integer.compare(a.location().fileId(), b.location().fileId());
            if (c == 0) {
                c = Long.compare(a.location().pageId(), b.location().pageId());
            }
            if (c == 0) {
                c = Long.compare(a.location().fileOffset(), b.location().fileOffset());
            }
            return c != 0 ? c : a.severity().compareTo(b.severity());
        });
        return Collections.unmodifiableList(l);
    }

    public synchronized long total() {
        return total;
    }

    /** How many were counted but not kept. */
    public synchronized long dropped() {
        return total - kept.size();
    }

    public synchronized long count(Severity s) {
        return bySeverity.getOrDefault(s, 0L);
    }

    public synchronized Map<String, Long> countsByRule() {
        return new java.util.TreeMap<>(byRule);
    }

    /** The worst severity seen, or null when there is none. */
    public synchronized Severity worst() {
        for (Severity s : Severity.values()) {
            if (bySeverity.getOrDefault(s, 0L) > 0) {
                return s;
            }
        }
        return null;
    }
}

package pagelens.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The evidence opened last (most recent first, at most {@link #MAX}), kept in the workbench's instance preferences. */
public final class RecentEvidence {
    private RecentEvidence() {
    }

    public static final int MAX = 10;
    private static final String KEY = "recentEvidence";

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode("pagelens.ui");
    }

    /** The list, most recent first (paths that no longer exist included: the menu shows them disabled). */
    public static synchronized List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : node().get(KEY, "").split("\n")) {
            if (!s.isBlank()) {
                out.add(Paths.get(s));
            }
        }
        return out;
    }

    /** Puts {@code p} first. */
    public static synchronized void add(Path p) {
        List<Path> l = list();
        Path abs = p.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        while (l.size() > MAX) {
            l.remove(l.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        l.forEach(x -> sb.append(x).append('\n'));
        node().put(KEY, sb.toString());
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // the list is a convenience: losing it must not stop opening evidence
        }
    }

    /** Empties the list. */
    public static synchronized void clear() {
        node().remove(KEY);
    }

    /** Whether {@code p} can still be opened. */
    public static boolean available(Path p) {
        return Files.exists(p);
    }
}

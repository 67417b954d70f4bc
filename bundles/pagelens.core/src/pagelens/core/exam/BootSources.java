package pagelens.core.exam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.exam.OpenedEvidence;

/**
 * The boot page (1:9) copies of a path, read through {@link OpenedEvidence} (the one road to the bytes: a backup's
 * copies are the pages its reading found in the data streams, so {@code boot} and {@code backup} pick the same copy).
 * For callers that need only the bytes once; surfaces that keep evidence open use {@link OpenedEvidence#bootCopies()}.
 */
public final class BootSources {
    private BootSources() {
    }

    /** One copy of the boot page and where it came from. */
    public record Copy(long offset, byte[] page, String where) {
    }

    /** All copies, in evidence order; never empty (throws with a one-line reason instead). */
    public static List<Copy> read(Path path) throws IOException {
        try (OpenedEvidence ev = OpenedEvidence.open(path)) {
            if (!ev.identification().readable()) {
                throw new IOException(path + ": " + ev.identification().summary());
            }
            List<Copy> out = new ArrayList<>();
            for (OpenedEvidence.BootCopy c : ev.bootCopies()) {
                out.add(new Copy(c.copy().provenance().offset(), c.page(), c.where()));
            }
            return out;
        }
    }

    /** The copy a restore applies: the last one. */
    public static Copy asRestored(List<Copy> copies) {
        return copies.get(copies.size() - 1);
    }
}

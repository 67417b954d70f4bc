package pagelens.core.exam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.exam.OpenedEvidence;
import pagelens.core.page.Bytes;
import pagelens.core.page.PageChecksum;
import pagelens.core.store.Provenance;

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
                out.add(new Copy(c.copy().provenance().offset(), c.page(), where(c.copy().provenance(), c.page())));
            }
            return out;
        }
    }

    /** Where a copy lies, in words. */
    static String where(Provenance p, byte[] page) {
        boolean flagged = (Bytes.u16(page, 4) & 0x200) != 0;
        String check = flagged && !PageChecksum.verifies(page, 0) ? " (checksum does NOT verify)" : "";
        return switch (p.space()) {
            case FILE -> String.format(Locale.ROOT, "offset 0x%X", p.offset()) + check;
            case STREAM -> String.format(Locale.ROOT, "decompressed stream offset 0x%X", p.offset()) + check;
            case TEXT -> "DBCC PAGE output" + check;
        };
    }

    /** The copy a restore applies: the last one. */
    public static Copy asRestored(List<Copy> copies) {
        return copies.get(copies.size() - 1);
    }
}

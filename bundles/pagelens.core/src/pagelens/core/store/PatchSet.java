package pagelens.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;

/**
 * Edits of a page file kept in memory, never in the evidence: each edited page's original and current
 * bytes. {@link #saveCopy} writes a new file (the evidence copied, edited pages replaced) and refuses any
 * path that is evidence.
 */
public final class PatchSet {
    private final Map<PageId, byte[][]> pages = new TreeMap<>();

    /** The page as edited, or null when it has no edit. */
    public byte[] current(PageId id) {
        byte[][] p = pages.get(id);
        return p == null ? null : p[1];
    }

    /** Sets one byte; {@code original} is the page as read from the evidence. Returns the previous value. */
    public int set(PageId id, byte[] original, int offset, int value) {
        byte[][] p = pages.computeIfAbsent(id, k -> new byte[][] { original.clone(), original.clone() });
        int before = p[1][offset] & 0xFF;
        p[1][offset] = (byte) value;
        if (java.util.Arrays.equals(p[0], p[1])) {
            pages.remove(id);
        }
        return before;
    }

    /** Whether a byte differs from the evidence. */
    public boolean changed(PageId id, int offset) {
        byte[][] p = pages.get(id);
        return p != null && p[0][offset] != p[1][offset];
    }

    public boolean isEmpty() {
        return pages.isEmpty();
    }

    public int size() {
        return pages.size();
    }

    /**
     * Writes {@code evidence} with the edited pages to {@code out} (page n at n x 8192), through a
     * temporary file; refuses {@code out} when it is one of {@code evidencePaths}.
     */
    public void saveCopy(Path evidence, Path out, Collection<Path> evidencePaths) throws IOException {
        Path o = out.toAbsolutePath().normalize();
        for (Path e : evidencePaths) {
            Path n = e.toAbsolutePath().normalize();
            if (o.equals(n) || Files.exists(o) && Files.isSameFile(o, n)) {
                throw new IOException(out + ": is evidence; a patched copy never overwrites evidence. Choose another file.");
            }
        }
        Path tmp = o.resolveSibling(o.getFileName() + ".part");
        // one pass: the evidence is read through its read-only source, each chunk gets the edited pages it holds, and only
        // the copy is written
        byte[] buf = new byte[512 * Page.SIZE];
        try (pagelens.core.io.EvidenceSource src = pagelens.core.io.EvidenceSource.open(evidence);
                java.io.OutputStream os = Files.newOutputStream(tmp)) {
            for (long pos = 0; pos < src.size(); pos += buf.length) {
                int n = src.read(pos, buf, 0, (int) Math.min(buf.length, src.size() - pos));
                for (Map.Entry<PageId, byte[][]> e : pages.entrySet()) {
                    long at = e.getKey().pageId() * Page.SIZE - pos;
                    if (at >= 0 && at < n) {
                        System.arraycopy(e.getValue()[1], 0, buf, (int) at, (int) Math.min(Page.SIZE, n - at));
                    }
                }
                os.write(buf, 0, n);
            }
        }
        Files.move(tmp, o, StandardCopyOption.REPLACE_EXISTING);
    }
}

package pagelens.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/** Finds bytes in evidence: chunked, read-only, bounded memory, with progress and cancel. */
public final class ByteSearch {
    private ByteSearch() {
    }

    /** How a typed pattern is read. */
    public enum Mode {
        HEX, TEXT, UTF16
    }

    static final int CHUNK = 4 << 20;

    /** The bytes of a typed pattern; {@link IllegalArgumentException} with a clear message when it cannot be read. */
    public static byte[] pattern(String typed, Mode mode) {
        if (typed == null || typed.isEmpty()) {
            throw new IllegalArgumentException("nothing to find");
        }
        return switch (mode) {
            case HEX -> {
                String h = typed.replaceAll("\\s+", "").replaceFirst("^0[xX]", "");
                if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
                    throw new IllegalArgumentException("not hex bytes: " + typed + " (pairs of hex digits, for example 4D 5A 90)");
                }
                yield HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT));
            }
            case TEXT -> typed.getBytes(StandardCharsets.ISO_8859_1);
            case UTF16 -> typed.getBytes(StandardCharsets.UTF_16LE);
        };
    }

    /** The first offset at or after {@code from} where {@code pattern} occurs, or -1. */
    public static long find(EvidenceSource s, byte[] pattern, long from, ProgressMonitor monitor) throws IOException {
        long size = s.size();
        monitor.begin("Searching", Math.max(0, size - from));
        try {
            long pos = Math.max(0, from);
            while (pos + pattern.length <= size) {
                monitor.checkCanceled();
                byte[] b = s.readUpTo(pos, (int) Math.min(CHUNK + pattern.length - 1L, size - pos));
                int last = b.length - pattern.length;
                outer:
                for (int i = 0; i <= last; i++) {
                    if (b[i] != pattern[0]) {
                        continue;
                    }
                    for (int k = 1; k < pattern.length; k++) {
                        if (b[i + k] != pattern[k]) {
                            continue outer;
                        }
                    }
                    return pos + i;
                }
                monitor.worked(CHUNK);
                pos += CHUNK;
            }
            return -1;
        } finally {
            monitor.done();
        }
    }
}

package pagelens.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** Random-access bytes: an evidence file, or a decompressed view of one. */
public interface ByteSource {
    Path path();

    long size();

    /** Reads up to {@code len} bytes at {@code offset}; fewer at the end. */
    int read(long offset, byte[] dst, int dstOff, int len) throws IOException;

    default byte[] readUpTo(long offset, int len) throws IOException {
        byte[] b = new byte[(int) Math.max(0, Math.min(len, size() - offset))];
        int n = read(offset, b, 0, b.length);
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }
}

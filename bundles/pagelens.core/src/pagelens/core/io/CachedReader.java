package pagelens.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random byte access to an {@link EvidenceSource} through a small LRU cache of fixed-size blocks, so a
 * viewer can show any part of a multi-gigabyte file while holding at most
 * {@code blockSize * maxBlocks} bytes.
 */
public final class CachedReader {
    private final EvidenceSource source;
    private final int blockSize;
    private final Map<Long, byte[]> blocks;

    public CachedReader(EvidenceSource source, int blockSize, int maxBlocks) {
        if (blockSize <= 0 || maxBlocks <= 0) {
            throw new IllegalArgumentException("block size and count must be positive");
        }
        this.source = source;
        this.blockSize = blockSize;
        this.blocks = new LinkedHashMap<>(maxBlocks * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > maxBlocks;
            }
        };
    }

    public long size() {
        return source.size();
    }

    public EvidenceSource source() {
        return source;
    }

    private synchronized byte[] block(long index) {
        byte[] b = blocks.get(index);
        if (b == null) {
            try {
                b = source.readUpTo(index * blockSize, blockSize);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blocks.put(index, b);
        }
        return b;
    }

    /** The byte at {@code offset} (0..255), or -1 past the end of the file. */
    public int byteAt(long offset) {
        if (offset < 0 || offset >= source.size()) {
            return -1;
        }
        byte[] b = block(offset / blockSize);
        int i = (int) (offset % blockSize);
        return i < b.length ? b[i] & 0xFF : -1;
    }

    /** Copies up to {@code len} bytes at {@code offset}; returns how many were available. */
    public int read(long offset, byte[] dst, int dstOff, int len) {
        int n = 0;
        while (n < len) {
            long pos = offset + n;
            if (pos >= source.size()) {
                break;
            }
            byte[] b = block(pos / blockSize);
            int i = (int) (pos % blockSize);
            int k = Math.min(len - n, b.length - i);
            if (k <= 0) {
                break;
            }
            System.arraycopy(b, i, dst, dstOff + n, k);
            n += k;
        }
        return n;
    }
}

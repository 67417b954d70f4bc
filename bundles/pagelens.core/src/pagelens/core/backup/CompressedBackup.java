package pagelens.core.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.io.ByteSource;
import pagelens.core.io.EvidenceSource;
import pagelens.core.page.Bytes;

/**
 * The MTF stream inside a compressed backup ({@code MSSQLBAK}), decompressed lazily by chunk. The file is
 * indexed once (chunk positions only: 28-byte headers {@code 0x21, size/512, compressed length u16, u64,
 * u64, u32 0, u32}, as observed on the samples, docs/formats.md section 10); a read decompresses only the
 * chunks it touches, through a small cache. Uncompressed SFMB blocks and padding between chunks are
 * skipped and not part of the stream.
 */
public final class CompressedBackup implements ByteSource, AutoCloseable {
    static final int HEADER = 28;
    /**
     * Decompressed bytes kept (least recently used out): a backup whose stream fits is decompressed once however often
     * the examination, the editors and the report come back to it; a larger one keeps the recent 32 MiB.
     */
    static final long CACHE_BYTES = 32L << 20;
    /** Bytes read at once while indexing. */
    private static final int WINDOW = 512;
    private long cached;

    /** One chunk: where it is in the file and in the stream. */
    public record Chunk(long fileOffset, int compressedLength, int outputSize, long streamOffset) {
    }

    private final EvidenceSource file;
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Set<Integer> damaged = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());
    private final long size;
    private final Map<Integer, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> e) {
            if (cached > CACHE_BYTES && size() > 1) {
                cached -= e.getValue().length;
                return true;
            }
            return false;
        }
    };

    private CompressedBackup(EvidenceSource file) throws IOException {
        this.file = file;
        long pos = 16;
        long stream = 0;
        // the file is scanned through a small window: bytes between chunks are stepped over in memory (garbage is
        // skipped at memory speed, not one read per byte), and a chunk's compressed body is not read until it is needed
        byte[] win = new byte[WINDOW];
        long winStart = -1;
        int winLen = 0;
        long skipped = 0;
        long fileSize = file.size();
        while (pos + HEADER <= fileSize) {
            if (pos < winStart || pos + HEADER > winStart + winLen) {
                winStart = pos;
                winLen = file.read(pos, win, 0, (int) Math.min(WINDOW, fileSize - pos));
                if (winLen < HEADER) {
                    break;
                }
            }
            int h = (int) (pos - winStart);
            if (win[h] == 'S' && win[h + 1] == 'F' && win[h + 2] == 'M' && win[h + 3] == 'B' && pos % 4096 == 0) {
                pos += 4096;
                continue;
            }
            int out = (win[h + 1] & 0xFF) * 512;
            int clen = Bytes.u16(win, h + 2);
            if ((win[h] & 0xFF) == 0x21 && (out == 4096 || out == 8192 || out == 65536) && clen > 256 && Bytes.u32(win, h + 20) == 0
                    && pos + HEADER + clen <= fileSize) {
                if (skipped > 0) {
                    notes.add(skipped + " byte(s) between chunks before offset 0x" + Long.toHexString(pos) + " skipped");
                    skipped = 0;
                }
                chunks.add(new Chunk(pos, clen, out, stream));
                stream += out;
                pos += HEADER + clen;
                continue;
            }
            pos++;
            skipped++;
        }
        this.size = stream;
    }

    /** Indexes a compressed backup; the source stays open with this object. */
    public static CompressedBackup open(Path path) throws IOException {
        EvidenceSource s = EvidenceSource.open(path);
        try {
            CompressedBackup b = open(s);
            b.ownsFile = true;
            return b;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Indexes a compressed backup read through {@code s}, which the caller keeps open and closes. */
    public static CompressedBackup open(EvidenceSource s) throws IOException {
        Path path = s.path();
        {
            byte[] magic = s.readUpTo(0, 8);
            if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("MSSQLBAK")) {
                throw new IOException(path + ": does not start with MSSQLBAK");
            }
            return new CompressedBackup(s);
        }
    }

    private boolean ownsFile;

    /** The compressed file this stream is read from. */
    public EvidenceSource file() {
        return file;
    }

    public List<Chunk> chunks() {
        return List.copyOf(chunks);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public Path path() {
        return file.path();
    }

    /**
     * Decompresses every chunk once without caching (benchmarks: the decoder's own throughput); returns the output bytes.
     * Damaged chunks are skipped.
     */
    public long decompressAll() throws IOException {
        long n = 0;
        for (Chunk c : chunks) {
            byte[] in = file.readFully(c.fileOffset() + HEADER, c.compressedLength());
            try {
                n += XpressHuffman.decompress(in, 0, in.length, c.outputSize()).length;
            } catch (XpressHuffman.CorruptInput | RuntimeException e) {
                // counted as damage by a normal read
            }
        }
        return n;
    }

    /** Chunks that did not decompress (their bytes read as zeros), in order. */
    public List<Chunk> damagedChunks() {
        synchronized (damaged) {
            return damaged.stream().map(chunks::get).toList();
        }
    }

    /** Size of the decompressed MTF stream. */
    @Override
    public long size() {
        return size;
    }

    private synchronized byte[] chunk(int i) throws IOException {
        byte[] b = cache.get(i);
        if (b == null) {
            Chunk c = chunks.get(i);
            byte[] in = file.readFully(c.fileOffset() + HEADER, c.compressedLength());
            try {
                b = XpressHuffman.decompress(in, 0, in.length, c.outputSize());
            } catch (XpressHuffman.CorruptInput | RuntimeException e) {
                // the rest of the backup is still read: this chunk's bytes read as zeros, and the damage is reported
                damaged.add(i);
                b = new byte[c.outputSize()];
            }
            cached += b.length;
            cache.put(i, b);
        }
        return b;
    }

    private int chunkAt(long streamOffset) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks.get(mid).streamOffset() <= streamOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public int read(long offset, byte[] dst, int dstOff, int len) throws IOException {
        int n = 0;
        while (n < len && offset + n < size) {
            int ci = chunkAt(offset + n);
            Chunk c = chunks.get(ci);
            byte[] b = chunk(ci);
            int in = (int) (offset + n - c.streamOffset());
            int k = Math.min(len - n, b.length - in);
            System.arraycopy(b, in, dst, dstOff + n, k);
            n += k;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (ownsFile) {
            file.close();
        }
    }
}

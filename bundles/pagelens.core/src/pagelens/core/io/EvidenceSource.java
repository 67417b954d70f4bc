package pagelens.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One evidence file, opened read-only. Reads are positional and thread-safe, so several readers (a
 * scan, the hex view, the hash job) can share one source. Nothing here can write to the file: the
 * channel is opened with {@link StandardOpenOption#READ} only.
 */
public final class EvidenceSource implements AutoCloseable, ByteSource {

    private static final int HASH_BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    /** Bytes read through {@link #read} (not the hash): how often the evidence was read, for tests and timing. */
    private final java.util.concurrent.atomic.LongAdder bytesRead = new java.util.concurrent.atomic.LongAdder();
    /** Bytes read by {@link #sha256(ProgressMonitor)}. */
    private final java.util.concurrent.atomic.LongAdder hashBytes = new java.util.concurrent.atomic.LongAdder();

    private EvidenceSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens {@code path} for reading.
     *
     * @throws IOException with a one-line message when the path is missing, a folder or unreadable
     */
    public static EvidenceSource open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a folder, not a file");
        }
        if (!Files.isRegularFile(path)) {
            // a FIFO, device or socket: opening it could block forever or read an endless stream; refused before any read
            throw new IOException(path + ": not a regular file (a FIFO, device or socket): PageLens reads only files");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new EvidenceSource(path, ch, ch.size());
    }

    @Override
    public Path path() {
        return path;
    }

    /** Size in bytes at the time the source was opened. */
    @Override
    public long size() {
        return size;
    }

    /**
     * Reads up to {@code len} bytes at {@code offset} into {@code dst}; fewer at the end of the file.
     *
     * @return the number of bytes read (0 at or past the end)
     */
    @Override
    public int read(long offset, byte[] dst, int dstOff, int len) throws IOException {
        if (offset < 0 || len < 0 || dstOff < 0 || dstOff + len > dst.length) {
            throw new IllegalArgumentException("bad read range: offset " + offset + ", length " + len);
        }
        if (offset >= size || len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, size - offset);
        return read(ByteBuffer.wrap(dst, dstOff, want), offset);
    }

    /**
     * Reads into {@code buf} (to its limit, or fewer at the end of the file) at {@code offset}: the scan's road to
     * the bytes, into its own direct buffers.
     *
     * @return the number of bytes read
     */
    public int read(ByteBuffer buf, long offset) throws IOException {
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        bytesRead.add(pos - offset);
        return (int) (pos - offset);
    }

    /** Reads exactly {@code len} bytes at {@code offset} or throws {@link EOFException}. */
    public byte[] readFully(long offset, int len) throws IOException {
        byte[] b = new byte[len];
        int n = read(offset, b, 0, len);
        if (n != len) {
            throw new EOFException(path + ": wanted " + len + " bytes at offset " + offset + ", file has "
                    + Math.max(0, size - offset));
        }
        return b;
    }

    /** Reads what there is, up to {@code len} bytes, at {@code offset}. */
    @Override
    public byte[] readUpTo(long offset, int len) throws IOException {
        byte[] b = new byte[(int) Math.max(0, Math.min(len, size - offset))];
        int n = read(offset, b, 0, b.length);
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }

    /**
     * SHA-256 of the whole file, as lower-case hex. Reports progress in bytes and stops with
     * {@link CanceledException} when the monitor is canceled.
     */
    public String sha256(ProgressMonitor monitor) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        monitor.begin("SHA-256 of " + path.getFileName(), size);
        try {
            ByteBuffer buf = ByteBuffer.allocateDirect(HASH_BUFFER);
            long pos = 0;
            while (pos < size) {
                monitor.checkCanceled();
                buf.clear();
                int n = channel.read(buf, pos);
                if (n < 0) {
                    break;
                }
                buf.flip();
                md.update(buf);
                pos += n;
                hashBytes.add(n);
                monitor.worked(n);
            }
            return HexFormat.of().formatHex(md.digest());
        } finally {
            monitor.done();
        }
    }

    /** Bytes read so far through {@link #read} (every decode, scan and verification; not the hash). */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** Bytes read so far by the SHA-256. */
    public long hashBytesRead() {
        return hashBytes.sum();
    }

    /** SHA-256 of a file without keeping it open. */
    public static String sha256(Path path, ProgressMonitor monitor) throws IOException {
        try (EvidenceSource s = open(path)) {
            return s.sha256(monitor);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path + " (" + size + " bytes)";
    }
}

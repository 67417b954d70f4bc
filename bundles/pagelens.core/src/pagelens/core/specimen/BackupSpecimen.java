package pagelens.core.specimen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;

/**
 * Writes a SYNTHETIC uncompressed full backup (MTF) of a {@link DataFileSpecimen} in the block order of the real
 * SQL Server 2022 sample (docs/formats.md 5.5): TAPE, SFMB, SSET, VOLB, MSCI (MQCI: SCIN, SFGI, two SFIN), MSDA (the
 * allocated extents as one MQDA stream with its 2-byte lead), a second MSDA with pages 0-15, MSTL, MSLS (MQCI again),
 * SFMB, ESET, SFMB; 1 KiB blocks, every DBLK and stream header checksum valid. The SCIN and SFIN fields are written
 * where PageLens reads them ([INFERRED] layouts): it tests the reader's consistency and makes benchmarks possible, it
 * does not prove the layout.
 */
public final class BackupSpecimen {
    static final int BLOCK = 1024;
    static final int BATCH = 128;

    private final FileChannel ch;
    private long pos;

    private BackupSpecimen(FileChannel ch) {
        this.ch = ch;
    }

    /** The TAPE software name of a specimen: it says SYNTHETIC wherever the backup is shown. */
    public static final String SOFTWARE_NAME = "PageLens specimen (SYNTHETIC)";

    /** Software version the specimen's SCIN carries: SQL Server 2022 RTM. */
    public static final String SOFTWARE = "16.0.1000";

    /** Writes the backup of {@code spec}'s data file to {@code out} (created or replaced). */
    public static void write(Path out, DataFileSpecimen.Spec spec, ProgressMonitor monitor) throws IOException {
        write(out, spec, false, monitor);
    }

    /**
     * Writes the backup as a compressed backup (WITH COMPRESSION's container, docs/format-notes.md "Compressed backups"):
     * "MSSQLBAK", two u32 words (2 and 3, as in the 2019 sample), then the MTF stream of {@link #write} in 8 KiB chunks, each
     * a 28-byte header (0x21, 0x10 = 8 KiB, the compressed length, two u64 and two u32 words: a running chunk number and
     * zeros) and its MS-XCA LZ77+Huffman block ({@link pagelens.core.backup.XpressHuffman#encodeLiterals}: literals only, so
     * the file is a little larger than the plain backup). SYNTHETIC: only what PageLens's reader needs is known of the
     * real header; the stream inside is the plain backup's, byte for byte.
     */
    public static void writeCompressed(Path out, DataFileSpecimen.Spec spec, ProgressMonitor monitor) throws IOException {
        Path plain = out.resolveSibling(out.getFileName() + ".plain.tmp");
        try {
            write(plain, spec, false, monitor);
            try (FileChannel in = FileChannel.open(plain, StandardOpenOption.READ);
                    FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                head.put("MSSQLBAK".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2).putInt(3).flip();
                ch.write(head);
                byte[] chunk = new byte[8192];
                long n = 0;
                while (true) {
                    ByteBuffer b = ByteBuffer.wrap(chunk);
                    while (b.hasRemaining() && in.read(b) > 0) {
                        // fill the chunk
                    }
                    if (b.position() == 0) {
                        break;
                    }
                    java.util.Arrays.fill(chunk, b.position(), chunk.length, (byte) 0); // the last chunk: padded with zeros
                    byte[] body = pagelens.core.backup.XpressHuffman.encodeLiterals(chunk, 0, chunk.length);
                    ByteBuffer h = ByteBuffer.allocate(28).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    h.put((byte) 0x21).put((byte) (chunk.length / 512)).putShort((short) body.length).putLong(0).putLong(n++).putInt(0).putInt(0).flip();
                    ch.write(h);
                    ch.write(ByteBuffer.wrap(body));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(plain);
        }
    }

    /**
     * Writes the backup; with {@code stripe} only every other allocated extent after the first two is written, as one
     * file of a backup striped over two files holds (the GAM inside still marks them all allocated).
     */
    public static void write(Path out, DataFileSpecimen.Spec spec, boolean stripe, ProgressMonitor monitor) throws IOException {
        DataFileSpecimen gen = DataFileSpecimen.of(spec);
        java.util.function.LongPredicate in = p -> (gen.extentUsed(p) || p < 16) && (!stripe || p < 16 || p / 8 % 2 == 0);
        long used = 0;
        for (long p = 0; p < spec.pages(); p++) {
            if (in.test(p)) {
                used++;
            }
        }
        monitor.begin("Writing backup specimen " + out.getFileName(), used + 16);
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            BackupSpecimen w = new BackupSpecimen(ch);
            w.tape();
            w.sfmb();
            w.sset(spec.databaseName());
            w.volb();
            byte[] mqci = mqci(spec);
            w.msci("MSCI", mqci);
            w.msda(gen, 0, spec.pages(), used, in, monitor);
            w.msda(gen, 0, Math.min(16, spec.pages()), Math.min(16, spec.pages()), p -> true, monitor);
            w.simple("MSTL", 596);
            w.msci("MSLS", mqci);
            w.sfmb();
            w.simple("ESET", 88);
            w.sfmb();
        } finally {
            monitor.done();
        }
    }

    // ---- blocks

    private void tape() throws IOException {
        int first = 94 + 2 * SOFTWARE_NAME.length() + 2 & ~3; // the software name lies between the TAPE fields and the first stream
        ByteBuffer b = dblk("TAPE", 0x30000, first);
        b.putInt(52, 0x54997D22).putInt(56, 5).putShort(60, (short) 1).putShort(64, (short) 2).putShort(66, (short) 1);
        putString(b, 80, 94, SOFTWARE_NAME);
        b.putShort(84, (short) 0x400).putShort(86, (short) 0x1200);
        b.put(93, (byte) 1);
        finish(b, first);
    }

    private void sfmb() throws IOException {
        ByteBuffer b = dblk("SFMB", 0x80000000, 512);
        checksum(b);
        write(b, 512);
    }

    private void sset(String name) throws IOException {
        String user = "SYNTHETIC\\pagelens";
        int first = Math.max(228, 100 + 2 * (name.length() + user.length()) + 3 & ~3);
        if (first + 22 > BLOCK) {
            throw new IllegalArgumentException("database name too long for a specimen backup: " + name.length() + " characters");
        }
        ByteBuffer b = dblk("SSET", 0, first);
        b.putInt(52, 0x4).putShort(60, (short) 0x1200).putShort(62, (short) 1);
        putString(b, 64, 100, name);
        putString(b, 76, 100 + 2 * name.length(), user);
        b.put(93, (byte) 16).put(94, (byte) 0);
        finish(b, first);
    }

    private void volb() throws IOException {
        ByteBuffer b = dblk("VOLB", 0, 128);
        putString(b, 64, 72, "PAGELENS-SPECIMEN");
        finish(b, 128);
    }

    private void simple(String type, int firstEvent) throws IOException {
        finish(dblk(type, 0, firstEvent), firstEvent);
    }

    /** An MSCI / MSLS block carrying one MQCI stream. */
    private void msci(String type, byte[] mqci) throws IOException {
        int size = align(56 + 22 + mqci.length + 3 & ~3, 4) + 22;
        size = align(size, BLOCK);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        header(b, type, 0, 56);
        stream(b, 56, "MQCI", mqci.length);
        b.put(56 + 22, mqci);
        int spad = align(56 + 22 + mqci.length, 4);
        stream(b, spad, "SPAD", size - spad - 22);
        checksum(b);
        write(b, size);
    }

    /** An MSDA block: APAD, one MQDA stream with the pages of used extents, an empty MQDA, SPAD. */
    private void msda(DataFileSpecimen gen, long from, long to, long count, java.util.function.LongPredicate in, ProgressMonitor monitor)
            throws IOException {
        long start = pos;
        // the MQDA data (after its 2-byte lead) starts on a 512-byte boundary, as in the samples
        long dataAt = align(start + 60 + 22 + 22 + 2, 512) - 2;
        int apad = (int) (dataAt - 22 - (start + 60 + 22));
        ByteBuffer h = ByteBuffer.allocate((int) (dataAt - start)).order(ByteOrder.LITTLE_ENDIAN);
        header(h, "MSDA", 0, 60);
        stream(h, 60, "APAD", apad);
        long len = 2 + count * Page.SIZE;
        stream(h, 60 + 22 + apad, "MQDA", len);
        checksum(h);
        write(h, h.capacity());
        write(ByteBuffer.allocate(2), 2);
        ByteBuffer batch = ByteBuffer.allocate(BATCH * Page.SIZE);
        long written = 0;
        for (long p = from; p < to; p++) {
            if (!in.test(p)) {
                continue;
            }
            batch.put(gen.page(p));
            written++;
            if (!batch.hasRemaining()) {
                batch.flip();
                write(batch, batch.remaining());
                batch.clear();
                monitor.worked(BATCH);
                monitor.checkCanceled();
            }
        }
        batch.flip();
        write(batch, batch.remaining());
        if (written != count) {
            throw new IllegalStateException("wrote " + written + " pages, announced " + count);
        }
        // an empty MQDA stream, then SPAD to the next block
        long tailStart = pos;
        int tail = (int) (align(tailStart + 22 + 22, BLOCK) - tailStart);
        ByteBuffer t = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        stream(t, 0, "MQDA", 0);
        stream(t, 22, "SPAD", tail - 44);
        write(t, tail);
    }

    // ---- MQCI content

    static byte[] mqci(DataFileSpecimen.Spec spec) {
        String[] v = SOFTWARE.split("\\.");
        ByteBuffer scin = chunk("SCIN", 438);
        scin.putShort(0x18, (short) Integer.parseInt(v[2])).put(0x1A, (byte) Integer.parseInt(v[1])).put(0x1B, (byte) Integer.parseInt(v[0]));
        scin.putShort(0x5E, (short) spec.dbiVersion());
        ByteBuffer sfgi = chunk("SFGI", 238);
        sfgi.putInt(0x0C, 1);
        putString(sfgi, 0x10, 0xE0, "PRIMARY");
        String name = spec.databaseName();
        ByteBuffer data = sfin(1, 1, spec.pages() * Page.SIZE, name, "D:\\SYNTHETIC\\" + name + ".mdf");
        ByteBuffer log = sfin(2, 0, 8L << 20, name + "_log", "D:\\SYNTHETIC\\" + name + "_log.ldf");
        ByteBuffer all = ByteBuffer.allocate(scin.capacity() + sfgi.capacity() + data.capacity() + log.capacity());
        all.put(scin.array()).put(sfgi.array()).put(data.array()).put(log.array());
        return all.array();
    }

    private static ByteBuffer sfin(int fileId, int group, long size, String logical, String physical) {
        int strings = 0x404;
        ByteBuffer b = chunk("SFIN", strings + 2 * (logical.length() + physical.length()));
        b.putInt(0x10, Page.SIZE).putInt(0x14, fileId).putInt(0x1C, fileId).putInt(0x20, 512).putInt(0x24, group).putLong(0x28, size);
        putString(b, 0x30, strings, logical);
        putString(b, 0x34, strings + 2 * logical.length(), physical);
        return b;
    }

    private static ByteBuffer chunk(String tag, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, tag.getBytes(StandardCharsets.US_ASCII)).putInt(4, size);
        return b;
    }

    // ---- helpers

    private ByteBuffer dblk(String type, int attributes, int firstEvent) {
        ByteBuffer b = ByteBuffer.allocate(BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        header(b, type, attributes, firstEvent);
        return b;
    }

    private static void header(ByteBuffer b, String type, int attributes, int firstEvent) {
        b.put(0, type.getBytes(StandardCharsets.US_ASCII)).putInt(4, attributes).putShort(8, (short) firstEvent);
        b.put(10, (byte) 14).put(11, (byte) 1).put(48, (byte) 2);
    }

    /** A block whose only stream is SPAD to the block's end. */
    private void finish(ByteBuffer b, int firstEvent) throws IOException {
        stream(b, firstEvent, "SPAD", BLOCK - firstEvent - 22);
        checksum(b);
        write(b, BLOCK);
    }

    private static void stream(ByteBuffer b, int at, String id, long length) {
        b.put(at, id.getBytes(StandardCharsets.US_ASCII)).putLong(at + 8, length);
        int x = 0;
        for (int i = 0; i < 20; i += 2) {
            x ^= b.getShort(at + i) & 0xFFFF;
        }
        b.putShort(at + 20, (short) x);
    }

    private static void checksum(ByteBuffer b) {
        int x = 0;
        for (int i = 0; i < 50; i += 2) {
            x ^= b.getShort(i) & 0xFFFF;
        }
        b.putShort(50, (short) x);
    }

    private static void putString(ByteBuffer b, int addressAt, int offset, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_16LE);
        b.putShort(addressAt, (short) u.length).putShort(addressAt + 2, (short) offset);
        b.put(offset, u);
    }

    private void write(ByteBuffer b, int len) throws IOException {
        b.position(0).limit(len);
        while (b.hasRemaining()) {
            pos += ch.write(b);
        }
    }

    private static long align(long v, int a) {
        return (v + a - 1) / a * a;
    }

    private static int align(int v, int a) {
        return (v + a - 1) / a * a;
    }
}

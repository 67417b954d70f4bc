package pagelens.core.specimen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.Lsn;
import pagelens.core.page.PageType;

/**
 * Writes a SYNTHETIC transaction log file (.ldf) laid out as docs/log.md describes SQL Server 2019-2022 logs (format byte 6):
 * page 0 with a file header record and a copy of the specimen database's boot record (its checkpoint LSN naming this log's
 * last LOP_BEGIN_CKPT), then VLFs with their headers (signature, parity by use count, sequence number, size, start), used VLFs
 * filled with 4 KB log blocks (status byte per sector with the first/last bits, the displaced bytes at the block end, the
 * previous-block size, the block LSN, the log block checksum), never-used VLFs and the tail of the last one filled with 0xC0.
 * The records are transactions on the specimen's Customers table: LOP_BEGIN_XACT (begin time, name "INSERT"), LOP_INSERT_ROWS
 * naming a data page of the table (page, slot, allocation unit, previous page LSN), LOP_COMMIT_XACT (end time), and at the end a
 * checkpoint (LOP_BEGIN_CKPT, LOP_XACT_CKPT, LOP_END_CKPT). Written block by block: memory stays small whatever the size.
 * The data file's page m_lsn values are the data specimen's own, not these records' LSNs (the two are not one history).
 */
public final class LogSpecimen {
    /** What was written: the LSN range, the checkpoint, counts. */
    public record Result(Lsn first, Lsn last, Lsn checkpoint, long records, long blocks, long transactions, int vlfs, int usedVlfs) {
    }

    static final int SECTOR = 512;
    static final int BLOCK = 4096;
    static final int FORMAT = 6;
    static final int HEADER = 0x48;
    private static final int FIRST_SEQ = 40;
    private static final LocalDateTime START = LocalDateTime.of(2024, 5, 20, 9, 0, 0);

    private final FileChannel ch;
    private final DataFileSpecimen.Spec data;
    private final long vlfSize;
    private final int vlfCount;
    private final int usedVlfs;
    private final Random random;
    private final ByteBuffer out = ByteBuffer.allocate(1 << 20);
    private long written;

    // the block being filled (its fixed-up image: the format byte in place of the status byte)
    private final byte[] block = new byte[BLOCK];
    private final List<Integer> slots = new ArrayList<>();
    private int used = HEADER;
    private long seq;
    private long vlfStart;
    private long blockAt;
    private int prevSize;
    private int parity;
    private long records;
    private long blocks;
    private long transactions;
    private Lsn first;
    private Lsn last;
    private long xactId = 0x2A0;
    private long tick;

    private LogSpecimen(FileChannel ch, DataFileSpecimen.Spec data, long size, long vlfSize) {
        this.ch = ch;
        this.data = data;
        this.vlfSize = vlfSize;
        this.vlfCount = (int) ((size - 0x2000) / vlfSize);
        this.usedVlfs = Math.max(1, vlfCount * 3 / 4);
        this.random = new Random(data.seed() + 7);
    }

    /**
     * Writes a log of about {@code size} bytes (VLFs of {@code vlfSize} bytes after page 0; three quarters of them used) for the
     * database of {@code data}; refuses to replace a file.
     */
    public static Result write(Path path, DataFileSpecimen.Spec data, long size, long vlfSize, ProgressMonitor monitor) throws IOException {
        if (vlfSize < 0x2000 + 4 * BLOCK || vlfSize % SECTOR != 0 || size < 0x2000 + vlfSize) {
            throw new IllegalArgumentException("a specimen log needs VLFs of at least " + (0x2000 + 4 * BLOCK) + " bytes (a multiple of 512) and room for one");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return new LogSpecimen(ch, data, size, vlfSize).run(monitor);
        }
    }

    private Result run(ProgressMonitor monitor) throws IOException {
        monitor.begin("Writing the specimen log", (long) vlfCount * vlfSize);
        try {
            ch.position(0x2000); // page 0 last, when the checkpoint LSN is known
            Lsn checkpoint = null;
            for (int v = 0; v < vlfCount; v++) {
                monitor.checkCanceled();
                vlfStart = 0x2000 + v * vlfSize;
                boolean used = v < usedVlfs;
                seq = used ? FIRST_SEQ + v : 0;
                long uses = used ? 1 : 0;
                parity = used ? 0x40 : 0;
                byte[] h = new byte[0x2000];
                h[0] = (byte) 0xAB;
                h[1] = (byte) parity;
                put(h, 2, 5, 2); // header version of 2012-2022 logs
                put(h, 4, seq, 4);
                put(h, 0x0C, uses, 4);
                put(h, 0x10, vlfSize, 8);
                put(h, 0x18, vlfStart, 8);
                emit(h);
                long limit = vlfStart + vlfSize;
                blockAt = vlfStart + 0x2000;
                if (used) {
                    boolean last = v == usedVlfs - 1;
                    // transactions fill the VLF; the last used VLF ends with a checkpoint and leaves a quarter unused
                    long stopAt = last ? limit - (vlfSize - 0x2000) / 4 : limit;
                    newBlock();
                    while (blockAt + 2L * BLOCK <= stopAt) {
                        transaction();
                    }
                    if (last) {
                        checkpoint = checkpoint();
                    }
                    flushBlock(true);
                }
                fill(limit - (0x2000 + written), (byte) 0xC0); // the file position is 0x2000 + written
                monitor.worked(vlfSize);
            }
            drain();
            ch.position(0);
            ch.write(ByteBuffer.wrap(page0(checkpoint)));
            return new Result(first, last, checkpoint, records, blocks, transactions, vlfCount, usedVlfs);
        } finally {
            monitor.done();
        }
    }

    // ---------------------------------------------------------------- records

    private void transaction() throws IOException {
        long x = xactId++;
        transactions++;
        LocalDateTime t = START.plusNanos(tick++ * 3_333_333L);
        byte[] name = "INSERT".getBytes(StandardCharsets.UTF_16LE);
        Lsn begin = add(record(0x80, 0x00, x, Lsn.ZERO, 0x30, b -> datetime(b, 0x28, t), name, new byte[] { 1 }));
        long page = 40 + random.nextInt(200);
        int rows = 1 + random.nextInt(3);
        Lsn prev = begin;
        for (int k = 0; k < rows; k++) {
            int slot = random.nextInt(40);
            byte[] row = new byte[60 + random.nextInt(40)];
            random.nextBytes(row);
            row[0] = 0x30;
            long pg = page;
            Lsn pv = prev;
            prev = add(record(0x02, 0x02, x, pv, 0x3E, b -> {
                put(b, 0x18, pg, 4);
                put(b, 0x1C, DataFileSpecimen.FILE_ID, 2);
                put(b, 0x1E, slot, 2);
                put(b, 0x20, 0x4B, 4);
                writeLsn(b, 0x24, pv); // previous page LSN (a plausible value)
                put(b, 0x2E, 1, 2);
                put(b, 0x30, DataFileSpecimen.TABLE_AUID, 8);
            }, row));
        }
        Lsn pv = prev;
        add(record(0x81, 0x00, x, pv, 0x20, b -> datetime(b, 0x18, t.plusNanos(2_000_000L)), null, null));
    }

    private Lsn checkpoint() throws IOException {
        Lsn begin = add(record(0x96, 0x00, 0, Lsn.ZERO, 0x20, b -> {
        }, null, null));
        add(record(0x98, 0x17, 0, Lsn.ZERO, 0x20, b -> {
        }, null, null));
        add(record(0x99, 0x00, 0, begin, 0x20, b -> {
        }, null, null));
        return begin;
    }

    private interface Fill {
        void at(byte[] b);
    }

    /**
     * A record (log.md 6.2): u16 0, u16 fixed length, previous LSN, flag bits, transaction id (u32 low, u16 high), operation,
     * context, the operation's fields, then (when elements are given) u16 count, u16 lengths, the elements 4-aligned; padded
     * to 8 bytes (2008+ alignment, 6.1).
     */
    private static byte[] record(int op, int ctx, long xact, Lsn prev, int fixed, Fill fields, byte[]... elements) {
        List<byte[]> els = new ArrayList<>();
        for (byte[] e : elements) {
            if (e != null) {
                els.add(e);
            }
        }
        int len = fixed;
        if (!els.isEmpty()) {
            len = (fixed + 2 + 2 * els.size() + 3) & ~3;
            for (byte[] e : els) {
                len += (e.length + 3) & ~3;
            }
        }
        len = (len + 7) & ~7;
        byte[] b = new byte[len];
        put(b, 2, fixed, 2);
        writeLsn(b, 4, prev);
        put(b, 0x0E, op < 0x80 ? 2 : 0, 2);
        put(b, 0x10, xact, 4);
        put(b, 0x14, xact >>> 32, 2);
        b[0x16] = (byte) op;
        b[0x17] = (byte) ctx;
        fields.at(b);
        if (!els.isEmpty()) {
            put(b, fixed, els.size(), 2);
            int at = (fixed + 2 + 2 * els.size() + 3) & ~3;
            for (int k = 0; k < els.size(); k++) {
                put(b, fixed + 2 + 2 * k, els.get(k).length, 2);
                System.arraycopy(els.get(k), 0, b, at, els.get(k).length);
                at += (els.get(k).length + 3) & ~3;
            }
        }
        return b;
    }

    /** Places a record in the current block (a new block when it does not fit); returns its LSN. */
    private Lsn add(byte[] rec) throws IOException {
        int sectors = BLOCK / SECTOR;
        if (used + rec.length + 2 * (slots.size() + 1) > BLOCK - sectors) {
            flushBlock(false);
            newBlock();
        }
        System.arraycopy(rec, 0, block, used, rec.length);
        slots.add(used);
        used += rec.length;
        records++;
        Lsn lsn = new Lsn(seq, (blockAt - vlfStart) / SECTOR, slots.size());
        if (first == null) {
            first = lsn;
        }
        last = lsn;
        return lsn;
    }

    private void newBlock() {
        Arrays.fill(block, (byte) 0);
        slots.clear();
        used = HEADER;
    }

    /** Finishes the block (header, slot array, displaced bytes, status bytes, checksum) and writes it. */
    private void flushBlock(boolean lastOfVlf) throws IOException {
        if (slots.isEmpty()) {
            return;
        }
        int n = BLOCK / SECTOR;
        int end = used + 2 * slots.size();
        block[0] = (byte) FORMAT;
        put(block, 2, slots.size(), 2);
        put(block, 4, end, 2);
        put(block, 6, BLOCK, 2);
        put(block, 8, 3, 2); // checksum present
        put(block, 0x0A, prevSize, 2);
        writeLsn(block, 0x0C, new Lsn(seq, (blockAt - vlfStart) / SECTOR, 1));
        for (int k = 0; k < slots.size(); k++) {
            put(block, end - 2 - 2 * k, slots.get(k), 2);
        }
        byte[] raw = block.clone();
        for (int i = 0; i < n; i++) {
            raw[BLOCK - 1 - i] = block[i * SECTOR]; // the displaced first byte of sector i, in reverse order at the block end
            raw[i * SECTOR] = (byte) (parity | (i == 0 ? 0x10 : 0) | (i == n - 1 ? 0x08 : 0));
        }
        put(raw, 0x18, checksum(raw), 4);
        emit(raw);
        blocks++;
        prevSize = BLOCK;
        blockAt += BLOCK;
    }

    /**
     * The log block checksum of log.md 5.4 (the page checksum extended to n sectors), written independently of the reader: public
     * so that tests can plant damage that keeps a block's checksum whole.
     */
    public static long checksum(byte[] raw) {
        int n = raw.length / SECTOR;
        int cs = 0;
        for (int i = 0; i < n; i++) {
            int x = 0;
            for (int at = i * SECTOR; at < (i + 1) * SECTOR; at += 4) {
                if (at != 0x18) {
                    x ^= java.nio.ByteBuffer.wrap(raw, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                }
            }
            cs ^= Integer.rotateLeft(x, n - 1 - i);
        }
        return cs & 0xFFFF_FFFFL;
    }

    // ---------------------------------------------------------------- page 0

    private byte[] page0(Lsn checkpoint) {
        PageBuilder pb = new PageBuilder(PageType.FILE_HEADER, 2, 0, 0, 99, checkpoint.vlf(), checkpoint.block(), checkpoint.slot());
        byte[] header = new byte[64];
        header[0] = 0x30;
        put(header, 2, 8, 2);
        header[8] = 1; // a small file header record (the reader does not decode slot 0)
        pb.addRecord(header);
        byte[] boot = BootRecords.record(data, new Random(data.seed()));
        writeLsn(boot, 0x15C, checkpoint); // the checkpoint LSN (boot P+0x1BC = R+0x15C, log.md 3)
        pb.addRecord(boot);
        return pb.finish(0, -1, -1, 2, Protection.CHECKSUM, 1);
    }

    // ---------------------------------------------------------------- bytes

    private void emit(byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int k = Math.min(out.remaining(), b.length - off);
            out.put(b, off, k);
            off += k;
            if (!out.hasRemaining()) {
                drain();
            }
        }
        written += b.length;
    }

    private void fill(long n, byte v) throws IOException {
        byte[] chunk = new byte[(int) Math.min(n, 1 << 16)];
        Arrays.fill(chunk, v);
        while (n > 0) {
            int k = (int) Math.min(n, chunk.length);
            emit(k == chunk.length ? chunk : Arrays.copyOf(chunk, k));
            n -= k;
        }
    }

    private void drain() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
        out.clear();
    }

    private static void datetime(byte[] b, int at, LocalDateTime t) {
        long days = t.toLocalDate().toEpochDay() - LocalDateTime.of(1900, 1, 1, 0, 0).toLocalDate().toEpochDay();
        long ms = t.toLocalTime().toNanoOfDay() / 1_000_000;
        put(b, at, Math.round(ms * 0.3), 4);
        put(b, at + 4, days, 4);
    }

    private static void writeLsn(byte[] b, int at, Lsn l) {
        put(b, at, l.vlf(), 4);
        put(b, at + 4, l.block(), 4);
        put(b, at + 8, l.slot(), 2);
    }

    private static void put(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}

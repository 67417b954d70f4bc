package pagelens.core.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.SlotArray;
import pagelens.core.page.TornBits;

/**
 * A transaction log file read from its bytes (docs/log.md): page 0's copy of the boot record (version, checkpoint LSN), the
 * VLF chain from 0x2000, each used VLF's blocks up to its end of log (the first sector without the VLF's parity), each block
 * checked (sector status bytes, the log block checksum where flagged, its LSN, the previous-block size, the slot array) and
 * fixed up (the displaced first byte of each sector put back), and its records streamed with their header fields. Memory
 * does not grow with the log: records go to the caller as they are read.
 */
public final class LogFile {
    /** First byte of a VLF header. */
    static final int VLF_SIGNATURE = 0xAB;
    private static final int SECTOR = 512;
    private static final int MAX_BLOCK = 61_440;

    /** What a check found wrong, where (a file offset), in words. */
    public record Problem(Kind kind, long offset, String what) {
    }

    /** The kinds of check (docs/log.md 5.5). */
    public enum Kind {
        /** A VLF header that is not one (signature, start offset, size, parity against the use count). */
        VLF_HEADER,
        /** A sector status byte without the VLF's parity or with the wrong first/last bits: a torn or partial block. */
        SECTOR_STATUS,
        /** The log block checksum does not match the block. */
        CHECKSUM,
        /** A block whose LSN or previous-block size does not continue the chain. */
        BLOCK_CHAIN,
        /** A slot array that does not fit its block. */
        SLOT_ARRAY,
        /** The checkpoint page 0 names is not a LOP_BEGIN_CKPT record in the log. */
        CHECKPOINT
    }

    /**
     * One VLF.
     *
     * @param seqNo     FSeqNo (0: never used)
     * @param parity    0x40, 0x80, or 0 for a never-used VLF
     * @param useCount  how often the VLF was activated [INFERRED name, rule VERIFIED: log.md 4.1]
     * @param blocks    blocks read up to its end of log
     * @param records   records in those blocks
     * @param end       why reading stopped: "zero sector", "0xC0 fill", "other parity", "VLF end", or a problem
     */
    public record Vlf(int index, long offset, long size, long seqNo, int parity, int version, long useCount, Lsn createLsn, int blocks, int records,
            String end) {
    }

    /**
     * One log record (2005+ layout; the 2000 layout's operation and context are read where they lie, log.md 6.4).
     *
     * @param page            the page a page operation names (operation &lt; 0x80), or null
     * @param allocationUnit  the allocation unit a page operation names (0 when the record is too short)
     * @param time            LOP_BEGIN_XACT's begin time, LOP_COMMIT_XACT's and LOP_ABORT_XACT's end time (log.md 6.3), else null
     * @param transactionName LOP_BEGIN_XACT's transaction name (its variable element 0, UTF-16), else null
     */
    public record Record(Lsn lsn, long fileOffset, int length, int operation, int context, long transactionId, Lsn previous, PageId page, int pageSlot,
            long allocationUnit, java.time.LocalDateTime time, String transactionName) {
    }

    /** A transaction id as fn_dblog shows it: 4 hex digits, a colon, 8 hex digits (the text every face uses). */
    public static String transactionText(long id) {
        char[] c = new char[13];
        long v = (id >>> 32 & 0xFFFF) << 32 | id & 0xFFFF_FFFFL;
        for (int i = 12; i >= 0; i--) {
            if (i == 4) {
                c[i] = ':';
                continue;
            }
            c[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What the reading found. */
    public record Result(List<Vlf> vlfs, long blocks, long emptyBlocks, long records, long checksummedBlocks, Lsn first, Lsn last, Lsn endOfLog,
            Lsn checkpoint, boolean checkpointIsBeginCheckpoint, int formatByte, int dbiVersion, List<Problem> problems) {
        /** VLFs that have been used (FSeqNo not 0). */
        public long usedVlfs() {
            return vlfs.stream().filter(v -> v.seqNo() != 0).count();
        }
    }

    private final EvidenceSource src;
    private final Consumer<Record> sink;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Long, Integer> lastBlockSize = new HashMap<>();
    private long blocks;
    private long empty;
    private long records;
    private long checksummed;
    private Lsn first;
    private Lsn last;
    private Lsn checkpoint = Lsn.ZERO;
    private boolean checkpointSeen;
    private int formatByte = -1;

    /** Whether anyone takes the records (a summary alone counts them without building them). */
    private final boolean wantRecords;

    private LogFile(EvidenceSource src, Consumer<Record> sink) {
        this.src = src;
        this.sink = sink == null ? r -> {
        } : sink;
        this.wantRecords = sink != null;
    }

    /**
     * A page's history in a log: the records (in file order) whose page id is {@code page}, at most {@code max} (log.md 6.5:
     * operation &lt; 0x80 names its page). The log is read through; nothing else is kept.
     */
    public static List<Record> pageHistory(EvidenceSource src, PageId page, int max) throws IOException {
        List<Record> out = new ArrayList<>();
        read(src, r -> {
            if (page.equals(r.page()) && out.size() < max) {
                out.add(r);
            }
        }, ProgressMonitor.NULL);
        return out;
    }

    /** Reads a log file; every record goes to {@code records} (may be null). */
    public static Result read(EvidenceSource src, Consumer<Record> records, ProgressMonitor monitor) throws IOException {
        LogFile f = new LogFile(src, records);
        return f.run(monitor == null ? ProgressMonitor.NULL : monitor);
    }

    private Result run(ProgressMonitor monitor) throws IOException {
        long size = src.size();
        int dbiVersion = page0();
        List<Vlf> vlfs = new ArrayList<>();
        monitor.begin("Reading the log " + src.path().getFileName(), size);
        long pos = 0x2000;
        int index = 0;
        Lsn endOfLog = null;
        long highest = -1;
        while (pos + 0x2000 <= size) {
            monitor.checkCanceled();
            byte[] h = src.readFully(pos, 0x30);
            long vsize = Bytes.i64(h, 0x10);
            long start = Bytes.i64(h, 0x18);
            boolean cut = (h[0] & 0xFF) == VLF_SIGNATURE && start == pos && vsize >= 0x2000 && pos + vsize > size && vsize <= (1L << 40);
            if (cut) {
                // a valid header whose VLF the file does not hold whole: a truncated log; its blocks up to the file's end are read
                problems.add(new Problem(Kind.SECTOR_STATUS, size, String.format("the file ends 0x%X bytes into VLF %d (offset 0x%X, %d bytes): the log "
                        + "is cut (truncated)", size - pos, Bytes.u32(h, 4), pos, vsize)));
                vsize = (size - pos) / SECTOR * SECTOR;
            }
            if ((h[0] & 0xFF) != VLF_SIGNATURE || start != pos || vsize < 0x2000 || pos + vsize > size) {
                problems.add(new Problem(Kind.VLF_HEADER, pos, String.format("no valid VLF header at offset 0x%X (signature 0x%02X, start 0x%X, size %d): "
                        + "the VLF chain cannot be followed past it", pos, h[0] & 0xFF, start, vsize)));
                break;
            }
            int parity = h[1] & 0xFF;
            long seq = Bytes.u32(h, 4);
            long uses = Bytes.u32(h, 0x0C);
            if (seq != 0 && parity != (uses % 2 == 1 ? 0x40 : 0x80)) {
                problems.add(new Problem(Kind.VLF_HEADER, pos, String.format("VLF %d (offset 0x%X): parity 0x%02X does not follow its use count %d",
                        seq, pos, parity, uses)));
            }
            int[] counts = new int[2];
            String end = "never used";
            long blocksEnd = pos + 0x2000;
            if (seq != 0 && (parity == 0x40 || parity == 0x80)) {
                long[] endAt = new long[1];
                end = vlf(pos, vsize, seq, parity, counts, endAt);
                blocksEnd = endAt[0];
                if (seq > highest) {
                    highest = seq;
                    endOfLog = new Lsn(seq, (blocksEnd - pos) / SECTOR, 1);
                }
            }
            vlfs.add(new Vlf(index++, pos, vsize, seq, parity, Bytes.u16(h, 2), uses, Lsn.read(h, 0x20), counts[0], counts[1], end));
            monitor.worked(vsize);
            pos += vsize;
        }
        if (!checkpoint.isZero() && !checkpointSeen) {
            problems.add(new Problem(Kind.CHECKPOINT, 0, "the checkpoint " + checkpoint + " that page 0 names is not a LOP_BEGIN_CKPT record of this log"));
        }
        monitor.done();
        return new Result(List.copyOf(vlfs), blocks, empty, records, checksummed, first, last, endOfLog, checkpoint, checkpointSeen, formatByte, dbiVersion,
                List.copyOf(problems));
    }

    /** Page 0: the boot record copy in slot 1 (log.md 3): the checkpoint LSN at R+0x15C; returns dbi_version (or -1). */
    private int page0() throws IOException {
        if (src.size() < Page.SIZE) {
            return -1;
        }
        byte[] p = TornBits.asRead(src.readFully(0, Page.SIZE));
        int slots = Bytes.u16(p, pagelens.core.page.PageHeaderLayout.SLOT_COUNT);
        if (p[0] != 1 || slots < 2 || slots > 16) {
            return -1;
        }
        int r = Bytes.u16(p, SlotArray.offsetOfSlot(1));
        if (r < Page.HEADER_SIZE || r + 0x166 > Page.SIZE) {
            return -1;
        }
        checkpoint = Lsn.read(p, r + 0x15C);
        return Bytes.u16(p, r + 4);
    }

    private byte[] win = new byte[0];
    private long winAt = -1;

    /**
     * {@code n} bytes at {@code at} through a read window of up to 1 MiB within the VLF (one read per window instead of two per
     * block); a copy, as the block checks modify nothing but callers keep it.
     */
    private byte[] window(long at, int n, long vlfEnd) throws IOException {
        if (winAt < 0 || at < winAt || at + n > winAt + win.length) {
            int len = (int) Math.max(n, Math.min(1 << 20, vlfEnd - at));
            win = src.readFully(at, len);
            winAt = at;
        }
        int from = (int) (at - winAt);
        return java.util.Arrays.copyOfRange(win, from, from + n);
    }

    /** Reads one used VLF's blocks; returns why it stopped. */
    private String vlf(long pos, long vsize, long seq, int parity, int[] counts, long[] endAt) throws IOException {
        long b = pos + 0x2000;
        long vlfEnd = pos + vsize;
        try {
            while (b + SECTOR <= vlfEnd) {
                endAt[0] = b;
                byte[] s0 = window(b, 8, vlfEnd);
                int st = s0[0] & 0xFF;
                if ((st & 0xC0) != parity || (st & 0x10) == 0) {
                    return st == 0 ? "zero sector" : st == 0xC0 ? "0xC0 fill" : (st & 0xC0) != 0 && (st & 0xC0) != 0xC0 && (st & 0xC0) != parity
                            ? "other parity" : String.format("status byte 0x%02X", st);
                }
                int size = Bytes.u16(s0, 6);
                if (size < SECTOR || size % SECTOR != 0 || size > MAX_BLOCK || b + size > vlfEnd) {
                    problems.add(new Problem(Kind.SECTOR_STATUS, b, String.format("log block at 0x%X (VLF %d): block size %d is impossible", b, seq, size)));
                    return "damaged block";
                }
                byte[] raw = window(b, size, vlfEnd);
                block(raw, b, pos, seq, parity, counts);
                b += size;
                endAt[0] = b;
            }
            return "VLF end";
        } catch (IOException e) {
            problems.add(new Problem(Kind.SECTOR_STATUS, b, "log block at 0x" + Long.toHexString(b) + " cannot be read: " + e.getMessage()));
            return "cut";
        }
    }

    private void block(byte[] raw, long at, long vlfStart, long seq, int parity, int[] counts) {
        int size = raw.length;
        int n = size / SECTOR;
        blocks++;
        counts[0]++;
        // status bytes: the VLF's parity on every sector, 0x10 on the first only, 0x08 on the last only (log.md 5.1)
        for (int i = 0; i < n; i++) {
            int st = raw[i * SECTOR] & 0xFF;
            int want = parity | (i == 0 ? 0x10 : 0) | (i == n - 1 ? 0x08 : 0);
            if (st != want) {
                problems.add(new Problem(Kind.SECTOR_STATUS, at + (long) i * SECTOR, String.format("log block at 0x%X (VLF %d): sector %d of %d has status "
                        + "0x%02X, not 0x%02X: a torn or partial write", at, seq, i, n, st, want)));
                break;
            }
        }
        int flags = Bytes.u16(raw, 8);
        if ((flags & 2) != 0) {
            checksummed++;
            long stored = Bytes.u32(raw, 0x18);
            long computed = checksum(raw);
            if (stored != computed) {
                problems.add(new Problem(Kind.CHECKSUM, at, String.format("log block at 0x%X (VLF %d): stored checksum 0x%08X, computed 0x%08X", at, seq,
                        stored, computed)));
            }
        }
        // fixed up in place: raw is this reader's own copy, and the saved bytes (the last n) never lie at a sector start
        byte[] fixed = raw;
        for (int i = 0; i < n; i++) {
            fixed[i * SECTOR] = raw[size - 1 - i];
        }
        int format = fixed[0] & 0xFF;
        formatByte = format;
        Lsn lsn = Lsn.read(fixed, 0x0C);
        long sector = (at - vlfStart) / SECTOR;
        if (lsn.vlf() != seq || lsn.block() != sector || lsn.slot() != 1) {
            problems.add(new Problem(Kind.BLOCK_CHAIN, at, String.format("log block at 0x%X: its LSN %s is not %d:%d:1", at, lsn, seq, sector)));
        }
        int prev = Bytes.u16(fixed, 0x0A);
        Integer expected = sector == 16 ? lastBlockSize.get(seq - 1) : lastBlockSize.get(seq);
        if (expected != null && prev != expected) {
            problems.add(new Problem(Kind.BLOCK_CHAIN, at, String.format("log block at 0x%X: previous-block size %d, but the previous block is %d bytes",
                    at, prev, expected)));
        }
        lastBlockSize.put(seq, size);
        int slots = Bytes.u16(fixed, 2);
        int used = Bytes.u16(fixed, 4);
        if (slots == 0) {
            empty++;
            return;
        }
        int header = switch (format) {
            case 2 -> 0x18;
            case 3 -> 0x1C;
            case 4 -> 0x28;
            case 5 -> 0x30;
            default -> 0x48;
        };
        int arrayStart = used - 2 * slots;
        if (used > size || arrayStart < header) {
            problems.add(new Problem(Kind.SLOT_ARRAY, at, String.format("log block at 0x%X: %d slots and %d used bytes do not fit its %d bytes", at, slots,
                    used, size)));
            return;
        }
        int[] offs = new int[slots];
        for (int k = 0; k < slots; k++) {
            offs[k] = Bytes.u16(fixed, used - 2 - 2 * k);
            if (offs[k] < header || offs[k] >= arrayStart || k > 0 && offs[k] <= offs[k - 1]) {
                problems.add(new Problem(Kind.SLOT_ARRAY, at, String.format("log block at 0x%X: slot %d at %d is outside [%d, %d) or out of order", at,
                        k + 1, offs[k], header, arrayStart)));
                return;
            }
        }
        // records in a block are in LSN order: the block's first and last bound the log's range
        records += slots;
        counts[1] += slots;
        Lsn blockFirst = new Lsn(seq, sector, 1);
        Lsn blockLast = new Lsn(seq, sector, slots);
        if (first == null || blockFirst.compareTo(first) < 0) {
            first = blockFirst;
        }
        if (last == null || blockLast.compareTo(last) > 0) {
            last = blockLast;
        }
        for (int k = 0; k < slots; k++) {
            int off = offs[k];
            int end = k + 1 < slots ? offs[k + 1] : arrayStart;
            if (wantRecords) {
                record(fixed, off, end - off, new Lsn(seq, sector, k + 1), at + off, format);
            } else if (end - off >= 0x18 && (fixed[off + (format == 2 ? 0x0E : 0x16)] & 0xFF) == 0x96 && checkpoint.vlf() == seq
                    && checkpoint.block() == sector && checkpoint.slot() == k + 1) {
                checkpointSeen = true; // a summary: only the checkpoint record is looked at
            }
        }
    }

    private void record(byte[] b, int off, int len, Lsn lsn, long fileOffset, int format) {
        if (len < 0x18) {
            sink.accept(new Record(lsn, fileOffset, len, -1, -1, 0, Lsn.ZERO, null, -1, 0, null, null));
            return;
        }
        int op = format == 2 ? b[off + 0x0E] & 0xFF : b[off + 0x16] & 0xFF;
        int ctx = format == 2 ? b[off + 0x0F] & 0xFF : b[off + 0x17] & 0xFF;
        long xact = Bytes.u32(b, off + 0x10) | (long) Bytes.u16(b, off + 0x14) << 32;
        Lsn prev = Lsn.read(b, off + 4);
        PageId page = null;
        int slot = -1;
        long au = 0;
        if (op < 0x80 && len >= 0x20) {
            long pid = Bytes.u32(b, off + 0x18);
            int file = Bytes.u16(b, off + 0x1C);
            page = new PageId(file, pid);
            slot = Bytes.u16(b, off + 0x1E);
            if (len >= 0x38 && format != 2) {
                au = Bytes.i64(b, off + 0x30);
            }
        }
        if (op == 0x96 && lsn.equals(checkpoint)) {
            checkpointSeen = true;
        }
        java.time.LocalDateTime time = null;
        String name = null;
        if (format != 2 && op == 0x80 && len >= 0x30) {
            time = datetime(b, off + 0x28);
            name = element0(b, off, len);
        } else if (format != 2 && (op == 0x81 || op == 0x82) && len >= 0x20) {
            time = datetime(b, off + 0x18);
        }
        sink.accept(new Record(lsn, fileOffset, len, op, ctx, xact, prev, page, slot, au, time, name));
    }

    /** A SQL datetime (u32 ticks of 1/300 s, i32 days since 1900-01-01), or null when it is no plausible time. */
    private static java.time.LocalDateTime datetime(byte[] b, int at) {
        long ticks = Bytes.u32(b, at);
        long days = (int) Bytes.u32(b, at + 4);
        if (ticks >= 300L * 86_400 || days < -53_690 || days > 2_958_463) {
            return null;
        }
        return java.time.LocalDateTime.of(1900, 1, 1, 0, 0).plusDays(days).plusNanos(Math.round(ticks * 10.0 / 3.0) * 1_000_000L);
    }

    /** Variable element 0 of a record as UTF-16 (log.md 6.2: u16 count at the fixed length, then u16 lengths, data 4-aligned). */
    private static String element0(byte[] b, int off, int len) {
        int fixed = Bytes.u16(b, off + 2);
        if (fixed < 0x18 || fixed + 4 > len) {
            return null;
        }
        int count = Bytes.u16(b, off + fixed);
        if (count < 1 || count > 64 || fixed + 2 + 2 * count > len) {
            return null;
        }
        int n = Bytes.u16(b, off + fixed + 2);
        int data = (fixed + 2 + 2 * count + 3) & ~3;
        if (n > 512 || data + n > len) {
            return null;
        }
        return new String(b, off + data, n & ~1, java.nio.charset.StandardCharsets.UTF_16LE);
    }

    /**
     * The log block checksum (docs/log.md 5.4): the page checksum extended to n sectors: per sector the XOR of its 128
     * little-endian words as written (the checksum field itself skipped), rotated left by n - 1 - i, all XORed.
     */
    static long checksum(byte[] raw) {
        int n = raw.length / SECTOR;
        int cs = 0;
        for (int i = 0; i < n; i++) {
            // the XOR of the sector's 128 words, read 8 bytes at a time (the XOR of the two halves of a long is the XOR of its words)
            long x = 0;
            int base = i * SECTOR;
            for (int at = base; at < base + SECTOR; at += 8) {
                x ^= (long) LONGS.get(raw, at);
            }
            int w = (int) x ^ (int) (x >>> 32);
            if (i == 0) {
                w ^= (int) INTS.get(raw, 0x18); // the checksum field itself is not part of the sum
            }
            cs ^= Integer.rotateLeft(w, n - 1 - i);
        }
        return cs & 0xFFFF_FFFFL;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
}

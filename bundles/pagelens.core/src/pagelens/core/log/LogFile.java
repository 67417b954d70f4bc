package pagelens.core.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import pagelens.core.io.ByteSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.page.SlotArray;
import pagelens.core.page.TornBits;

/**
 * A transaction log read from its bytes (docs/log.md): from a log file, page 0's copy of the boot record (version, checkpoint
 * and previous-backup LSNs) and the VLF chain from 0x2000; from a full backup, the source log's VLF layout from its MSTL
 * descriptors and the log bytes of their MQTL streams (log.md 11). Used VLFs are read in sequence-number order (so records
 * come in LSN order, as fn_dblog lists them), each up to its end of log (the first sector without the VLF's parity); each
 * block checked (sector status bytes, the log block checksum where flagged, its LSN, the previous-block size, the slot array)
 * and fixed up (the displaced first byte of each sector put back), and its records streamed with their header fields.
 * Transaction chains are followed (each record's previous LSN is the last record of its transaction). After a VLF's end of log,
 * well-formed blocks of an earlier use of the VLF (the other parity, a lower sequence number) are carved as stale and listed
 * apart. Memory does not grow with the log: records go to the caller as they are read; only open transactions are kept.
 */
public final class LogFile {
    /** First byte of a VLF header. */
    static final int VLF_SIGNATURE = 0xAB;
    private static final int SECTOR = 512;
    private static final int MAX_BLOCK = 61_440;
    // record header offsets, from log-record.tsv (the one description of the 2005+ record header)
    private static final int FIXED = LogRecordFields.LAYOUT.offset("fixedLength");
    private static final int PREV = LogRecordFields.LAYOUT.offset("previousLsn");
    private static final int XACT = LogRecordFields.LAYOUT.offset("transactionId");
    private static final int OP = LogRecordFields.LAYOUT.offset("operation");
    private static final int CTX = LogRecordFields.LAYOUT.offset("context");
    private static final int PAGE_ID = LogRecordFields.LAYOUT.offset("page.pageId");
    private static final int PAGE_FILE = LogRecordFields.LAYOUT.offset("page.fileId");
    private static final int PAGE_SLOT = LogRecordFields.LAYOUT.offset("page.slot");
    private static final int PAGE_AU = LogRecordFields.LAYOUT.offset("page.allocationUnit");
    private static final int BEGIN_TIME = LogRecordFields.LAYOUT.offset("begin.time");
    private static final int END_TIME = LogRecordFields.LAYOUT.offset("end.time");

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
        /** The checkpoint page 0 (or the backup's SCIN) names is not a LOP_BEGIN_CKPT record in the log. */
        CHECKPOINT,
        /** A record whose previous LSN is not the last record of its transaction: the chain breaks (a lost or foreign record). */
        TRANSACTION_CHAIN,
        /** What a backup declares of its log does not match the log bytes it carries (LSNs, ranges, bytes absent). */
        BACKUP_LOG
    }

    /**
     * One VLF.
     *
     * @param seqNo     FSeqNo (0: never used)
     * @param parity    0x40, 0x80, or 0 for a never-used VLF
     * @param useCount  how often the VLF was activated [INFERRED name, rule VERIFIED: log.md 4.1]
     * @param blocks    blocks read up to its end of log
     * @param records   records in those blocks
     * @param useCount  how often the VLF was activated, or -1 when not known (a backup's descriptor does not carry it)
     * @param end       why reading stopped: "zero sector", "0xC0 fill", "other parity", "VLF end", "end of the backup's copy", or a
     *                  problem
     * @param staleBlocks well-formed blocks of an earlier use found after the end of log (carved, log.md 5.5)
     * @param staleRecords records in those blocks
     */
    public record Vlf(int index, long offset, long size, long seqNo, int parity, int version, long useCount, Lsn createLsn, int blocks, int records,
            String end, int staleBlocks, int staleRecords) {
    }

    /**
     * One log record (2005+ layout; the 2000 layout's operation and context are read where they lie, log.md 6.4).
     *
     * @param page            the page a page operation names (operation &lt; 0x80), or null
     * @param allocationUnit  the allocation unit a page operation names (0 when the record is too short)
     * @param time            LOP_BEGIN_XACT's begin time, LOP_COMMIT_XACT's and LOP_ABORT_XACT's end time (log.md 6.3), else null
     * @param transactionName LOP_BEGIN_XACT's transaction name (its variable element 0, UTF-16), else null
     * @param fileOffset      offset in the .ldf (for a backup's log: in the source .ldf, as its descriptors give it)
     * @param stale           carved from a block of an earlier use of its VLF, after the end of log: not part of the current log
     */
    public record Record(Lsn lsn, long fileOffset, int length, int operation, int context, long transactionId, Lsn previous, PageId page, int pageSlot,
            long allocationUnit, java.time.LocalDateTime time, String transactionName, boolean stale) {
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

    /**
     * What the reading found.
     *
     * @param backup          for a backup's log: what its descriptors and SCIN declare; null for a log file
     * @param previousBackup  the previous full backup's checkpoint LSN (page 0's boot copy R+0x150, or the backup's SCIN
     *                        DatabaseBackupLSN); zero when there was none, null when not read
     * @param previousBackupInLog whether that LSN lies inside the log's LSN range (the log still holds the records since then)
     * @param chainsFollowed  records whose previous LSN was checked against their transaction's last record
     */
    public record Result(List<Vlf> vlfs, long blocks, long emptyBlocks, long records, long checksummedBlocks, Lsn first, Lsn last, Lsn endOfLog,
            Lsn checkpoint, boolean checkpointIsBeginCheckpoint, int formatByte, int dbiVersion, List<Problem> problems, long staleBlocks, long staleRecords,
            long chainsFollowed, Lsn previousBackup, boolean previousBackupInLog, BackupLog backup) {
        /** VLFs that have been used (FSeqNo not 0). */
        public long usedVlfs() {
            return vlfs.stream().filter(v -> v.seqNo() != 0).count();
        }
    }

    private final ByteSource src;
    private final Consumer<Record> sink;
    private final List<Problem> problems = new ArrayList<>();
    /** The VLF being read (sequence number) and its last block's size, and the same for the VLF read before it. */
    private long sizeSeq = -1;
    private int sizeLast = -1;
    private long sizePrevSeq = -1;
    private int sizePrevLast = -1;
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

    private LogFile(ByteSource src, Consumer<Record> sink) {
        this.src = src;
        this.sink = sink == null ? r -> {
        } : sink;
        this.wantRecords = sink != null;
    }

    /**
     * A page's history in a log: the records (in file order) whose page id is {@code page}, at most {@code max} (log.md 6.5:
     * operation &lt; 0x80 names its page). The log is read through; nothing else is kept.
     */
    public static List<Record> pageHistory(ByteSource src, PageId page, int max) throws IOException {
        List<Record> out = new ArrayList<>();
        read(src, r -> {
            if (!r.stale() && page.equals(r.page()) && out.size() < max) {
                out.add(r);
            }
        }, ProgressMonitor.NULL);
        return out;
    }

    /** Reads a log file; every record goes to {@code records} (may be null). */
    public static Result read(ByteSource src, Consumer<Record> records, ProgressMonitor monitor) throws IOException {
        LogFile f = new LogFile(src, records);
        return f.run(monitor == null ? ProgressMonitor.NULL : monitor);
    }

    /**
     * Reads the log part of a full backup (log.md 11) through its stream {@code src} (the decompressed stream of a compressed
     * backup): the VLFs its descriptors list, the blocks of the bytes it copied, the checks of a log file, and what it declares
     * (SCIN First/Last/Checkpoint LSNs) against what it carries. {@code dbVersion} is the SCIN database version, or null.
     */
    public static Result readBackup(ByteSource src, BackupLog log, Integer dbVersion, Consumer<Record> records, ProgressMonitor monitor)
            throws IOException {
        LogFile f = new LogFile(src, records);
        return f.runBackup(log, dbVersion == null ? -1 : dbVersion, monitor == null ? ProgressMonitor.NULL : monitor);
    }

    /** A VLF to read: where it is, and the part of it whose bytes are at hand ({@code shift} maps .ldf offsets to the source). */
    private record Plan(int index, long offset, long size, long seqNo, int parity, int version, long useCount, Lsn createLsn, long from, long to,
            long shift, String absent) {
    }

    private Result run(ProgressMonitor monitor) throws IOException {
        long size = src.size();
        int dbiVersion = page0();
        List<Plan> plans = new ArrayList<>();
        monitor.begin("Reading the log " + src.path().getFileName(), size);
        long pos = 0x2000;
        int index = 0;
        while (pos + 0x2000 <= size) {
            monitor.checkCanceled();
            byte[] h = readFully(pos, 0x30);
            long vsize = Bytes.i64(h, 0x10);
            long start = Bytes.i64(h, 0x18);
            long whole = vsize;
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
            plans.add(new Plan(index++, pos, cut ? whole : vsize, seq, parity, Bytes.u16(h, 2), uses, Lsn.read(h, 0x20), pos + 0x2000, pos + vsize, 0,
                    null));
            pos += vsize;
        }
        Result r = readPlans(plans, monitor, dbiVersion, null);
        monitor.done();
        return r;
    }

    private Result runBackup(BackupLog log, int dbVersion, ProgressMonitor monitor) throws IOException {
        List<Plan> plans = new ArrayList<>();
        long total = 0;
        int index = 0;
        // in file-offset order, as a log file's VLFs are (the descriptors put the VLFs with content first)
        List<BackupLog.Vlf> byOffset = new ArrayList<>(log.vlfs());
        byOffset.sort(java.util.Comparator.comparingLong(BackupLog.Vlf::start));
        for (BackupLog.Vlf v : byOffset) {
            String absent = null;
            long from = v.start() + 0x2000;
            long to = from;
            long shift = 0;
            if (v.declaresBytes()) {
                if (v.bytesAt() < 0) {
                    absent = "log bytes absent (declared 0x" + Long.toHexString(v.rangeStart()) + "-0x" + Long.toHexString(v.rangeEnd()) + ")";
                    problems.add(new Problem(Kind.BACKUP_LOG, v.descriptorOffset(), String.format("the backup's descriptor of VLF %d declares log bytes "
                            + "0x%X-0x%X of the .ldf, but the backup carries no MQTL stream with them: log range declared, log bytes absent (log.md 11.5)",
                            v.seqNo(), v.rangeStart(), v.rangeEnd())));
                } else if (v.rangeStart() < v.start() || v.rangeEnd() > v.start() + v.size() || (v.rangeStart() - v.start()) % SECTOR != 0) {
                    problems.add(new Problem(Kind.BACKUP_LOG, v.descriptorOffset(), String.format("the backup's descriptor of VLF %d declares bytes "
                            + "0x%X-0x%X outside its VLF 0x%X-0x%X", v.seqNo(), v.rangeStart(), v.rangeEnd(), v.start(), v.start() + v.size())));
                } else {
                    from = v.rangeStart();
                    long have = Math.min(v.rangeEnd() - v.rangeStart(), v.bytes());
                    if (have < v.rangeEnd() - v.rangeStart()) {
                        problems.add(new Problem(Kind.BACKUP_LOG, v.bytesAt(), String.format("VLF %d: the backup declares 0x%X log bytes but its MQTL "
                                + "stream holds 0x%X: the rest is cut", v.seqNo(), v.rangeEnd() - v.rangeStart(), have)));
                    }
                    to = from + have / SECTOR * SECTOR;
                    shift = v.bytesAt() - v.rangeStart();
                    total += to - from;
                }
            }
            if (absent == null && from == to && v.seqNo() != 0) {
                absent = "no log bytes in this backup"; // a VLF of the source log whose content the backup does not carry
            }
            plans.add(new Plan(index++, v.start(), v.size(), v.seqNo(), v.parity(), v.version(), -1, v.createLsn(), from, to, shift, absent));
        }
        if (log.checkpointLsn() != null) {
            checkpoint = log.checkpointLsn();
        }
        monitor.begin("Reading the log part of " + src.path().getFileName(), Math.max(1, total));
        Result r = readPlans(plans, monitor, dbVersion, log);
        monitor.done();
        return r;
    }

    /** Reads the used VLFs in sequence order, then checks what the log names. */
    private Result readPlans(List<Plan> plans, ProgressMonitor monitor, int dbiVersion, BackupLog backup) throws IOException {
        Vlf[] vlfs = new Vlf[plans.size()];
        List<Plan> bySeq = new ArrayList<>(plans);
        bySeq.sort(java.util.Comparator.comparingLong(Plan::seqNo));
        Lsn endOfLog = null;
        boolean endsAtVlfEnd = false;
        for (Plan p : bySeq) {
            monitor.checkCanceled();
            int[] counts = new int[4];
            String end = p.seqNo() == 0 ? "never used" : p.absent() != null ? p.absent() : null;
            if (end == null && (p.parity() == 0x40 || p.parity() == 0x80)) {
                long[] endAt = new long[1];
                shift = p.shift();
                end = vlf(p, counts, endAt);
                boolean backupPart = backup != null;
                if (!backupPart && endAt[0] < p.to()) {
                    stale(p, endAt[0], counts);
                }
                if (backupPart && endAt[0] >= p.to() && p.to() < p.offset() + p.size() && end.equals("VLF end")) {
                    end = "end of the backup's copy";
                }
                if (p.from() < p.to()) {
                    endOfLog = new Lsn(p.seqNo(), (endAt[0] - p.offset()) / SECTOR, 1); // the highest sequence number is read last
                    endsAtVlfEnd = endAt[0] == p.offset() + p.size();
                }
                monitor.worked(p.to() - p.from());
            } else if (end == null) {
                end = String.format("parity 0x%02X unknown", p.parity());
            }
            vlfs[p.index()] = new Vlf(p.index(), p.offset(), p.size(), p.seqNo(), p.parity(), p.version(), p.useCount(), p.createLsn(), counts[0], counts[1],
                    end, counts[2], counts[3]);
        }
        if (!checkpoint.isZero() && !checkpointSeen && (backup == null || records > 0)) {
            problems.add(new Problem(Kind.CHECKPOINT, 0, "the checkpoint " + checkpoint + (backup == null ? " that page 0 names" : " that the backup's SCIN names")
                    + " is not a LOP_BEGIN_CKPT record of this log"));
        }
        // a log whose bytes run to the end of their VLF continues in the next VLF's first block (pubs: LastLSN 192:16:1)
        Lsn nextVlf = endOfLog == null ? null : new Lsn(endOfLog.vlf() + 1, 16, 1);
        if (backup != null && records > 0 && backup.lastLsn() != null && endOfLog != null && !backup.lastLsn().equals(endOfLog)
                && !(endsAtVlfEnd && backup.lastLsn().equals(nextVlf))) {
            problems.add(new Problem(Kind.BACKUP_LOG, 0, "the backup's SCIN LastLSN " + backup.lastLsn() + " is not where its log bytes end (" + endOfLog
                    + ")"));
        }
        if (backup != null && records > 0 && backup.firstLsn() != null && !backup.firstLsn().isZero() && first != null
                && (backup.firstLsn().compareTo(first) < 0 || last != null && backup.firstLsn().compareTo(last) > 0)) {
            problems.add(new Problem(Kind.BACKUP_LOG, 0, "the backup's SCIN FirstLSN " + backup.firstLsn() + " is outside its log bytes (" + first + " - "
                    + last + ")"));
        }
        chainSummary();
        Lsn prevBackup = backup != null ? backup.databaseBackupLsn() : previousBackup;
        boolean prevInLog = prevBackup != null && !prevBackup.isZero() && first != null && prevBackup.compareTo(first) >= 0 && prevBackup.compareTo(last) <= 0;
        return new Result(List.of(vlfs), blocks, empty, records, checksummed, first, last, endOfLog, checkpoint, checkpointSeen, formatByte, dbiVersion,
                List.copyOf(problems), staleBlocks, staleRecords, chainsFollowed, prevBackup, prevInLog, backup);
    }

    /** Page 0: the boot record copy in slot 1 (log.md 3): the checkpoint LSN at R+0x15C; returns dbi_version (or -1). */
    private int page0() throws IOException {
        if (src.size() < Page.SIZE) {
            return -1;
        }
        byte[] p = TornBits.asRead(readFully(0, Page.SIZE));
        int slots = Bytes.u16(p, pagelens.core.page.PageHeaderLayout.SLOT_COUNT);
        if (p[0] != 1 || slots < 2 || slots > 16) {
            return -1;
        }
        int r = Bytes.u16(p, SlotArray.offsetOfSlot(1));
        if (r < Page.HEADER_SIZE || r + 0x166 > Page.SIZE) {
            return -1;
        }
        checkpoint = Lsn.read(p, r + 0x15C);
        previousBackup = Lsn.read(p, r + 0x150);
        return Bytes.u16(p, r + 4);
    }

    private byte[] win = new byte[0];
    private long winAt = -1;
    /** Source offset minus .ldf offset for the VLF being read (0 for a log file; the MQTL stream's place for a backup). */
    private long shift;
    private Lsn previousBackup;
    private long staleBlocks;
    private long staleRecords;
    private long chainsFollowed;
    private long chainBreaks;
    /** Open transactions: id to the packed LSN of its last record (ended transactions are removed). */
    private final LongLongMap openXacts = new LongLongMap();
    /**
     * Recently ended transactions, direct-mapped by id (for LOP_FORGET_XACT, which follows its commit): id and the packed LSN of
     * its commit or abort; a later transaction with the same low bits takes the place (then that FORGET_XACT goes unchecked).
     */
    private final long[] endedIds = new long[ENDED];
    private final long[] endedAt = new long[ENDED];
    private static final int ENDED = 1 << 14;
    private static final int MAX_CHAIN_PROBLEMS = 20;

    private byte[] readFully(long at, int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = src.read(at + got, b, got, n - got);
            if (r <= 0) {
                throw new java.io.EOFException(String.format("0x%X bytes at 0x%X: the source ends at 0x%X", n, at, src.size()));
            }
            got += r;
        }
        return b;
    }

    /** A direct read window when the source is a file (the bytes come into it without the JDK's own bounce buffer). */
    private java.nio.ByteBuffer dwin;
    /** The one block buffer: a block is checked, fixed up and read in it before the next is fetched (nothing keeps it). */
    private final byte[] blk = new byte[MAX_BLOCK];
    private final byte[] head = new byte[0x20];

    /**
     * {@code n} bytes at .ldf offset {@code at} into {@code dst} (from index 0) through a read window of up to 1 MiB within the
     * VLF: one read per window instead of two per block, and for a file one copy from the window into the block buffer.
     */
    private byte[] window(long at, int n, long vlfEnd, byte[] dst) throws IOException {
        long s = at + shift;
        if (winAt < 0 || s < winAt || s + n > winAt + winLen) {
            int len = (int) Math.max(n, Math.min(1 << 20, vlfEnd - at));
            if (src instanceof pagelens.core.io.EvidenceSource es) {
                if (dwin == null || dwin.capacity() < len) {
                    dwin = java.nio.ByteBuffer.allocateDirect(Math.max(len, 1 << 20));
                }
                dwin.clear().limit(len);
                if (es.read(dwin, s) != len) {
                    throw new java.io.EOFException(String.format("0x%X bytes at 0x%X: the source ends at 0x%X", len, s, src.size()));
                }
            } else {
                win = readFully(s, len);
            }
            winAt = s;
            winLen = len;
        }
        int from = (int) (s - winAt);
        if (dwin != null) { // the source is a file
            dwin.get(from, dst, 0, n);
        } else {
            System.arraycopy(win, from, dst, 0, n);
        }
        return dst;
    }

    private int winLen;

    /** Reads one used VLF's blocks from {@code p.from} up to {@code p.to}; returns why it stopped. */
    private String vlf(Plan p, int[] counts, long[] endAt) throws IOException {
        long b = p.from();
        long vlfEnd = p.to();
        long seq = p.seqNo();
        int parity = p.parity();
        endAt[0] = b;
        try {
            while (b + SECTOR <= vlfEnd) {
                endAt[0] = b;
                byte[] s0 = window(b, 8, vlfEnd, head);
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
                byte[] raw = window(b, size, vlfEnd, blk);
                block(raw, size, b, p.offset(), seq, parity, counts, false);
                b += size;
                endAt[0] = b;
            }
            return "VLF end";
        } catch (IOException e) {
            problems.add(new Problem(Kind.SECTOR_STATUS, b, "log block at 0x" + Long.toHexString(b) + " cannot be read: " + e.getMessage()));
            return "cut";
        }
    }

    /**
     * Carves the rest of a VLF after its end of log for blocks of an earlier use (log.md 5.5): a first sector with the other
     * parity, a plausible size, and a block LSN that names this sector in a lower sequence number. Their records are listed as
     * stale, apart from the current log; nothing else is checked or reported about them.
     */
    private void stale(Plan p, long from, int[] counts) throws IOException {
        int other = p.parity() == 0x40 ? 0x80 : 0x40;
        long b = (from + SECTOR - 1) / SECTOR * SECTOR;
        try {
            while (b + SECTOR <= p.to()) {
                byte[] s0 = window(b, 0x20, p.to(), head);
                int st = s0[0] & 0xFF;
                int size = Bytes.u16(s0, 6);
                if ((st & 0xD0) == (other | 0x10) && size >= SECTOR && size % SECTOR == 0 && size <= MAX_BLOCK && b + size <= p.to()) {
                    // the LSN sits at 0x0C, away from any sector start: no fix-up is needed to read it
                    Lsn lsn = Lsn.read(s0, 0x0C);
                    if (lsn.vlf() < p.seqNo() && lsn.vlf() > 0 && lsn.block() == (b - p.offset()) / SECTOR && lsn.slot() == 1) {
                        byte[] raw = window(b, size, p.to(), blk);
                        if (block(raw, size, b, p.offset(), lsn.vlf(), other, counts, true)) {
                            b += size;
                            continue;
                        }
                    }
                }
                b += SECTOR;
            }
        } catch (IOException e) {
            // the carving is best effort: what cannot be read is not reported again (the VLF's own reading said it)
        }
    }

    /** Checks, fixes up and reads one block; a stale block is only read when whole ({@code false} when it is not one). */
    private boolean block(byte[] raw, int size, long at, long vlfStart, long seq, int parity, int[] counts, boolean isStale) {
        int n = size / SECTOR;
        for (int i = 0; i < n; i++) {
            int st = raw[i * SECTOR] & 0xFF;
            int want = parity | (i == 0 ? 0x10 : 0) | (i == n - 1 ? 0x08 : 0);
            if (st != want) {
                if (isStale) {
                    return false;
                }
                problems.add(new Problem(Kind.SECTOR_STATUS, at + (long) i * SECTOR, String.format("log block at 0x%X (VLF %d): sector %d of %d has status "
                        + "0x%02X, not 0x%02X: a torn or partial write", at, seq, i, n, st, want)));
                break;
            }
        }
        int flags = Bytes.u16(raw, 8);
        if ((flags & 2) != 0) {
            long stored = Bytes.u32(raw, 0x18);
            long computed = checksum(raw, size);
            if (isStale) {
                if (stored != computed) {
                    return false;
                }
            } else {
                checksummed++;
                if (stored != computed) {
                    problems.add(new Problem(Kind.CHECKSUM, at, String.format("log block at 0x%X (VLF %d): stored checksum 0x%08X, computed 0x%08X", at, seq,
                            stored, computed)));
                }
            }
        }
        byte[] fixed = fixUp(raw, size); // in place: raw is this reader's own buffer
        int format = fixed[0] & 0xFF;
        int slots = Bytes.u16(fixed, 2);
        int used = Bytes.u16(fixed, 4);
        int header = switch (format) {
            case 2 -> 0x18;
            case 3 -> 0x1C;
            case 4 -> 0x28;
            case 5 -> 0x30;
            default -> 0x48;
        };
        long sector = (at - vlfStart) / SECTOR;
        int arrayStart = used - 2 * slots;
        if (isStale) {
            if (slots == 0 || used > size || arrayStart < header) {
                return false;
            }
        } else {
            blocks++;
            counts[0]++;
            formatByte = format;
            Lsn lsn = Lsn.read(fixed, 0x0C);
            if (lsn.vlf() != seq || lsn.block() != sector || lsn.slot() != 1) {
                problems.add(new Problem(Kind.BLOCK_CHAIN, at, String.format("log block at 0x%X: its LSN %s is not %d:%d:1", at, lsn, seq, sector)));
            }
            int prev = Bytes.u16(fixed, 0x0A);
            if (seq != sizeSeq) {
                sizePrevSeq = sizeSeq;
                sizePrevLast = sizeLast;
                sizeSeq = seq;
                sizeLast = -1;
            }
            // the previous block's size: the last block of the VLF before for a VLF's first block (-1: not known)
            int expected = sector == 16 ? (sizePrevSeq == seq - 1 ? sizePrevLast : -1) : sizeLast;
            if (expected > 0 && prev != expected) {
                problems.add(new Problem(Kind.BLOCK_CHAIN, at, String.format("log block at 0x%X: previous-block size %d, but the previous block is %d bytes",
                        at, prev, expected)));
            }
            sizeLast = size;
            if (slots == 0) {
                empty++;
                return true;
            }
            if (used > size || arrayStart < header) {
                problems.add(new Problem(Kind.SLOT_ARRAY, at, String.format("log block at 0x%X: %d slots and %d used bytes do not fit its %d bytes", at, slots,
                        used, size)));
                return true;
            }
        }
        int[] offs = new int[slots];
        for (int k = 0; k < slots; k++) {
            offs[k] = Bytes.u16(fixed, used - 2 - 2 * k);
            if (offs[k] < header || offs[k] >= arrayStart || k > 0 && offs[k] <= offs[k - 1]) {
                if (isStale) {
                    return false;
                }
                problems.add(new Problem(Kind.SLOT_ARRAY, at, String.format("log block at 0x%X: slot %d at %d is outside [%d, %d) or out of order", at,
                        k + 1, offs[k], header, arrayStart)));
                return true;
            }
        }
        if (isStale) {
            staleBlocks++;
            staleRecords += slots;
            counts[2]++;
            counts[3] += slots;
            if (wantRecords) {
                for (int k = 0; k < slots; k++) {
                    int end = k + 1 < slots ? offs[k + 1] : arrayStart;
                    record(fixed, offs[k], end - offs[k], new Lsn(seq, sector, k + 1), at + offs[k], format, true);
                }
            }
            return true;
        }
        // records in a block are in LSN order: the block's first and last bound the log's range
        records += slots;
        counts[1] += slots;
        if (first == null || seq < first.vlf() || seq == first.vlf() && sector < first.block()) {
            first = new Lsn(seq, sector, 1);
        }
        if (last == null || seq > last.vlf() || seq == last.vlf() && sector >= last.block()) {
            last = new Lsn(seq, sector, slots);
        }
        int opAt = format == 2 ? 0x0E : OP; // the 2000 layout keeps its operation at 0x0E (log.md 6.4)
        for (int k = 0; k < slots; k++) {
            int off = offs[k];
            int end = k + 1 < slots ? offs[k + 1] : arrayStart;
            if (end - off >= 0x18 && format != 2) {
                chain(fixed, off, seq, sector, k + 1, at + off);
            }
            if (wantRecords) {
                record(fixed, off, end - off, new Lsn(seq, sector, k + 1), at + off, format, false);
            } else if (end - off >= 0x18 && (fixed[off + opAt] & 0xFF) == 0x96 && checkpoint.vlf() == seq && checkpoint.block() == sector
                    && checkpoint.slot() == k + 1) {
                checkpointSeen = true; // a summary: only the checkpoint record is looked at
            }
        }
        return true;
    }

    /** An LSN in one long (24-bit VLF, 24-bit block, 16-bit slot): enough for every log seen; -1 when it does not fit. */
    private static long pack(long vlf, long block, int slot) {
        return vlf >= 1 << 24 || block >= 1 << 24 ? -1 : vlf << 40 | block << 16 | slot;
    }

    /**
     * The transaction chain (log.md 12: held on every record examined): a record of a transaction names as its previous LSN a
     * record of the same transaction before it (its last record, or for some records its begin): not later than the
     * transaction's last record seen (a later one is missing from the log) and not before its first (a foreign record).
     * Records of a transaction that began before the log's first LSN, and a chain's first record (previous LSN zero), are not
     * checked.
     */
    private void chain(byte[] b, int off, long seq, long sector, int slot, long fileOffset) {
        long xact = Bytes.u32(b, off + XACT) | (long) Bytes.u16(b, off + XACT + 4) << 32;
        if (xact == 0) {
            return;
        }
        int op = b[off + OP] & 0xFF;
        long own = pack(seq, sector, slot);
        long pv = Bytes.u32(b, off + PREV);
        long pb = Bytes.u32(b, off + PREV + 4);
        int ps = Bytes.u16(b, off + PREV + 8);
        long prev = pack(pv, pb, ps);
        int at = openXacts.find(xact);
        if (at < 0 && op == 0x85) {
            // LOP_FORGET_XACT follows its transaction's commit (seen in the 2019 master log): it names the commit
            int e = (int) (xact & (ENDED - 1));
            if (endedIds[e] == xact && prev > 0) {
                chainsFollowed++;
                if (prev != endedAt[e]) {
                    chainBreaks++;
                    if (chainBreaks <= MAX_CHAIN_PROBLEMS) {
                        problems.add(new Problem(Kind.TRANSACTION_CHAIN, fileOffset, String.format("record %d:%d:%d (LOP_FORGET_XACT) of transaction %s "
                                + "names %d:%d:%d as its previous record, but the transaction ended at %s", seq, sector, slot, transactionText(xact), pv, pb,
                                ps, unpack(endedAt[e]))));
                    }
                }
            }
            return;
        }
        long known = at < 0 ? -1 : openXacts.last[at];
        long begin = at < 0 ? -1 : openXacts.first[at];
        boolean firstOfLog = first.vlf() == seq && first.block() == sector; // the log's first block: its records' chains began earlier
        if (prev > 0 && own > 0 && !firstOfLog) {
            boolean inLog = pv > first.vlf() || pv == first.vlf() && pb >= first.block();
            if (at >= 0 || inLog && op != 0x80) {
                chainsFollowed++;
                boolean broken = at < 0 || known > 0 && prev > known || begin > 0 && prev < begin;
                if (broken) {
                    chainBreaks++;
                    if (chainBreaks <= MAX_CHAIN_PROBLEMS) {
                        problems.add(new Problem(Kind.TRANSACTION_CHAIN, fileOffset, String.format("record %d:%d:%d of transaction %s names %d:%d:%d as its "
                                + "previous record, but %s", seq, sector, slot, transactionText(xact), pv, pb, ps, at < 0
                                        ? "no record of that transaction is in the log before it"
                                        : prev > known ? "the transaction's last record in this log is " + unpack(known) + " (records are missing)"
                                                : "the transaction begins at " + unpack(begin) + " (a record of another transaction)")));
                    }
                }
            }
        }
        if (op == 0x81 || op == 0x82) {
            if (at >= 0) {
                openXacts.removeAt(at);
            }
            if (own > 0) {
                int e = (int) (xact & (ENDED - 1));
                endedIds[e] = xact;
                endedAt[e] = own;
            }
        } else if (own > 0) {
            if (at >= 0) {
                openXacts.last[at] = own;
            } else {
                openXacts.add(xact, own, own);
            }
        }
    }

    private static String unpack(long p) {
        return (p >>> 40) + ":" + (p >>> 16 & 0xFF_FFFF) + ":" + (p & 0xFFFF);
    }

    private void chainSummary() {
        if (chainBreaks > MAX_CHAIN_PROBLEMS) {
            problems.add(new Problem(Kind.TRANSACTION_CHAIN, 0, String.format("%,d more records break their transaction's chain (the first %d are listed)",
                    chainBreaks - MAX_CHAIN_PROBLEMS, MAX_CHAIN_PROBLEMS)));
        }
    }

    private void record(byte[] b, int off, int len, Lsn lsn, long fileOffset, int format, boolean isStale) {
        if (len < 0x18) {
            sink.accept(new Record(lsn, fileOffset, len, -1, -1, 0, Lsn.ZERO, null, -1, 0, null, null, isStale));
            return;
        }
        int op = format == 2 ? b[off + 0x0E] & 0xFF : b[off + OP] & 0xFF;
        int ctx = format == 2 ? b[off + 0x0F] & 0xFF : b[off + CTX] & 0xFF;
        long xact = Bytes.u32(b, off + XACT) | (long) Bytes.u16(b, off + XACT + 4) << 32;
        Lsn prev = Lsn.read(b, off + PREV);
        PageId page = null;
        int slot = -1;
        long au = 0;
        if (op < 0x80 && len >= 0x20) {
            long pid = Bytes.u32(b, off + PAGE_ID);
            int file = Bytes.u16(b, off + PAGE_FILE);
            page = new PageId(file, pid);
            slot = Bytes.u16(b, off + PAGE_SLOT);
            if (len >= 0x38 && format != 2) {
                au = Bytes.i64(b, off + PAGE_AU);
            }
        }
        if (!isStale && op == 0x96 && lsn.equals(checkpoint)) {
            checkpointSeen = true;
        }
        java.time.LocalDateTime time = null;
        String name = null;
        if (format != 2 && op == 0x80 && len >= 0x30) {
            time = datetime(b, off + BEGIN_TIME);
            name = element0(b, off, len);
        } else if (format != 2 && (op == 0x81 || op == 0x82) && len >= 0x20) {
            time = datetime(b, off + END_TIME);
        }
        sink.accept(new Record(lsn, fileOffset, len, op, ctx, xact, prev, page, slot, au, time, name, isStale));
    }

    /** A SQL datetime (u32 ticks of 1/300 s, i32 days since 1900-01-01), or null when it is no plausible time. */
    static java.time.LocalDateTime datetime(byte[] b, int at) {
        long ticks = Bytes.u32(b, at);
        long days = (int) Bytes.u32(b, at + 4);
        if (ticks >= 300L * 86_400 || days < -53_690 || days > 2_958_463) {
            return null;
        }
        return java.time.LocalDateTime.of(1900, 1, 1, 0, 0).plusDays(days).plusNanos(Math.round(ticks * 10.0 / 3.0) * 1_000_000L);
    }

    /** Variable element 0 of a record as UTF-16 (log.md 6.2: u16 count at the fixed length, then u16 lengths, data 4-aligned). */
    private static String element0(byte[] b, int off, int len) {
        int fixed = Bytes.u16(b, off + FIXED);
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
     * The bytes of one record as read (its block fixed up), from the same source the result was read from: a log file, or the
     * backup's stream for a backup's log part.
     */
    public static byte[] recordBytes(ByteSource src, Result result, Record rec) throws IOException {
        Vlf vlf = null;
        for (Vlf v : result.vlfs()) {
            if (rec.fileOffset() >= v.offset() && rec.fileOffset() < v.offset() + v.size()) {
                vlf = v;
            }
        }
        if (vlf == null) {
            throw new IOException("record " + rec.lsn() + " lies in no VLF of the log");
        }
        long shift = 0;
        if (result.backup() != null) {
            final long start = vlf.offset();
            BackupLog.Vlf d = result.backup().vlfs().stream().filter(x -> x.start() == start && x.bytesAt() >= 0).findFirst()
                    .orElseThrow(() -> new IOException("the backup carries no bytes of VLF " + start));
            shift = d.bytesAt() - d.rangeStart();
        }
        long blockAt = vlf.offset() + rec.lsn().block() * SECTOR;
        LogFile f = new LogFile(src, null);
        byte[] head = f.readFully(blockAt + shift, 8);
        int size = Bytes.u16(head, 6);
        int off = (int) (rec.fileOffset() - blockAt);
        if (size < SECTOR || size % SECTOR != 0 || size > MAX_BLOCK || off < 0 || off + rec.length() > size) {
            throw new IOException("the block of record " + rec.lsn() + " at 0x" + Long.toHexString(blockAt) + " is not whole (size " + size + ")");
        }
        byte[] raw = fixUp(f.readFully(blockAt + shift, size), size);
        return java.util.Arrays.copyOfRange(raw, off, off + rec.length());
    }

    /**
     * Puts back the first byte of each of a block's sectors (log.md 5.1: sector i's displaced byte is saved at the block's end,
     * at size - 1 - i; the status byte took its place), in place; the saved bytes never lie at a sector start.
     */
    private static byte[] fixUp(byte[] raw, int size) {
        int n = size / SECTOR;
        for (int i = 0; i < n; i++) {
            raw[i * SECTOR] = raw[size - 1 - i];
        }
        return raw;
    }

    /**
     * The log block checksum (docs/log.md 5.4): the page checksum extended to n sectors: per sector the XOR of its 128
     * little-endian words as written (the checksum field itself skipped), rotated left by n - 1 - i, all XORed.
     */
    static long checksum(byte[] raw, int size) {
        int n = size / SECTOR;
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

package pagelens.core.xtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;

/**
 * Walks the blocks of one checkpoint file (xtp-evidence.md 1.5 and 7): 40-byte block headers on 512-byte
 * boundaries, {@code u32} block size at +4 (0x40000 for data blocks [REAL, one sample]; 0x1000 for other kinds
 * [CLAIMED]) repeated at +8 (0 in a file-header block [CLAIMED]), two lengths at +32/+36 [EMPIRICAL: used length and
 * 8 less]. A claimed 4 KiB file-header block starting "CKPT" [CLAIMED, unverified] is skipped when present. The next
 * header is looked for at the fixed pitch (offset + block size), then at the used length rounded to 512 bytes, then
 * by resynchronising on the next plausible header; regions in between are reported, an all-zero tail is taken as
 * unused space. Data blocks are walked record by record ({@link XtpRecords}). Reads one block at a time: memory stays
 * bounded whatever the file size. Block checksums are not verified: the algorithm is not public.
 */
public final class XtpBlocks {
    private XtpBlocks() {
    }

    public static final int DATA_BLOCK = 0x40000;
    public static final int SMALL_BLOCK = 0x1000;
    private static final int CHUNK = 1 << 20;
    private static final ByteBuffer ZERO_DIRECT = ByteBuffer.allocateDirect(CHUNK);

    /** One block: header fields, records decoded (data blocks), where the record chain ends (block-relative). */
    public record Block(long offset, int type, int field2, long size, long size2, long length1, long length2, int rows,
            int recordEnd, boolean cut) {
        public boolean data() {
            return size == DATA_BLOCK;
        }
    }

    /** What the walk of one file found. */
    public record FileWalk(Path file, long size, boolean claimedHeader, List<Block> blocks, long dataEnd, long zeroTail,
            int rows, List<Finding> findings) {
        /** The kind the bytes suggest (never certain: the DMV says what a file is). */
        public String inferredKind() {
            if (size == 0) {
                return "empty";
            }
            if (blocks.isEmpty()) {
                return zeroTail == size ? "all zero (unused: PRECREATED or FREE?)" : "unknown (no block header found)";
            }
            long data = blocks.stream().filter(Block::data).count();
            if (data == blocks.size()) {
                return "DATA? (256 KiB row blocks) " + pagelens.core.Evidence.EMPIRICAL.tag();
            }
            if (data == 0) {
                return "DELTA, ROOT or other (4 KiB blocks) " + pagelens.core.Evidence.CLAIMED.tag();
            }
            return "mixed block sizes";
        }
    }

    static boolean plausibleHeader(byte[] b, int at) {
        if (at + 40 > b.length) {
            return false;
        }
        long size = Bytes.u32(b, at + XtpBlockLayout.BLOCK_SIZE);
        return (size == DATA_BLOCK || size == SMALL_BLOCK) && Bytes.u32(b, at + XtpBlockLayout.USED_LENGTH) <= size
                && Bytes.u32(b, at + XtpBlockLayout.USED_LENGTH_LESS_8) <= size && Bytes.u16(b, at + XtpBlockLayout.KIND) != 0;
    }

    /** Walks {@code file}; {@code shown} is the name used in findings (relative to the container). */
    public static FileWalk walk(Path file, ProgressMonitor monitor) throws IOException {
        try (pagelens.core.io.EvidenceSource ch = pagelens.core.io.EvidenceSource.open(file)) {
            return walk(ch, file, monitor);
        }
    }

    static FileWalk walk(pagelens.core.io.EvidenceSource ch, Path file, ProgressMonitor monitor) throws IOException {
        long size = ch.size();
        List<Block> blocks = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int rows = 0;
        if (size == 0) {
            findings.add(new Finding(Rules.XTP_FILE_CUT, "Empty checkpoint file (0 bytes)", at(file, 0, 0)));
            return new FileWalk(file, 0, false, List.of(), 0, 0, 0, findings);
        }
        byte[] head = read(ch, 0, 40);
        boolean claimed = head.length >= 4 && head[0] == 'C' && head[1] == 'K' && head[2] == 'P' && head[3] == 'T';
        long pos = claimed ? SMALL_BLOCK : 0;
        long dataEnd = pos;
        long zeroTail = 0;
        byte[] buf = new byte[DATA_BLOCK];
        while (pos + 40 <= size) {
            monitor.checkCanceled();
            byte[] h = read(ch, pos, XtpBlockLayout.SIZE);
            if (!plausibleHeader(h, 0)) {
                // resynchronise: look for the next header on a 512-byte boundary; an all-zero run to the end is unused space
                long[] r = resync(ch, pos, size, findings, file, monitor);
                if (r[0] < 0) {
                    zeroTail = r[1];
                    break;
                }
                pos = r[0];
                continue;
            }
            long bsize = Bytes.u32(h, XtpBlockLayout.BLOCK_SIZE);
            long size2 = Bytes.u32(h, XtpBlockLayout.BLOCK_SIZE_AGAIN);
            long l1 = Bytes.u32(h, XtpBlockLayout.USED_LENGTH);
            long l2 = Bytes.u32(h, XtpBlockLayout.USED_LENGTH_LESS_8);
            boolean cut = pos + bsize > size;
            if (cut) {
                findings.add(new Finding(Rules.XTP_FILE_CUT, String.format(Locale.ROOT,
                        "Block at 0x%X claims %,d bytes but the file ends after %,d: the file is cut short", pos, bsize, size - pos),
                        at(file, pos, 40)));
            }
            if (size2 != 0 && size2 != bsize) {
                findings.add(new Finding(Rules.XTP_BLOCK_IMPOSSIBLE, String.format(Locale.ROOT,
                        "Block at 0x%X: size fields disagree (+4 = %,d, +8 = %,d)", pos, bsize, size2), at(file, pos + 4, 8)));
            }
            if (l1 != 0 && l2 != 0 && l1 != l2 + 8) {
                findings.add(new Finding(Rules.XTP_BLOCK_IMPOSSIBLE, String.format(Locale.ROOT,
                        "Block at 0x%X: the lengths at +32/+36 (%,d, %,d) do not differ by 8 as in every block seen", pos, l1, l2),
                        at(file, pos + 32, 8)));
            }
            int n = (int) Math.min(bsize, size - pos);
            int rowsHere = 0;
            int recordEnd = 40;
            if (bsize == DATA_BLOCK) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining() && ch.read(bb, pos + bb.position()) > 0) {
                    // fill
                }
                java.util.Arrays.fill(buf, n, buf.length, (byte) 0);
                long used = l2 != 0 ? l2 : bsize;
                int p = 40;
                while (p < n && XtpRecords.plausibleRow(buf, p) && p < used) {
                    long next = p + 20 + Bytes.u32(buf, p);
                    rowsHere++;
                    if (next > used) {
                        findings.add(new Finding(Rules.XTP_BLOCK_IMPOSSIBLE, String.format(Locale.ROOT,
                                "Block at 0x%X: the record at +0x%X (%,d bytes) runs past the block's used length %,d", pos, p,
                                Bytes.u32(buf, p), used), at(file, pos + p, 20)));
                        p = (int) Math.min(next, n);
                        break;
                    }
                    p = (int) next;
                }
                recordEnd = p;
                if (!cut && used - recordEnd >= 20) {
                    boolean zero = Bytes.allZero(buf, recordEnd, (int) (used - recordEnd));
                    findings.add(new Finding(Rules.XTP_BLOCK_IMPOSSIBLE, String.format(Locale.ROOT,
                            "Block at 0x%X: records end at +0x%X but the used length at +36 is 0x%X; the %,d bytes between are %s",
                            pos, recordEnd, used, used - recordEnd, zero ? "all zero" : "not records"),
                            at(file, pos + recordEnd, (int) (used - recordEnd))));
                }
            }
            rows += rowsHere;
            blocks.add(new Block(pos, Bytes.u16(h, 0), Bytes.u16(h, 2), bsize, size2, l1, l2, rowsHere, recordEnd, cut));
            dataEnd = Math.min(size, pos + Math.max(40, bsize == DATA_BLOCK ? recordEnd : (l1 != 0 ? l1 : bsize)));
            monitor.worked(Math.min(bsize, size - pos));
            if (cut) {
                break;
            }
            long fixed = pos + bsize;
            long variable = pos + ((Math.max(recordEnd, 40) + 511) / 512) * 512;
            if (variable < fixed && variable + 40 <= size && plausibleHeader(read(ch, variable, 40), 0)) {
                pos = variable; // H1: blocks as long as their used bytes, rounded to 512
            } else {
                pos = fixed; // H2: fixed pitch (checked at the top of the loop)
            }
        }
        if (pos < size && pos + 40 > size && zeroTail == 0) {
            byte[] rest = read(ch, pos, (int) (size - pos));
            if (!Bytes.allZero(rest, 0, rest.length)) {
                findings.add(new Finding(Rules.XTP_FOREIGN_REGION, String.format(Locale.ROOT,
                        "%,d bytes at the end of the file (0x%X) are too short for a block", size - pos, pos), at(file, pos, rest.length)));
            } else {
                zeroTail = rest.length;
            }
        }
        return new FileWalk(file, size, claimed, List.copyOf(blocks), dataEnd, zeroTail, rows, List.copyOf(findings));
    }

    /**
     * From {@code pos} (no header there), the next 512-aligned header; the region before it is reported.
     * Returns {next, 0}, or {-1, zeroTailLength} when the rest of the file holds no header.
     */
    private static long[] resync(pagelens.core.io.EvidenceSource ch, long pos, long size, List<Finding> findings, Path file, ProgressMonitor monitor)
            throws IOException {
        long start = pos;
        long firstNonZero = -1;
        long lastNonZeroEnd = -1;
        long p = pos;
        byte[] buf = new byte[CHUNK + 40];
        ByteBuffer direct = ByteBuffer.allocateDirect(CHUNK + 40);
        while (p < size) {
            monitor.checkCanceled();
            int n = (int) Math.min(buf.length, size - p);
            direct.clear().limit(n);
            while (direct.hasRemaining() && ch.read(direct, p + direct.position()) > 0) {
                // fill
            }
            direct.flip();
            if (direct.limit() < n) {
                n = direct.limit();
            }
            if (n == 0) {
                break; // the file shrank while being read
            }
            int step = Math.min(n, CHUNK);
            if (direct.slice(0, step).mismatch(ZERO_DIRECT.slice(0, step)) < 0) {
                // all zero: no header can start here (a header's type is never 0)
                monitor.worked(step);
                p += step;
                continue;
            }
            direct.get(0, buf, 0, n);
            for (int i = 0; i < step; i += 512) {
                if (p + i > start && ((p + i) & 511) == 0 && plausibleHeader(buf, i)) {
                    report(findings, file, start, p + i, firstNonZero);
                    return new long[] { p + i, 0 };
                }
                int len = Math.min(512, n - i);
                if (!Bytes.allZero(buf, i, len)) {
                    if (firstNonZero < 0) {
                        firstNonZero = p + i;
                    }
                    lastNonZeroEnd = p + i + len;
                }
            }
            monitor.worked(step);
            p += step;
        }
        if (firstNonZero >= 0) {
            report(findings, file, start, lastNonZeroEnd, firstNonZero);
            return new long[] { -1, size - lastNonZeroEnd };
        }
        return new long[] { -1, size - start };
    }

    private static void report(List<Finding> findings, Path file, long start, long end, long firstNonZero) {
        if (end <= start) {
            return;
        }
        String what = firstNonZero < 0 ? "all zero" : "neither a block header nor zero";
        findings.add(new Finding(Rules.XTP_FOREIGN_REGION, String.format(Locale.ROOT,
                "%,d bytes at 0x%X where a block header was expected are %s", end - start, start, what),
                at(file, start, (int) Math.min(Integer.MAX_VALUE, end - start))));
    }

    private static Location at(Path file, long offset, int length) {
        return new Location(file, -1, -1, offset, 0, length);
    }

    private static byte[] read(pagelens.core.io.EvidenceSource ch, long pos, int n) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(n);
        while (bb.hasRemaining() && ch.read(bb, pos + bb.position()) > 0) {
            // fill
        }
        return bb.position() == n ? bb.array() : java.util.Arrays.copyOf(bb.array(), bb.position());
    }
}

package pagelens.core.xtp;

import java.util.ArrayList;
import java.util.List;

import pagelens.core.page.Bytes;

/**
 * Walks In-Memory OLTP checkpoint DATA bytes (xtp-evidence.md 1.2-1.5, [EMPIRICAL]): row records
 * {@code u32 size, u32 flags (high bit set, low byte = table?), u32 seq (row id?), u32 timestamp?, u32 0}
 * followed by {@code size} payload bytes, stride 20 + size, no alignment; 40-byte block headers with the
 * block size (256 KiB seen) at +4 and +8 and two lengths at +32/+36; slack between a block's last record
 * and the next 512-aligned block header is kept as slack, never skipped silently.
 */
public final class XtpRecords {
    /** A row record. */
    public record Row(int offset, int size, long flags, long seq, long timestamp, boolean cut) {
        public int tableByte() {
            return (int) (flags & 0xFF);
        }
    }

    /** A block header. */
    public record BlockHeader(int offset, int type, int blockSize, long used1, long used2) {
    }

    /** What a walk found: rows, block headers, slack ranges, problems. */
    public record Walk(List<Row> rows, List<BlockHeader> blocks, List<int[]> slack, List<String> problems) {
    }

    /** Largest payload accepted for one row (a row is at most 8,060 bytes in-row; LOBs go elsewhere). */
    static final int MAX_ROW = 8060;

    /** Whether a 20-byte row header (xtp-evidence.md 1.3) plausibly starts at {@code at}. */
    public static boolean plausibleRow(byte[] b, int at) {
        if (at + 20 > b.length) {
            return false;
        }
        long size = Bytes.u32(b, at);
        long flags = Bytes.u32(b, at + 4);
        return size > 0 && size <= MAX_ROW && (flags & 0x8000_0000L) != 0 && (flags & 0x7FFF_FF00L) == 0 && Bytes.u32(b, at + 16) == 0;
    }

    static boolean plausibleBlock(byte[] b, int at) {
        if (at + 40 > b.length) {
            return false;
        }
        long size = Bytes.u32(b, at + XtpBlockLayout.BLOCK_SIZE);
        return size >= 4096 && size <= (1 << 24) && Bytes.u32(b, at + XtpBlockLayout.BLOCK_SIZE_AGAIN) == size && Bytes.u32(b, at + XtpBlockLayout.USED_LENGTH) <= size
                && Bytes.u32(b, at + XtpBlockLayout.USED_LENGTH_LESS_8) <= size;
    }

    /** Walks from {@code start} (the first record header) to the end of {@code b}. */
    public static Walk walk(byte[] b, int start) {
        List<Row> rows = new ArrayList<>();
        List<BlockHeader> blocks = new ArrayList<>();
        List<int[]> slack = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int at = start;
        while (at < b.length) {
            if (plausibleRow(b, at)) {
                int size = (int) Bytes.u32(b, at);
                boolean cut = at + 20 + size > b.length;
                rows.add(new Row(at, size, Bytes.u32(b, at + 4), Bytes.u32(b, at + 8), Bytes.u32(b, at + 12), cut));
                if (cut) {
                    break;
                }
                at += 20 + size;
                continue;
            }
            // not a record: slack up to the next 512-aligned block header
            int next = (at + 511) / 512 * 512;
            while (next + 40 <= b.length && !plausibleBlock(b, next)) {
                next += 512;
            }
            if (next + 40 > b.length) {
                problems.add(String.format("no record and no block header after 0x%X: %d bytes not decoded", at, b.length - at));
                slack.add(new int[] { at, b.length });
                break;
            }
            if (next > at) {
                slack.add(new int[] { at, next });
            }
            blocks.add(new BlockHeader(next, Bytes.u16(b, next + XtpBlockLayout.KIND), (int) Bytes.u32(b, next + XtpBlockLayout.BLOCK_SIZE),
                    Bytes.u32(b, next + XtpBlockLayout.USED_LENGTH), Bytes.u32(b, next + XtpBlockLayout.USED_LENGTH_LESS_8)));
            at = next + XtpBlockLayout.SIZE;
        }
        return new Walk(List.copyOf(rows), List.copyOf(blocks), List.copyOf(slack), List.copyOf(problems));
    }

    /** The first offset from which a walk yields at least {@code min} consecutive rows (a chunk may start mid-record). */
    public static int firstRecord(byte[] b, int min) {
        for (int at = 0; at + 20 <= b.length; at++) {
            int p = at;
            int n = 0;
            while (n < min && plausibleRow(b, p)) {
                p += 20 + (int) Bytes.u32(b, p);
                n++;
            }
            if (n >= min) {
                return at;
            }
        }
        return -1;
    }
}

package pagelens.core.alloc;

import java.util.ArrayList;
import java.util.List;

import pagelens.core.page.Bytes;
import pagelens.core.page.PageId;

/**
 * The bitmap shared by GAM, SGAM, DIFF, ML and IAM pages: 7,988 bytes at P+0xC2, one bit per extent,
 * LSB first; 63,904 extents = 511,232 pages per interval ([VERIFIED] on real pages).
 */
public final class ExtentBitmap {
    public static final int OFFSET = 0xC2;
    public static final int BYTES = 7988;
    public static final int EXTENTS = BYTES * 8;
    public static final int PAGES_PER_INTERVAL = EXTENTS * 8;

    private final byte[] bits;

    private ExtentBitmap(byte[] bits) {
        this.bits = bits;
    }

    public static ExtentBitmap read(byte[] page, int off) {
        byte[] b = new byte[BYTES];
        System.arraycopy(page, off + OFFSET, b, 0, BYTES);
        return new ExtentBitmap(b);
    }

    /**
     * The set extents of the bitmap of a page, in order, read in place (8 bytes at a time, zero words skipped: an IAM page
     * usually sets a few bits of its 63,904).
     *
     * @param page a page's bytes
     * @param off  where the bitmap's page starts in {@code page}, as for {@link #read}
     */
    public static int[] setExtents(byte[] page, int off) {
        int[] out = new int[16];
        int n = 0;
        int at = off + OFFSET;
        int words = BYTES / 8; // 998 words and 4 bytes
        for (int w = 0; w <= words; w++) {
            long v = w < words ? Bytes.i64(page, at + 8 * w) : Bytes.u32(page, at + 8 * w);
            while (v != 0) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = w * 64 + Long.numberOfTrailingZeros(v);
                v &= v - 1;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An all-zero bitmap (specimens). */
    public static ExtentBitmap empty() {
        return new ExtentBitmap(new byte[BYTES]);
    }

    public boolean get(int extent) {
        return (bits[extent >> 3] >> (extent & 7) & 1) != 0;
    }

    public void set(int extent, boolean value) {
        if (value) {
            bits[extent >> 3] |= (byte) (1 << (extent & 7));
        } else {
            bits[extent >> 3] &= (byte) ~(1 << (extent & 7));
        }
    }

    public void writeTo(byte[] page, int off) {
        System.arraycopy(bits, 0, page, off + OFFSET, BYTES);
    }

    public int cardinality() {
        int n = 0;
        for (byte x : bits) {
            n += Integer.bitCount(x & 0xFF);
        }
        return n;
    }

    /**
     * Runs of equal bits as intervals of pages, DBCC style: {@code (1:0) - (1:15) = value}.
     *
     * @param intervalStart first page of the GAM interval this map covers
     * @param limitExtents  number of extents to describe (for example the file's extents in this interval)
     */
    public List<Run> runs(int fileId, long intervalStart, int limitExtents) {
        List<Run> out = new ArrayList<>();
        // a damaged map (an IAM's start page, a GAM's position) can place the interval near the end of the 32-bit page
        // space: runs stop at the last page id that exists
        long maxPage = 0xFFFF_FFFFL;
        if (intervalStart < 0 || intervalStart > maxPage) {
            return out;
        }
        int n = (int) Math.min(Math.min(limitExtents, EXTENTS), (maxPage - intervalStart + 1) / 8);
        int start = 0;
        for (int e = 1; e <= n; e++) {
            if (e == n || get(e) != get(start)) {
                out.add(new Run(new PageId(fileId, intervalStart + start * 8L), new PageId(fileId, intervalStart + e * 8L - 1), get(start)));
                start = e;
            }
        }
        return out;
    }

    /** A run of extents with the same bit. */
    public record Run(PageId first, PageId last, boolean set) {
    }

    /** The IAM header (record 0 fixed data, section 4.2; [VERIFIED] on (1:100)). */
    public record IamHeader(long sequence, int status, int objectId, int indexId, int pageCount, PageId startPage,
            List<PageId> singlePages) {

        public static IamHeader read(byte[] page, int off) {
            int f = off + 0x64; // F+0
            List<PageId> slots = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                slots.add(PageId.read(page, f + 42 + 6 * k));
            }
            return new IamHeader(Bytes.u32(page, f), Bytes.u16(page, f + 14), Bytes.i32(page, f + 28),
                    (short) Bytes.u16(page, f + 32), Bytes.u8(page, f + 34), PageId.read(page, f + 36), List.copyOf(slots));
        }
    }
}

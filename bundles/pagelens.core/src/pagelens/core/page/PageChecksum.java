package pagelens.core.page;

/**
 * The SQL Server page checksum (docs/formats.md section 2.1): XOR of each 512-byte sector's 128
 * little-endian words, rotated left by 15 - sector and XORed together, with m_tornBits (word 15) taken
 * as zero. The "reserved" variant also zeroes words 16..23 (the 32 reserved header bytes).
 */
public final class PageChecksum {

    private PageChecksum() {
    }

    /** The 16 per-sector XORs of the page starting at {@code off} (word 15 taken as zero). */
    public static int[] sectorXors(byte[] b, int off) {
        return sectorXors(b, off, 15, 15);
    }

    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * One pass over the page: the 16 sector XORs (word 15 taken as zero, as {@link #sectorXors}) into
     * {@code xors}, and a bit per all-zero sector in the result (bit s set = sector s is all zero).
     */
    public static int scan(byte[] b, int off, int[] xors) {
        int zeroMask = 0;
        for (int s = 0; s < Page.SECTORS; s++) {
            long x = 0;
            long or = 0;
            int base = off + s * Page.SECTOR_SIZE;
            for (int i = 0; i < Page.SECTOR_SIZE; i += 32) {
                long a = (long) LONG_LE.get(b, base + i);
                long c = (long) LONG_LE.get(b, base + i + 8);
                long d = (long) LONG_LE.get(b, base + i + 16);
                long e = (long) LONG_LE.get(b, base + i + 24);
                x ^= a ^ c ^ d ^ e;
                or |= a | c | d | e;
            }
            xors[s] = (int) x ^ (int) (x >>> 32);
            if (or == 0) {
                zeroMask |= 1 << s;
            }
        }
        xors[0] ^= (int) INT_LE.get(b, off + 60); // m_tornBits is not part of its own checksum
        return zeroMask;
    }

    /** Combines sector XORs into the checksum. */
    public static long combine(int[] x, int unused) {
        return combine(x);
    }

    /** The reserved-bytes-skipped variant from the standard sector XORs: words 16..23 taken out of sector 0. */
    public static long skippingReserved(byte[] b, int off, int[] xors) {
        int[] x = xors.clone();
        for (int word = 16; word <= 23; word++) {
            x[0] ^= (int) INT_LE.get(b, off + word * 4);
        }
        return combine(x);
    }

    private static final java.lang.invoke.VarHandle INT_LE = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static int[] sectorXors(byte[] b, int off, int skipFrom, int skipTo) {
        int[] x = new int[Page.SECTORS];
        for (int s = 0; s < Page.SECTORS; s++) {
            int acc = 0;
            int base = off + s * Page.SECTOR_SIZE;
            for (int w = 0; w < 128; w++) {
                acc ^= (int) INT_LE.get(b, base + w * 4);
            }
            x[s] = acc;
        }
        // take the skipped words (all in sector 0) back out: XOR is its own inverse
        for (int word = skipFrom; word <= skipTo; word++) {
            x[0] ^= (int) INT_LE.get(b, off + word * 4);
        }
        return x;
    }

    private static long combine(int[] x) {
        int c = 0;
        for (int s = 0; s < Page.SECTORS; s++) {
            c ^= Integer.rotateLeft(x[s], 15 - s);
        }
        return c & 0xFFFF_FFFFL;
    }

    /** The checksum as SQL Server computes it (skip word 15 only). */
    public static long compute(byte[] b, int off) {
        return combine(sectorXors(b, off));
    }

    /** The variant that also skips the reserved header words 16..23 (Totopolis, 2017). */
    public static long computeSkippingReserved(byte[] b, int off) {
        return combine(sectorXors(b, off, 15, 23));
    }

    /** Whether the stored m_tornBits equals either variant of the computed checksum. */
    /**
     * The bytes a recomputed page checksum puts into m_tornBits (little-endian u32), computed over the page with the
     * field zeroed; the page editor writes them as an undoable edit at {@link PageHeaderLayout#TORN_BITS}.
     */
    public static byte[] recomputedField(byte[] page) {
        byte[] b = page.clone();
        java.util.Arrays.fill(b, PageHeaderLayout.TORN_BITS, PageHeaderLayout.TORN_BITS + 4, (byte) 0);
        long c = compute(b, 0);
        return new byte[] { (byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24) };
    }

    public static boolean verifies(byte[] b, int off) {
        long stored = Bytes.u32(b, off + PageHeaderLayout.TORN_BITS);
        return stored == compute(b, off) || stored == computeSkippingReserved(b, off);
    }
}

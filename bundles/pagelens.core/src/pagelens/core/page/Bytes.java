package pagelens.core.page;

/** Little-endian reads from byte arrays (every SQL Server integer is little-endian). */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xFFFF_FFFFL;
    }

    public static long i64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    /** True when {@code len} bytes from {@code off} are all zero. */
    public static boolean allZero(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < 0 || end > b.length) {
            throw new ArrayIndexOutOfBoundsException("bytes " + off + ".." + end + " of " + b.length);
        }
        for (; i + 8 <= end; i += 8) {
            if ((long) LONGS.get(b, i) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
}

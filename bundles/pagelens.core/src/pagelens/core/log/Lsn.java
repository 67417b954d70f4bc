package pagelens.core.log;

/**
 * A log sequence number (docs/log.md 6.1): the VLF's sequence number, the block's offset in 512-byte sectors from the VLF's
 * start, and the 1-based slot of the record in its block. Written "vlf:block:slot" in decimal, as fn_dblog and DBCC print it.
 */
public record Lsn(long vlf, long block, int slot) implements Comparable<Lsn> {
    public static final Lsn ZERO = new Lsn(0, 0, 0);

    /** The 10-byte LSN at {@code off}: u32 VLF, u32 block, u16 slot. */
    public static Lsn read(byte[] b, int off) {
        return new Lsn(u32(b, off), u32(b, off + 4), (b[off + 8] & 0xFF) | (b[off + 9] & 0xFF) << 8);
    }

    /**
     * The checkpoint LSN a boot page names (its dbi_checkptLSN field, boot-layouts.tsv: the log's last LOP_BEGIN_CKPT, log.md
     * 6.6), or null when its layout has no such field.
     */
    public static Lsn checkpointOf(pagelens.core.boot.BootPage boot) {
        pagelens.core.boot.BootField f = boot.field("dbi_checkptLSN");
        return f == null || f.raw().length < 10 ? null : read(f.raw(), 0);
    }

    /** Parses "a:b:c" (decimal). */
    public static Lsn parse(String s) {
        String[] p = s.trim().split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("not an LSN (expected VLF:BLOCK:SLOT, for example 19:186:2): " + s);
        }
        try {
            return new Lsn(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN (expected VLF:BLOCK:SLOT, for example 19:186:2): " + s);
        }
    }

    public boolean isZero() {
        return vlf == 0 && block == 0 && slot == 0;
    }

    @Override
    public int compareTo(Lsn o) {
        int c = Long.compare(vlf, o.vlf);
        if (c == 0) {
            c = Long.compare(block, o.block);
        }
        return c != 0 ? c : Integer.compare(slot, o.slot);
    }

    @Override
    public String toString() {
        return vlf + ":" + block + ":" + slot;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}

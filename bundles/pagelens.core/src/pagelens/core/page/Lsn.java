package pagelens.core.page;

/** A log sequence number: VLF sequence (u32), log block offset (u32), slot (u16); printed {@code a:b:c}. */
public record Lsn(long vlf, long block, int slot) {

    public static final int SIZE = 10;

    public static Lsn read(byte[] b, int off) {
        return new Lsn(Bytes.u32(b, off), Bytes.u32(b, off + 4), Bytes.u16(b, off + 8));
    }

    public boolean isZero() {
        return vlf == 0 && block == 0 && slot == 0;
    }

    @Override
    public String toString() {
        return vlf + ":" + block + ":" + slot;
    }
}

package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Torn-page detection (docs/formats.md section 2.2, Gurgul's reading, [VERIFIED] on 1,263 real pages):
 * bits 0-1 of m_tornBits hold the signature (01 or 10); the low two bits of the last byte of each sector
 * 1..15 must equal it, and their real values are saved in bits 2k..2k+1 of m_tornBits.
 *
 * @param signature  the signature bits (1 or 2 when valid)
 * @param tornSectors sectors (1..15) whose last byte does not carry the signature
 */
public record TornBits(int signature, List<Integer> tornSectors) {

    public static TornBits check(byte[] b, int off) {
        long torn = Bytes.u32(b, off + PageHeaderLayout.TORN_BITS);
        int sig = (int) (torn & 3);
        List<Integer> bad = new ArrayList<>();
        for (int k = 1; k < Page.SECTORS; k++) {
            int last = b[off + k * Page.SECTOR_SIZE + Page.SECTOR_SIZE - 1] & 3;
            if (last != sig) {
                bad.add(k);
            }
        }
        return new TornBits(sig, List.copyOf(bad));
    }

    public boolean validSignature() {
        return signature == 1 || signature == 2;
    }

    public boolean ok() {
        return validSignature() && tornSectors.isEmpty();
    }

    /**
     * The page as SQL Server reads it: with its sectors' saved bits put back when it is torn-page encoded (m_flagBits 0x100
     * without 0x200), else the page itself. Anything that decodes a page's contents (records, maps) must read it this way:
     * the last byte of every sector carries the signature instead (catalog.md 1.6).
     */
    public static byte[] asRead(byte[] page) {
        int flags = Bytes.u16(page, PageHeaderLayout.FLAG_BITS);
        return (flags & 0x0100) != 0 && (flags & 0x0200) == 0 ? restore(page, 0) : page;
    }

    /** The page as SQL Server sees it after reading: each sector's saved two bits put back. */
    public static byte[] restore(byte[] page, int off) {
        byte[] out = java.util.Arrays.copyOfRange(page, off, off + Page.SIZE);
        long torn = Bytes.u32(page, off + PageHeaderLayout.TORN_BITS);
        for (int k = 1; k < Page.SECTORS; k++) {
            int i = k * Page.SECTOR_SIZE + Page.SECTOR_SIZE - 1;
            int saved = (int) (torn >>> (2 * k)) & 3;
            out[i] = (byte) ((out[i] & ~3) | saved);
        }
        return out;
    }

    /**
     * Applies torn-page encoding to a page (specimens): saves the real low bits of sectors 1..15 in
     * m_tornBits and stamps {@code signature} (1 or 2) there and in bits 0-1.
     */
    public static void apply(byte[] page, int off, int signature) {
        long torn = signature & 3;
        for (int k = 1; k < Page.SECTORS; k++) {
            int i = off + k * Page.SECTOR_SIZE + Page.SECTOR_SIZE - 1;
            torn |= (long) (page[i] & 3) << (2 * k);
            page[i] = (byte) ((page[i] & ~3) | (signature & 3));
        }
        int t = (int) torn;
        page[off + PageHeaderLayout.TORN_BITS] = (byte) t;
        page[off + 0x3D] = (byte) (t >>> 8);
        page[off + 0x3E] = (byte) (t >>> 16);
        page[off + 0x3F] = (byte) (t >>> 24);
    }
}

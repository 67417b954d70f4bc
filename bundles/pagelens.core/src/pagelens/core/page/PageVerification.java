package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything PageLens checks on one page by itself (docs/formats.md sections 1.6 and 2).
 *
 * @param header           the decoded header
 * @param allZero          all 8,192 bytes are zero
 * @param headerZero       the 96 header bytes are zero (a never-used page)
 * @param checksumStored   m_tornBits as stored (when the page is checksum-flagged)
 * @param checksumComputed the checksum as SQL Server computes it (skip word 15)
 * @param checksumReserved the variant that also skips the reserved header words 16..23
 * @param checksumOk       stored equals either variant (only meaningful when checksum-flagged)
 * @param sectorXors       the 16 per-sector XORs
 * @param torn             torn-page check (null unless torn-flagged)
 * @param pageIdMatches    m_pageId equals the expected id (true when no expectation)
 * @param headerProblems   impossible header values
 * @param slotProblems     slot entries outside [96, m_freeData)
 * @param zeroSectors      sectors that are all zero
 */
public record PageVerification(PageHeader header, boolean allZero, boolean headerZero, long checksumStored,
        long checksumComputed, long checksumReserved, boolean checksumOk, int[] sectorXors, TornBits torn,
        boolean pageIdMatches, List<String> headerProblems, List<String> slotProblems, List<Integer> zeroSectors) {

    /** Page protection as the page's own flags say. */
    public enum Protection {
        CHECKSUM, TORN, NONE
    }

    public Protection protection() {
        if (header.hasChecksum()) {
            return Protection.CHECKSUM;
        }
        return header.hasTornBits() ? Protection.TORN : Protection.NONE;
    }

    /** Which checksum variant matched: "standard", "reserved bytes skipped", or "none". */
    public String checksumVariant() {
        if (checksumStored == checksumComputed) {
            return "standard";
        }
        return checksumStored == checksumReserved ? "reserved bytes skipped" : "none";
    }

    public boolean isTorn() {
        return torn != null && !torn.ok();
    }

    public boolean checksumBad() {
        return header.hasChecksum() && !checksumOk;
    }

    /** Result of {@link #quick}: the page passed every check; the protection is in the low bits. */
    public static final int QUICK_OK_CHECKSUM = 1;
    public static final int QUICK_OK_TORN = 2;
    public static final int QUICK_OK_NONE = 3;
    /** {@link #quick} could not clear the page: run {@link #verify} for the details. */
    public static final int QUICK_NEEDS_DETAIL = 0;

    /**
     * The same checks as {@link #verify}, without allocating, for the common case of a healthy page with
     * a non-zero header: returns {@code QUICK_OK_*} when the page passes every check (checksum or torn
     * bits, header sanity, page id, slot offsets), else {@link #QUICK_NEEDS_DETAIL}.
     */
    public static int quick(byte[] b, int off, int fileId, long pageId, int[] xorsScratch) {
        if (b[off] != 1) {
            return QUICK_NEEDS_DETAIL;
        }
        int type = b[off + 1] & 0xFF;
        int flags = Bytes.u16(b, off + 4);
        int slots = Bytes.u16(b, off + PageHeaderLayout.SLOT_COUNT);
        int freeCnt = Bytes.u16(b, off + 0x1C);
        int freeData = Bytes.u16(b, off + PageHeaderLayout.FREE_DATA);
        if (!PageType.isKnown(type) || slots > SlotArray.MAX_SLOTS || freeData < Page.HEADER_SIZE
                || freeData > Page.SIZE - 2 * slots || freeCnt > Page.SIZE - Page.HEADER_SIZE - 2 * slots
                || Bytes.u32(b, off + PageHeaderLayout.PAGE_ID) != pageId || Bytes.u16(b, off + PageHeaderLayout.FILE_ID) != fileId
                || !Bytes.allZero(b, off + 0x40, 32)) {
            return QUICK_NEEDS_DETAIL;
        }
        int result;
        if ((flags & PageHeader.FLAG_CHECKSUM) != 0) {
            PageChecksum.scan(b, off, xorsScratch);
            if (PageChecksum.combine(xorsScratch, 0) != Bytes.u32(b, off + PageHeaderLayout.TORN_BITS)) {
                return QUICK_NEEDS_DETAIL;
            }
            result = QUICK_OK_CHECKSUM;
        } else if ((flags & PageHeader.FLAG_TORN) != 0) {
            return QUICK_NEEDS_DETAIL; // torn-page pages need their bits restored before the slot check
        } else {
            result = QUICK_OK_NONE;
        }
        for (int k = 0; k < slots; k++) {
            int o = Bytes.u16(b, off + Page.SIZE - 2 - 2 * k);
            if (o != 0 && (o < Page.HEADER_SIZE || o >= freeData)) {
                return QUICK_NEEDS_DETAIL;
            }
        }
        return result;
    }

    /**
     * {@link #quick(byte[], int, int, long, int[])} on a page held in a little-endian (direct) buffer at
     * {@code off}, so a scan need not copy healthy pages out of its read buffer.
     */
    public static int quick(java.nio.ByteBuffer buf, int off, int fileId, long pageId) {
        if (buf.get(off) != 1) {
            return QUICK_NEEDS_DETAIL;
        }
        int type = buf.get(off + 1) & 0xFF;
        int flags = buf.getShort(off + 4) & 0xFFFF;
        int slots = buf.getShort(off + PageHeaderLayout.SLOT_COUNT) & 0xFFFF;
        int freeCnt = buf.getShort(off + 0x1C) & 0xFFFF;
        int freeData = buf.getShort(off + PageHeaderLayout.FREE_DATA) & 0xFFFF;
        if (!PageType.isKnown(type) || slots > SlotArray.MAX_SLOTS || freeData < Page.HEADER_SIZE
                || freeData > Page.SIZE - 2 * slots || freeCnt > Page.SIZE - Page.HEADER_SIZE - 2 * slots
                || (buf.getInt(off + PageHeaderLayout.PAGE_ID) & 0xFFFF_FFFFL) != pageId || (buf.getShort(off + 0x24) & 0xFFFF) != fileId
                || (buf.getLong(off + 0x40) | buf.getLong(off + 0x48) | buf.getLong(off + 0x50) | buf.getLong(off + 0x58)) != 0) {
            return QUICK_NEEDS_DETAIL;
        }
        int result;
        if ((flags & PageHeader.FLAG_CHECKSUM) != 0) {
            long c = 0;
            for (int sct = 0; sct < Page.SECTORS; sct++) {
                int w = sectorXor(buf, off + sct * Page.SECTOR_SIZE);
                if (sct == 0) {
                    w ^= buf.getInt(off + 60);
                }
                c ^= Integer.rotateLeft(w, 15 - sct) & 0xFFFF_FFFFL;
            }
            if (c != (buf.getInt(off + PageHeaderLayout.TORN_BITS) & 0xFFFF_FFFFL)) {
                return QUICK_NEEDS_DETAIL;
            }
            result = QUICK_OK_CHECKSUM;
        } else if ((flags & PageHeader.FLAG_TORN) != 0) {
            return QUICK_NEEDS_DETAIL;
        } else {
            result = QUICK_OK_NONE;
        }
        for (int k = 0; k < slots; k++) {
            int o = buf.getShort(off + Page.SIZE - 2 - 2 * k) & 0xFFFF;
            if (o != 0 && (o < Page.HEADER_SIZE || o >= freeData)) {
                return QUICK_NEEDS_DETAIL;
            }
        }
        return result;
    }

    /** XOR of the 128 little-endian words of one sector (a small method: the JIT compiles it early). */
    private static int sectorXor(java.nio.ByteBuffer buf, int base) {
        long x = 0;
        for (int i = 0; i < Page.SECTOR_SIZE; i += 32) {
            x ^= buf.getLong(base + i) ^ buf.getLong(base + i + 8) ^ buf.getLong(base + i + 16) ^ buf.getLong(base + i + 24);
        }
        return (int) x ^ (int) (x >>> 32);
    }

    /** Runs every self-contained check; {@code expected} may be null (no position to compare with). */
    public static PageVerification verify(byte[] b, int off, PageId expected) {
        PageHeader h = PageHeader.parse(b, off);
        int[] xors = new int[Page.SECTORS];
        int zeroMask = PageChecksum.scan(b, off, xors);
        boolean allZero = zeroMask == 0xFFFF;
        boolean headerZero = (zeroMask & 1) != 0 || Bytes.allZero(b, off, Page.HEADER_SIZE);
        long computed = PageChecksum.combine(xors, 0);
        long reserved = h.reservedZero() ? computed : PageChecksum.skippingReserved(b, off, xors);
        long stored = h.tornBits();
        boolean ok = stored == computed || stored == reserved;
        TornBits torn = h.hasTornBits() && !h.hasChecksum() ? TornBits.check(b, off) : null;
        boolean idOk = expected == null || headerZero || h.pageId().equals(expected);
        List<String> hp = new ArrayList<>();
        List<String> sp = new ArrayList<>();
        if (!headerZero) {
            if (h.headerVersion() != 1) {
                hp.add("m_headerVersion is " + h.headerVersion() + ", not 1");
            }
            if (!PageType.isKnown(h.type())) {
                hp.add("m_type " + h.type() + " is not a known page type");
            }
            if (h.slotCount() > SlotArray.MAX_SLOTS) {
                hp.add("m_slotCnt " + h.slotCount() + " cannot fit in a page (at most " + SlotArray.MAX_SLOTS + ")");
            }
            int slotBytes = 2 * Math.min(h.slotCount(), SlotArray.MAX_SLOTS);
            if (h.freeData() < Page.HEADER_SIZE || h.freeData() > Page.SIZE - slotBytes) {
                hp.add("m_freeData " + h.freeData() + " is outside [96, " + (Page.SIZE - slotBytes) + "]");
            }
            // m_freeCnt counts fragmented space too, so it can exceed the contiguous gap (seen on real pages)
            if (h.freeCount() > Page.SIZE - Page.HEADER_SIZE - slotBytes) {
                hp.add("m_freeCnt " + h.freeCount() + " is more than the page can hold");
            }
            if (!h.reservedZero()) {
                hp.add("reserved header bytes 0x40-0x5F are not zero");
            }
            if (torn != null && !torn.validSignature()) {
                hp.add("torn-page signature bits are " + torn.signature() + " (must be 01 or 10)");
            }
            if (hp.isEmpty()) {
                // on a torn-page encoded page the last byte of each sector carries the signature: put the
                // saved bits back first (as SQL Server does on read), or slot 0's high byte is wrong
                byte[] real = torn != null ? TornBits.restore(b, off) : b;
                int realOff = torn != null ? 0 : off;
                int[] slots = SlotArray.read(real, realOff, h.slotCount());
                for (int k = 0; k < slots.length && sp.size() < 8; k++) {
                    int o = slots[k];
                    if (o != 0 && (o < Page.HEADER_SIZE || o >= h.freeData())) {
                        sp.add("slot " + k + " points to " + o + ", outside [96, " + h.freeData() + ")");
                    }
                }
            }
        }
        List<Integer> zs = new ArrayList<>();
        if (!allZero) {
            for (int s = 0; s < Page.SECTORS; s++) {
                if ((zeroMask & (1 << s)) != 0) {
                    zs.add(s);
                }
            }
        }
        return new PageVerification(h, allZero, headerZero, stored, computed, reserved, ok, xors, torn, idOk,
                List.copyOf(hp), List.copyOf(sp), List.copyOf(zs));
    }

    /**
     * Zero sectors where the page says there is data: sectors wholly inside the record area
     * [96, m_freeData) or holding the slot array. Free space and the bitmaps of allocation-map pages
     * are legitimately zero and never listed.
     */
    public List<Integer> zeroSectorsInUsedArea() {
        int t = header.type();
        boolean map = t == PageType.GAM || t == PageType.SGAM || t == PageType.IAM || t == PageType.DIFF_MAP
                || t == PageType.ML_MAP || t == PageType.PFS;
        int slotStart = Page.SIZE - 2 * Math.min(header.slotCount(), SlotArray.MAX_SLOTS);
        List<Integer> out = new ArrayList<>();
        for (int s : zeroSectors) {
            int from = s * Page.SECTOR_SIZE;
            int to = from + Page.SECTOR_SIZE;
            boolean inRecords = !map && from >= Page.HEADER_SIZE && to <= header.freeData();
            boolean inSlots = header.slotCount() > 0 && to > slotStart;
            if (inRecords || inSlots || s == 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether the slot array's own sector (the last) is zero while the page claims slots. */
    public boolean slotArrayZeroed() {
        return header.slotCount() > 0 && zeroSectors.contains(Page.SECTORS - 1);
    }
}

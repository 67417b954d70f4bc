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

    /** Runs every self-contained check; {@code expected} may be null (no position to compare with). */
    public static PageVerification verify(byte[] b, int off, PageId expected) {
        PageHeader h = PageHeader.parse(b, off);
        boolean allZero = Bytes.allZero(b, off, Page.SIZE);
        boolean headerZero = Bytes.allZero(b, off, Page.HEADER_SIZE);
        int[] xors = PageChecksum.sectorXors(b, off);
        long computed = 0;
        for (int s = 0; s < Page.SECTORS; s++) {
            computed ^= Integer.rotateLeft(xors[s], 15 - s) & 0xFFFF_FFFFL;
        }
        long reserved = PageChecksum.computeSkippingReserved(b, off);
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
                if (Bytes.allZero(b, off + s * Page.SECTOR_SIZE, Page.SECTOR_SIZE)) {
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

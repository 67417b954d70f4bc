package pagelens.core.specimen;

import pagelens.core.page.Page;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.TornBits;

/** Writes page headers, records and slot arrays into an 8 KB buffer, then protects the page. */
final class PageBuilder {
    final byte[] b = new byte[Page.SIZE];
    private int slots;
    private int freeData = Page.HEADER_SIZE;

    PageBuilder(int type, int fileId, long pageId, int indexId, long objId, long lsnVlf, long lsnBlock, int lsnSlot) {
        b[0] = 1;
        b[1] = (byte) type;
        put16(0x06, indexId);
        put32(0x18, objId);
        put32(0x20, pageId);
        put16(0x24, fileId);
        put32(0x28, lsnVlf);
        put32(0x2C, lsnBlock);
        put16(0x30, lsnSlot);
    }

    void put16(int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    void put32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    void put64(int at, long v) {
        put32(at, v);
        put32(at + 4, v >>> 32);
    }

    void putBytes(int at, byte[] v) {
        System.arraycopy(v, 0, b, at, v.length);
    }

    /** Appends a record at m_freeData and adds its slot; returns its offset, or -1 when it does not fit. */
    int addRecord(byte[] rec) {
        int need = rec.length + 2;
        if (freeData + need > Page.SIZE - 2 * slots) {
            return -1;
        }
        int at = freeData;
        System.arraycopy(rec, 0, b, at, rec.length);
        freeData += rec.length;
        put16(Page.SIZE - 2 - 2 * slots, at);
        slots++;
        return at;
    }

    int room() {
        return Page.SIZE - 2 * slots - freeData - 2;
    }

    /** Fills in m_slotCnt, m_freeData, m_freeCnt, pminlen, links; then the protection. */
    byte[] finish(int pminlen, long prevPage, long nextPage, int fileId, Protection protection, int tornSignature) {
        put16(0x0E, pminlen);
        if (prevPage >= 0) {
            put32(0x08, prevPage);
            put16(0x0C, fileId);
        }
        if (nextPage >= 0) {
            put32(0x10, nextPage);
            put16(0x14, fileId);
        }
        put16(0x16, slots);
        put16(0x1E, freeData);
        put16(0x1C, Page.SIZE - freeData - 2 * slots);
        protect(b, protection, tornSignature);
        return b;
    }

    /** Sets the flag bits and the checksum or torn bits of a finished page. */
    static void protect(byte[] b, Protection protection, int tornSignature) {
        int flags = (b[4] & 0xFF | (b[5] & 0xFF) << 8) & ~0x0300;
        b[0x3C] = b[0x3D] = b[0x3E] = b[0x3F] = 0;
        switch (protection) {
            case CHECKSUM -> {
                flags |= 0x0200;
                b[4] = (byte) flags;
                b[5] = (byte) (flags >>> 8);
                long c = PageChecksum.compute(b, 0);
                for (int i = 0; i < 4; i++) {
                    b[0x3C + i] = (byte) (c >>> (8 * i));
                }
            }
            case TORN -> {
                flags |= 0x0100;
                b[4] = (byte) flags;
                b[5] = (byte) (flags >>> 8);
                TornBits.apply(b, 0, tornSignature);
            }
            case NONE -> {
                b[4] = (byte) flags;
                b[5] = (byte) (flags >>> 8);
            }
        }
    }
}

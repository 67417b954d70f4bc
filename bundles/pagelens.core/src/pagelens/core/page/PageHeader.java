package pagelens.core.page;

/**
 * The 96-byte page header, every field at the offset of docs/formats.md section 1.2.
 *
 * @param headerVersion m_headerVersion (P+0x00)
 * @param type          m_type (P+0x01)
 * @param typeFlagBits  m_typeFlagBits (P+0x02)
 * @param level         m_level (P+0x03)
 * @param flagBits      m_flagBits (P+0x04)
 * @param indexId       m_indexId, the high part of the allocation unit id (P+0x06)
 * @param prevPage      m_prevPage (P+0x08)
 * @param pminlen       pminlen (P+0x0E)
 * @param nextPage      m_nextPage (P+0x10)
 * @param slotCount     m_slotCnt (P+0x16)
 * @param objId         m_objId, the low part of the allocation unit id (P+0x18)
 * @param freeCount     m_freeCnt (P+0x1C)
 * @param freeData      m_freeData (P+0x1E)
 * @param pageId        m_pageId (P+0x20)
 * @param reservedCount m_reservedCnt (P+0x26)
 * @param lsn           m_lsn (P+0x28)
 * @param xactReserved  m_xactReserved (P+0x32)
 * @param xdesIdPart2   m_xdesId part 2 (P+0x34)
 * @param xdesIdPart1   m_xdesId part 1 (P+0x38)
 * @param ghostRecCount m_ghostRecCnt (P+0x3A)
 * @param tornBits      m_tornBits, checksum or torn bits, unsigned (P+0x3C)
 * @param reservedZero  whether the 32 reserved bytes P+0x40..0x5F are all zero
 */
public record PageHeader(int headerVersion, int type, int typeFlagBits, int level, int flagBits, int indexId,
        PageId prevPage, int pminlen, PageId nextPage, int slotCount, long objId, int freeCount, int freeData,
        PageId pageId, int reservedCount, Lsn lsn, int xactReserved, long xdesIdPart2, int xdesIdPart1,
        int ghostRecCount, long tornBits, boolean reservedZero) {

    /** Flag bit: the page carries a page checksum in m_tornBits. */
    public static final int FLAG_CHECKSUM = 0x0200;
    /** Flag bit: the page is torn-page encoded. */
    public static final int FLAG_TORN = 0x0100;

    /** Parses the header of the page that starts at {@code off} in {@code b} (needs 96 bytes). */
    public static PageHeader parse(byte[] b, int off) {
        if (b.length - off < Page.HEADER_SIZE) {
            throw new IllegalArgumentException("a page header needs 96 bytes, have " + (b.length - off));
        }
        // every offset from the declared layout (page-header.tsv)
        return new PageHeader(Bytes.u8(b, off + PageHeaderLayout.HEADER_VERSION), Bytes.u8(b, off + PageHeaderLayout.TYPE), Bytes.u8(b, off + PageHeaderLayout.TYPE_FLAG_BITS),
                Bytes.u8(b, off + PageHeaderLayout.LEVEL), Bytes.u16(b, off + PageHeaderLayout.FLAG_BITS), Bytes.u16(b, off + PageHeaderLayout.INDEX_ID), PageId.read(b, off + PageHeaderLayout.PREV_PAGE),
                Bytes.u16(b, off + PageHeaderLayout.PMINLEN), PageId.read(b, off + PageHeaderLayout.NEXT_PAGE), Bytes.u16(b, off + PageHeaderLayout.SLOT_COUNT), Bytes.u32(b, off + PageHeaderLayout.OBJ_ID),
                Bytes.u16(b, off + PageHeaderLayout.FREE_COUNT), Bytes.u16(b, off + PageHeaderLayout.FREE_DATA), PageId.read(b, off + PageHeaderLayout.PAGE_ID),
                Bytes.u16(b, off + PageHeaderLayout.RESERVED_COUNT), Lsn.read(b, off + PageHeaderLayout.LSN), Bytes.u16(b, off + PageHeaderLayout.XACT_RESERVED),
                Bytes.u32(b, off + PageHeaderLayout.XDES_ID), Bytes.u16(b, off + PageHeaderLayout.XDES_ID + 4), Bytes.u16(b, off + PageHeaderLayout.GHOST_REC_COUNT),
                Bytes.u32(b, off + PageHeaderLayout.TORN_BITS), Bytes.allZero(b, off + PageHeaderLayout.RESERVED, PageHeaderLayout.RESERVED_SIZE));
    }

    public static PageHeader parse(byte[] page) {
        return parse(page, 0);
    }

    public boolean hasChecksum() {
        return (flagBits & FLAG_CHECKSUM) != 0;
    }

    public boolean hasTornBits() {
        return (flagBits & FLAG_TORN) != 0;
    }

    /** AllocUnitId = (m_indexId &lt;&lt; 48) | (m_objId &lt;&lt; 16) (section 1.5). */
    public long allocationUnitId() {
        return ((long) indexId << 48) | (objId << 16);
    }

    public String typeName() {
        return PageType.name(type);
    }

    /** m_tornBits as DBCC prints it (signed int32). */
    public int tornBitsSigned() {
        return (int) tornBits;
    }
}

package pagelens.core.page;

import java.util.List;

import pagelens.core.DeclaredLayout;

/**
 * The page header described once ({@code page-header.tsv}): names, offsets, sizes, types, evidence, validity rules and
 * sources. The offset constants below are read from that table, and every decoder, the structure tree, byte
 * regions, quick checks and the DBCC-style dump use them.
 */
public final class PageHeaderLayout {

    /** The declared table. */
    public static final DeclaredLayout LAYOUT = DeclaredLayout.load(PageHeaderLayout.class, "page-header.tsv");

    private PageHeaderLayout() {
    }

    /** Every field in offset order. */
    public static List<DeclaredLayout.Field> fields() {
        return LAYOUT.fields();
    }

    /** The field called {@code name}. */
    public static DeclaredLayout.Field field(String name) {
        return LAYOUT.field(name);
    }

    public static final int HEADER_VERSION = field("m_headerVersion").offset();
    public static final int TYPE = field("m_type").offset();
    public static final int TYPE_FLAG_BITS = field("m_typeFlagBits").offset();
    public static final int LEVEL = field("m_level").offset();
    public static final int FLAG_BITS = field("m_flagBits").offset();
    public static final int INDEX_ID = field("m_indexId").offset();
    public static final int PREV_PAGE = field("m_prevPage").offset();
    public static final int PMINLEN = field("pminlen").offset();
    public static final int NEXT_PAGE = field("m_nextPage").offset();
    public static final int SLOT_COUNT = field("m_slotCnt").offset();
    public static final int OBJ_ID = field("m_objId").offset();
    public static final int FREE_COUNT = field("m_freeCnt").offset();
    public static final int FREE_DATA = field("m_freeData").offset();
    /** m_pageId: the page number (u32) here, the file id (u16) at {@link #FILE_ID}. */
    public static final int PAGE_ID = field("m_pageId").offset();
    public static final int FILE_ID = PAGE_ID + 4;
    public static final int RESERVED_COUNT = field("m_reservedCnt").offset();
    public static final int LSN = field("m_lsn").offset();
    public static final int XACT_RESERVED = field("m_xactReserved").offset();
    /** m_xdesId: part 2 (u32) here, part 1 (u16) 4 bytes on. */
    public static final int XDES_ID = field("m_xdesId").offset();
    public static final int GHOST_REC_COUNT = field("m_ghostRecCnt").offset();
    /** m_tornBits: the page checksum or the torn-page signature. */
    public static final int TORN_BITS = field("m_tornBits").offset();
    public static final int RESERVED = field("reserved").offset();
    public static final int RESERVED_SIZE = field("reserved").size();
}

package pagelens.core.catalog;

import java.util.ArrayList;
import java.util.List;

import pagelens.core.alloc.ExtentBitmap;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;

/**
 * One IAM page (docs/formats.md 4.2, catalog.md 1.5): the GAM interval it covers, its eight single-page slots and its
 * extent bitmap, and the next IAM page of the chain.
 *
 * @param id          where it is
 * @param auid        the allocation unit its header names
 * @param start       first page of the GAM interval it covers (F+36)
 * @param singlePages the non-empty single-page slots (F+42 + 6k)
 * @param extents     the extents set in its bitmap, as page ids of each extent's first page
 * @param next        m_nextPage, or null at the chain's end
 */
public record IamPage(PageId id, long auid, PageId start, List<PageId> singlePages, long[] extents, PageId next) {
    /** Fixed data of record 0 starts at P+0x64 (record at 0x60, 4-byte record header). */
    static final int HEADER = 0x64;

    /**
     * Page offset of record 1 (the extent bitmap record: header {@code 00 00 38 1F}) as slot 1 gives it; 0xBE when slot 1
     * does not point at such a record.
     */
    static int bitmapRecord(byte[] page) {
        int at = Bytes.u16(page, Page.SIZE - 4);
        if (at >= Page.HEADER_SIZE && at + 4 + ExtentBitmap.BYTES <= Page.SIZE && Bytes.u16(page, at + 2) == 4 + ExtentBitmap.BYTES) {
            return at;
        }
        return ExtentBitmap.OFFSET - 4;
    }

    /** The page's header allocation unit id ((m_indexId << 48) | (m_objId << 16)). */
    public static long headerAuid(byte[] page) {
        return pagelens.core.scan.PageOwners.auid(Bytes.u16(page, PageHeaderLayout.INDEX_ID), Bytes.u32(page, PageHeaderLayout.OBJ_ID));
    }

    /** Reads an IAM page, or null when the bytes are not one (header version, m_type 10). */
    public static IamPage read(PageId id, byte[] page) {
        if (page == null || page.length < Page.SIZE || page[0] != 1 || Bytes.u8(page, 1) != PageType.IAM) {
            return null;
        }
        page = pagelens.core.page.TornBits.asRead(page);
        PageId start = PageId.read(page, HEADER + 36);
        List<PageId> singles = new ArrayList<>(8);
        for (int k = 0; k < 8; k++) {
            PageId s = PageId.read(page, HEADER + 42 + 6 * k);
            if (!s.isNull()) {
                singles.add(s);
            }
        }
        // the bitmap is record 1's fixed data: where slot 1 puts the record (0xBE on GAM-style pages, 0xC0 on some IAM
        // pages of the real samples), not at a fixed offset
        int[] set = ExtentBitmap.setExtents(page, bitmapRecord(page) - (ExtentBitmap.OFFSET - 4));
        long[] ext = new long[set.length];
        for (int k = 0; k < set.length; k++) {
            ext[k] = start.pageId() + 8L * set[k];
        }
        PageId next = PageId.read(page, PageHeaderLayout.NEXT_PAGE);
        return new IamPage(id, headerAuid(page), start, List.copyOf(singles), ext, next.isNull() ? null : next);
    }
}

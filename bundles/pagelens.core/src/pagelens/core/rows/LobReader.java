package pagelens.core.rows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;
import pagelens.core.page.SlotArray;
import pagelens.core.page.TornBits;
import pagelens.core.scan.PageRules;
import pagelens.core.store.PageStore;

/**
 * Values stored off the row (catalog.md 4.4 and 4.5): text/ntext/image through their 16-byte text pointer, (max) types and
 * row-overflow values through their in-row root, followed to their fragments on text pages through the same page store.
 * A chain that breaks (a page the evidence lacks, a record that is not a LOB fragment, a damaged page) is a stated gap: the
 * bytes read so far are kept and the reason is given.
 */
public final class LobReader {
    /** Bytes of one value kept at most. */
    public static final int MAX_VALUE = 64 << 20;
    private static final int MAX_DEPTH = 12;
    /**
     * Fragments read at most for one value: a 64 MiB value needs about 8,400 DATA fragments and their few tree nodes; a hostile
     * tree whose links point back into itself would otherwise multiply its work level by level.
     */
    static final int MAX_FRAGMENTS = 16_384;
    private final PageStore store;

    public LobReader(PageStore store) {
        this.store = store;
    }

    /** A value read off the row: its bytes (as far as they were read) and the gap, or null when whole. */
    public record Lob(byte[] bytes, String gap) {
    }

    /** The value a text pointer's RID names (a LOB root record). */
    public Lob fromTextPointer(PageId page, int slot) {
        Reader r = new Reader();
        r.node(page, slot, -1, 0);
        return r.result();
    }

    /**
     * The value of an in-row root ((max) types, kind 4) or row-overflow pointer (kind 2): a 12-byte header, then links of 12
     * bytes {cumulative end u32, page u32, file u16, slot u16}.
     */
    public Lob fromInRowRoot(byte[] b, int off, int len) {
        Reader r = new Reader();
        long prev = 0;
        for (int at = off + 12; at + 12 <= off + len; at += 12) {
            long end = Bytes.u32(b, at);
            if (!r.node(new PageId(Bytes.u16(b, at + 8), Bytes.u32(b, at + 4)), Bytes.u16(b, at + 10), end - prev, 0)) {
                break;
            }
            prev = end;
        }
        return r.result();
    }

    private final class Reader {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        String gap;
        String damage;
        int fragments;

        Lob result() {
            String g = gap != null ? gap + " (" + String.format(java.util.Locale.ROOT, "%,d", out.size()) + " bytes read)" : damage;
            return new Lob(out.toByteArray(), g);
        }

        /** Appends the data under one fragment; {@code want} bytes of a DATA fragment (-1: all). False when a gap stops the value. */
        boolean node(PageId id, int slot, long want, int depth) {
            if (depth > MAX_DEPTH) {
                gap = "LOB tree deeper than " + MAX_DEPTH + " levels at " + id;
                return false;
            }
            if (++fragments > MAX_FRAGMENTS) {
                gap = "LOB tree of more than " + MAX_FRAGMENTS + " fragments (a chain that points back into itself?) at " + id;
                return false;
            }
            byte[] page;
            try {
                page = store.readPage(id.fileId(), id.pageId());
            } catch (IOException | RuntimeException e) {
                page = null;
            }
            if (page == null) {
                gap = "LOB page " + id + " is not in the evidence";
                return false;
            }
            if (page[0] != 1 || Bytes.u8(page, 1) != PageType.TEXT_MIX && Bytes.u8(page, 1) != PageType.TEXT_TREE
                    && Bytes.u8(page, 1) != PageType.DATA) {
                gap = "LOB page " + id + " is not a text page (m_type " + Bytes.u8(page, 1) + ")";
                return false;
            }
            if (PageRules.damaged(PageRules.status(page, id, true)) && damage == null) {
                damage = "a fragment lies on damaged page " + id;
            }
            page = TornBits.asRead(page);
            int slots = Bytes.u16(page, PageHeaderLayout.SLOT_COUNT);
            if (slot >= slots) {
                gap = "LOB fragment " + id + " slot " + slot + ": the page has " + slots + " slots";
                return false;
            }
            int at = Bytes.u16(page, SlotArray.offsetOfSlot(slot));
            if (at < Page.HEADER_SIZE || at + 14 > Page.SIZE || (Bytes.u8(page, at) >> 1 & 7) != 4) {
                gap = "LOB fragment " + id + " slot " + slot + " is not a blob fragment record";
                return false;
            }
            int fixedEnd = Math.min(Bytes.u16(page, at + 2), Page.SIZE - at);
            int f = at + 4;
            int type = Bytes.u16(page, f + 8);
            switch (type) {
                case 0 -> { // SMALL_ROOT
                    int n = Math.min(Bytes.u16(page, f + 10), Page.SIZE - (f + 16));
                    return append(page, f + 16, n);
                }
                case 3 -> { // DATA
                    int n = Math.max(0, at + fixedEnd - (f + 10));
                    return append(page, f + 10, want >= 0 ? (int) Math.min(n, want) : n);
                }
                case 2 -> { // INTERNAL: links of 16 bytes from +16
                    return links(page, f, Bytes.u16(page, f + 12), 16, 16, true, depth);
                }
                case 4, 5 -> { // LARGE_ROOT (SHILOH, YUKON): links of 12 bytes from +20
                    return links(page, f, Bytes.u16(page, f + 12), 20, 12, false, depth);
                }
                default -> {
                    gap = "LOB fragment " + id + " slot " + slot + " has type " + type + ", which PageLens does not read";
                    return false;
                }
            }
        }

        private boolean links(byte[] page, int f, int count, int first, int size, boolean wideEnd, int depth) {
            long prev = 0;
            for (int k = 0; k < count; k++) {
                int l = f + first + size * k;
                if (l + size > Page.SIZE) {
                    gap = "LOB link " + k + " past the page end";
                    return false;
                }
                long end = wideEnd ? Bytes.i64(page, l) : Bytes.u32(page, l);
                int p = wideEnd ? l + 8 : l + 4;
                if (!node(new PageId(Bytes.u16(page, p + 4), Bytes.u32(page, p)), Bytes.u16(page, p + 6), end - prev, depth + 1)) {
                    return false;
                }
                prev = end;
            }
            return true;
        }

        private boolean append(byte[] page, int from, int n) {
            if (out.size() + (long) n > MAX_VALUE) {
                gap = "value larger than " + (MAX_VALUE >> 20) + " MiB: cut";
                return false;
            }
            out.write(page, from, Math.max(0, Math.min(n, Page.SIZE - from)));
            return true;
        }
    }
}

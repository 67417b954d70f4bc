package pagelens.core.page;

/**
 * A page address (file id, page id), printed the way DBCC does: {@code 1:9}.
 */
public record PageId(int fileId, long pageId) implements Comparable<PageId> {

    public PageId {
        if (fileId < 0 || fileId > 0xFFFF) {
            throw new IllegalArgumentException("file id out of range: " + fileId);
        }
        if (pageId < 0 || pageId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("page id out of range: " + pageId);
        }
    }

    /** Parses {@code 1:9} or {@code (1:9)}. */
    public static PageId parse(String text) {
        String t = text.trim();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("not a page id (expected FILE:PAGE, for example 1:9): " + text);
        }
        try {
            return new PageId(Integer.parseInt(t.substring(0, colon).trim()), Long.parseLong(t.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a page id (expected FILE:PAGE, for example 1:9): " + text);
        }
    }

    /** The page's own id from the header of the page that starts at {@code pageStart} (m_pageId). */
    public static PageId readHeaderId(byte[] b, int pageStart) {
        return read(b, pageStart + PageHeaderLayout.PAGE_ID);
    }

    /** Reads a 6-byte page pointer: u32 page id, then u16 file id. */
    public static PageId read(byte[] b, int off) {
        return new PageId(Bytes.u16(b, off + 4), Bytes.u32(b, off));
    }

    public boolean isNull() {
        return fileId == 0 && pageId == 0;
    }

    // written out rather than left to the record's generated methods, which run through method handles and are slow until
    // compiled: page ids are hash keys everywhere (catalog, IAM walk, captured pages), often in a process's first second

    @Override
    public boolean equals(Object o) {
        return o instanceof PageId p && p.pageId == pageId && p.fileId == fileId;
    }

    @Override
    public int hashCode() {
        return (int) (pageId ^ pageId >>> 32) * 31 + fileId;
    }

    @Override
    public int compareTo(PageId o) {
        int c = Integer.compare(fileId, o.fileId);
        return c != 0 ? c : Long.compare(pageId, o.pageId);
    }

    @Override
    public String toString() {
        return fileId + ":" + pageId;
    }
}

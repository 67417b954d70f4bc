package pagelens.core.page;

/** Page geometry constants. */
public final class Page {
    /** Bytes in a page. */
    public static final int SIZE = 8192;
    /** Bytes in the page header. */
    public static final int HEADER_SIZE = 96;
    /** Bytes in a sector (checksum and torn-page unit). */
    public static final int SECTOR_SIZE = 512;
    /** Sectors in a page. */
    public static final int SECTORS = 16;
    /** The boot page's page id in file 1. */
    public static final long BOOT_PAGE_ID = 9;
    /** The boot page, 1:9. */
    public static final PageId BOOT = new PageId(1, BOOT_PAGE_ID);

    private Page() {
    }

    /**
     * Whether a file whose first bytes are {@code head} is laid out in 8 KB pages from offset 0 (a data
     * or log file): page 0 is a file header page (header version 1, m_type 15).
     */
    public static boolean isPageFile(byte[] head) {
        return head.length >= HEADER_SIZE && head[0] == 1 && head[1] == PageType.FILE_HEADER;
    }
}

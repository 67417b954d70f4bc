package pagelens.core.scan;

/**
 * One status byte per page of a scanned file, for page maps (a 50 GB file needs 6.5 MB). Written by
 * the scan's workers, each to its own pages.
 */
public final class PageStatus {
    public static final byte EMPTY = 0;
    public static final byte CHECKSUM_OK = 1;
    public static final byte TORN_OK = 2;
    public static final byte UNPROTECTED = 3;
    public static final byte WARNING = 4;
    public static final byte DAMAGED = 5;

    private final byte[] status;

    PageStatus(long pages) {
        this.status = new byte[(int) Math.min(pages, Integer.MAX_VALUE - 8)];
    }

    void set(long page, byte s) {
        if (page < status.length && s > status[(int) page]) {
            status[(int) page] = s;
        }
    }

    public long pages() {
        return status.length;
    }

    public byte get(long page) {
        return page < status.length ? status[(int) page] : EMPTY;
    }

    /** The worst status of pages [from, to). */
    public byte worst(long from, long to) {
        byte w = EMPTY;
        boolean any = false;
        for (long p = from; p < Math.min(to, status.length); p++) {
            byte s = status[(int) p];
            if (!any || s == DAMAGED || s == WARNING && w != DAMAGED || s > w && w != DAMAGED && w != WARNING) {
                w = s;
                any = true;
            }
        }
        return w;
    }
}

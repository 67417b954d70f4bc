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
    /** m_type of each page whose header version is 1 (0 otherwise). */
    private final byte[] types;

    /** The allocation unit id each page's header names (4 bytes per page). */
    private final PageOwners owners = new PageOwners(true);

    /** The allocation unit ids the scan read from the page headers. */
    public PageOwners owners() {
        return owners;
    }

    PageStatus(long pages) {
        this.status = new byte[(int) Math.min(pages, Integer.MAX_VALUE - 8)];
        this.types = new byte[status.length];
    }

    void setType(long page, int type) {
        if (page < types.length) {
            types[(int) page] = (byte) type;
        }
    }

    /** The page's m_type as the scan read it (0 for a page without a version-1 header). */
    public int type(long page) {
        return page < types.length ? types[(int) page] & 0xFF : 0;
    }

    /** Health groups in the order surfaces list them: damaged first, never used last. */
    public static final byte[] GROUP_ORDER = { DAMAGED, WARNING, UNPROTECTED, TORN_OK, CHECKSUM_OK, EMPTY };

    /**
     * A group of pages: by health ({@code status} is a status byte of this class, {@code pageType} -1) or by page type
     * ({@code pageType} is the m_type, {@code status} -1); how many, and the first page in it. Surfaces name it.
     */
    public record Group(int status, int pageType, long count, long firstPage) {
        public static Group health(byte status, long count, long firstPage) {
            return new Group(status, -1, count, firstPage);
        }

        public static Group type(int pageType, long count, long firstPage) {
            return new Group(-1, pageType, count, firstPage);
        }

        public boolean isHealth() {
            return status >= 0;
        }
    }

    /**
     * The pages grouped by type (known m_type values, by name) and by health (damaged, warning, unprotected; never
     * used), for the evidence explorer; each with its first page.
     */
    public java.util.List<Group> groups() {
        long[] byType = new long[256];
        long[] firstOfType = new long[256];
        java.util.Arrays.fill(firstOfType, -1);
        long[] byStatus = new long[6];
        long[] firstOfStatus = new long[6];
        java.util.Arrays.fill(firstOfStatus, -1);
        for (int p = 0; p < status.length; p++) {
            int t = types[p] & 0xFF;
            byType[t]++;
            if (firstOfType[t] < 0) {
                firstOfType[t] = p;
            }
            int s = status[p];
            byStatus[s]++;
            if (firstOfStatus[s] < 0) {
                firstOfStatus[s] = p;
            }
        }
        java.util.List<Group> out = new java.util.ArrayList<>();
        for (byte s : new byte[] { DAMAGED, WARNING, UNPROTECTED, EMPTY }) {
            if (byStatus[s] > 0) {
                out.add(Group.health(s, byStatus[s], firstOfStatus[s]));
            }
        }
        for (int t = 1; t < 256; t++) {
            if (byType[t] > 0 && pagelens.core.page.PageType.isKnown(t)) {
                out.add(Group.type(t, byType[t], firstOfType[t]));
            }
        }
        return out;
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

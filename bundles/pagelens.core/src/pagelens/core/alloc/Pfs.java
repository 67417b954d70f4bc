package pagelens.core.alloc;

/**
 * PFS pages (section 4.2): one byte per page for 8,088 pages, at P+0x64. Bits 0-2 fullness, 0x08 ghost
 * records, 0x10 IAM page, 0x20 mixed extent, 0x40 allocated. PFS pages sit at page 1 and then every
 * 8,088 pages.
 */
public final class Pfs {
    public static final int OFFSET = 0x64;
    public static final int PAGES = 8088;
    public static final int ALLOCATED = 0x40;
    public static final int MIXED = 0x20;
    public static final int IAM = 0x10;
    public static final int GHOST = 0x08;

    private Pfs() {
    }

    /** The PFS page that covers {@code pageId}. */
    public static long pfsPageFor(long pageId) {
        long k = pageId / PAGES;
        return k == 0 ? 1 : k * PAGES;
    }

    /** The GAM page that covers {@code pageId} (SGAM is the next page; DIFF +4, ML +5). */
    public static long gamPageFor(long pageId) {
        long k = pageId / ExtentBitmap.PAGES_PER_INTERVAL;
        return k == 0 ? 2 : k * ExtentBitmap.PAGES_PER_INTERVAL;
    }

    /** DBCC-style words for a PFS byte, for example {@code MIXED_EXT ALLOCATED 100_PCT_FULL}. */
    public static String describe(int b) {
        StringBuilder sb = new StringBuilder();
        if ((b & IAM) != 0) {
            sb.append("IAM_PG ");
        }
        if ((b & MIXED) != 0) {
            sb.append("MIXED_EXT ");
        }
        sb.append((b & ALLOCATED) != 0 ? "ALLOCATED " : "NOT ALLOCATED ");
        if ((b & GHOST) != 0) {
            sb.append("HAS_GHOST ");
        }
        sb.append(switch (b & 7) {
            case 0 -> "0_PCT_FULL";
            case 1 -> "50_PCT_FULL";
            case 2 -> "80_PCT_FULL";
            case 3 -> "95_PCT_FULL";
            case 4 -> "100_PCT_FULL";
            default -> "fullness " + (b & 7) + "?";
        });
        return sb.toString();
    }
}

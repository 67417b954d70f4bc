package pagelens.core.page;

/** Page type codes (m_type), docs/formats.md section 1.3. */
public final class PageType {
    public static final int UNALLOCATED = 0;
    public static final int DATA = 1;
    public static final int INDEX = 2;
    public static final int TEXT_MIX = 3;
    public static final int TEXT_TREE = 4;
    public static final int SORT = 7;
    public static final int GAM = 8;
    public static final int SGAM = 9;
    public static final int IAM = 10;
    public static final int PFS = 11;
    public static final int BOOT = 13;
    public static final int SERVER_CONFIG = 14;
    public static final int FILE_HEADER = 15;
    public static final int DIFF_MAP = 16;
    public static final int ML_MAP = 17;
    public static final int DEALLOCATED_BY_CHECKDB = 18;
    public static final int REORG_TEMP = 19;
    public static final int BULK_PREALLOC = 20;

    private PageType() {
    }

    /** Whether the code is one of the known page types (section 1.3; 5, 6 and 12 are reserved). */
    public static boolean isKnown(int type) {
        return type >= 0 && type <= 20 && type != 5 && type != 6 && type != 12;
    }

    /** A short name for the code, or {@code "unknown (N)"}. */
    public static String name(int type) {
        return switch (type) {
            case UNALLOCATED -> "unallocated";
            case DATA -> "data";
            case INDEX -> "index";
            case TEXT_MIX -> "text mix";
            case TEXT_TREE -> "text tree";
            case SORT -> "sort";
            case GAM -> "GAM";
            case SGAM -> "SGAM";
            case IAM -> "IAM";
            case PFS -> "PFS";
            case 12 -> "reserved (12)";
            case BOOT -> "boot";
            case SERVER_CONFIG -> "server config";
            case FILE_HEADER -> "file header";
            case DIFF_MAP -> "DIFF map";
            case ML_MAP -> "ML map";
            case DEALLOCATED_BY_CHECKDB -> "deallocated by CHECKDB";
            case REORG_TEMP -> "reorganize temp";
            case BULK_PREALLOC -> "bulk pre-allocated";
            default -> "unknown (" + type + ")";
        };
    }
}

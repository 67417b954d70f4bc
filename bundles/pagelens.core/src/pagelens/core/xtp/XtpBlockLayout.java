package pagelens.core.xtp;

import pagelens.core.DeclaredLayout;

/** The In-Memory OLTP checkpoint block header, described once ({@code xtp-block-header.tsv}). */
public final class XtpBlockLayout {
    public static final DeclaredLayout HEADER = DeclaredLayout.load(XtpBlockLayout.class, "xtp-block-header.tsv");

    public static final int KIND = HEADER.offset("kind");
    public static final int BLOCK_SIZE = HEADER.offset("blockSize");
    public static final int BLOCK_SIZE_AGAIN = HEADER.offset("blockSizeAgain");
    public static final int CHECKSUM_CANDIDATE = HEADER.offset("checksumCandidate");
    public static final int USED_LENGTH = HEADER.offset("usedLength");
    public static final int USED_LENGTH_LESS_8 = HEADER.offset("usedLengthLess8");
    /** 40: rows start here. */
    public static final int SIZE = HEADER.end();

    private XtpBlockLayout() {
    }
}

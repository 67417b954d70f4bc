package pagelens.core.backup;

import pagelens.core.DeclaredLayout;

/** The MTF headers PageLens reads, described once ({@code mtf-dblk.tsv}, {@code mtf-stream.tsv}, {@code mtf-specific.tsv}). */
public final class MtfLayout {
    /** The common descriptor block header. */
    public static final DeclaredLayout DBLK = DeclaredLayout.load(MtfLayout.class, "mtf-dblk.tsv");
    /** The stream header. */
    public static final DeclaredLayout STREAM = DeclaredLayout.load(MtfLayout.class, "mtf-stream.tsv");
    /** Block-specific fields. */
    public static final DeclaredLayout SPECIFIC = DeclaredLayout.load(MtfLayout.class, "mtf-specific.tsv");

    public static final int DBLK_TYPE = DBLK.offset("type");
    public static final int DBLK_FIRST_EVENT = DBLK.offset("firstEvent");
    public static final int DBLK_CHECKSUM = DBLK.offset("checksum");
    /** 52. */
    public static final int DBLK_SIZE = DBLK.end();
    public static final int STREAM_ID = STREAM.offset("id");
    public static final int STREAM_LENGTH = STREAM.offset("length");
    public static final int STREAM_CHECKSUM = STREAM.offset("checksum");
    /** 22. */
    public static final int STREAM_SIZE = STREAM.end();
    public static final int TAPE_SOFTWARE_NAME = SPECIFIC.offset("TAPE.softwareName");
    public static final int SSET_ATTRIBUTES = SPECIFIC.offset("SSET.attributes");

    private MtfLayout() {
    }
}

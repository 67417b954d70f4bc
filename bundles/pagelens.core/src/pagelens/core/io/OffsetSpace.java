package pagelens.core.io;

/**
 * What an offset into evidence counts in: the bytes of the file itself, the decompressed MTF stream of a compressed
 * backup (whose offsets are not file offsets), or the characters of a text dump (DBCC PAGE output).
 */
public enum OffsetSpace {
    /** Byte offset in the evidence file. */
    FILE("file"),
    /** Byte offset in the decompressed stream of a compressed backup. */
    STREAM("stream"),
    /** Character offset in a text dump. */
    TEXT("text");

    private final String id;

    OffsetSpace(String id) {
        this.id = id;
    }

    /** The lower-case id used in JSON ("file", "stream", "text"). */
    public String id() {
        return id;
    }
}

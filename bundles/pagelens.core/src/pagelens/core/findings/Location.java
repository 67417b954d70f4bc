package pagelens.core.findings;

import java.nio.file.Path;

/**
 * Where a finding is.
 *
 * @param evidence   the evidence file
 * @param fileId     database file id, or -1
 * @param pageId     page id (position in the file), or -1
 * @param fileOffset byte offset of the page (or thing) in the evidence, or -1
 * @param byteStart  first byte concerned, relative to the page (or thing)
 * @param byteLength number of bytes concerned (0 = the whole page or thing)
 */
public record Location(Path evidence, int fileId, long pageId, long fileOffset, int byteStart, int byteLength) {

    public static Location page(Path evidence, int fileId, long pageId, long fileOffset) {
        return new Location(evidence, fileId, pageId, fileOffset, 0, 0);
    }

    public Location bytes(int start, int length) {
        return new Location(evidence, fileId, pageId, fileOffset, start, length);
    }

    /** {@code 1:9} style, or the offset when there is no page. */
    public String describe() {
        if (pageId >= 0) {
            return (fileId >= 0 ? fileId : "?") + ":" + pageId;
        }
        return fileOffset >= 0 ? String.format("offset 0x%X", fileOffset) : "";
    }
}

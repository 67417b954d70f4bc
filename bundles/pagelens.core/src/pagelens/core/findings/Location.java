package pagelens.core.findings;

import java.nio.file.Path;

import pagelens.core.io.OffsetSpace;
import pagelens.core.store.PageCopy;

/**
 * Where a finding is.
 *
 * @param evidence   the evidence file
 * @param fileId     database file id, or -1
 * @param pageId     page id (position in the file), or -1
 * @param fileOffset offset of the page (or thing) in the evidence, counted in {@code space}, or -1
 * @param byteStart  first byte concerned, relative to the page (or thing)
 * @param byteLength number of bytes concerned (0 = the whole page or thing)
 * @param space      what {@code fileOffset} counts: file bytes, a compressed backup's decompressed stream, dump characters
 */
public record Location(Path evidence, int fileId, long pageId, long fileOffset, int byteStart, int byteLength, OffsetSpace space) {

    /** A location whose offset is a file offset. */
    public Location(Path evidence, int fileId, long pageId, long fileOffset, int byteStart, int byteLength) {
        this(evidence, fileId, pageId, fileOffset, byteStart, byteLength, OffsetSpace.FILE);
    }

    public static Location page(Path evidence, int fileId, long pageId, long fileOffset) {
        return new Location(evidence, fileId, pageId, fileOffset, 0, 0);
    }

    /** The whole of one copy of a page, at the offset (and in the offset space) its provenance gives. */
    public static Location of(PageCopy copy) {
        return new Location(copy.provenance().evidence(), copy.id().fileId(), copy.id().pageId(), copy.provenance().offset(), 0, 0,
                copy.provenance().space());
    }

    public Location bytes(int start, int length) {
        return new Location(evidence, fileId, pageId, fileOffset, start, length, space);
    }

    /** {@code 1:9} style, or the offset when there is no page. */
    public String describe() {
        if (pageId >= 0) {
            return (fileId >= 0 ? fileId : "?") + ":" + pageId;
        }
        return fileOffset >= 0 ? String.format("%soffset 0x%X", space == OffsetSpace.STREAM ? "stream " : "", fileOffset) : "";
    }
}

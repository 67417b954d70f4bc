package pagelens.core.store;

import java.nio.file.Path;

import pagelens.core.io.OffsetSpace;

/**
 * Where one copy of a page came from.
 *
 * @param evidence the evidence file
 * @param offset   offset in it, counted in {@code space}
 * @param copy     copy number, 0 for the first copy of that page in this evidence
 * @param space    what the offset counts: file bytes, the decompressed stream of a compressed backup, or dump characters
 */
public record Provenance(Path evidence, long offset, int copy, OffsetSpace space) {

    /** A copy at a file offset. */
    public Provenance(Path evidence, long offset, int copy) {
        this(evidence, offset, copy, OffsetSpace.FILE);
    }
}

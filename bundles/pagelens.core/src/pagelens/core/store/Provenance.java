package pagelens.core.store;

import java.nio.file.Path;

/**
 * Where one copy of a page came from.
 *
 * @param evidence the evidence file
 * @param offset   byte offset in it (for a text dump: the character offset of its memory dump)
 * @param copy     copy number, 0 for the first copy of that page in this evidence
 */
public record Provenance(Path evidence, long offset, int copy) {
}

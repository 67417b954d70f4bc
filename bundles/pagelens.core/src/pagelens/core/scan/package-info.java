/**
 * Whole-file scans: every page verified (checksum, torn bits, page id, header, slots) against the file's
 * own allocation maps, producing counts and findings; read sequentially on all cores with bounded memory.
 */
package pagelens.core.scan;

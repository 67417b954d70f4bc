/**
 * Allocation maps (docs/formats.md section 4.2): GAM, SGAM, DIFF, ML and IAM bitmaps, the IAM header,
 * PFS bytes, and the allocation state of a whole file built from its own maps.
 */
package pagelens.core.alloc;

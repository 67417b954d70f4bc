/**
 * In-Memory OLTP checkpoint data, as far as the public evidence allows (docs/xtp-evidence.md): data-block
 * headers (block size at +4, lengths at +32/+36) and 20-byte row record headers, walked with every length
 * checked. Field meanings are EMPIRICAL and labelled so; block checksums are not verified (no public
 * algorithm).
 */
package pagelens.core.xtp;

/**
 * The transaction log read from a log file (docs/log.md): page 0 with its copy of the boot record, the VLFs, the log blocks
 * (sector status bytes, displaced bytes, the log block checksum), the records by their slot arrays, with the checks a
 * forensic reader can make on each. Operations are described once in {@code log-operations.tsv}. No Eclipse.
 */
package pagelens.core.log;

/**
 * PageStore, the keystone: 8 KB pages addressed by (file id, page id), each copy with its provenance
 * (evidence, byte offset, copy number), whatever the bytes came from (a data file, a DBCC PAGE dump,
 * and later a backup's data streams).
 */
package pagelens.core.store;

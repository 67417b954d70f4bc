/**
 * The boot page (page 1:9, DBINFO): a data-driven layout registry (boot-layouts.tsv, plus calibrated
 * layouts from a user folder), the decoder that shows every field with its evidence level and every byte
 * no field covers, the In-Memory OLTP (Hekaton) restore-readiness verdict, comparison of two boot pages,
 * and calibration from DBCC DBINFO / DBCC PAGE listings.
 */
package pagelens.core.boot;

/**
 * Tells what a path is (data file, log, backup, compressed backup, DBCC PAGE text dump, In-Memory OLTP
 * container, or unknown) from a few cheap reads, never throwing for bad input.
 */
package pagelens.core.identify;

/**
 * The system catalog read from the evidence itself (docs/catalog.md): the base tables described once in
 * {@code base-tables.tsv}, decoded from their pages through any page store; objects, indexes, partitions, allocation
 * units, files and filegroups; the owner of every page from its header and from the IAM chains, with the findings
 * where the two disagree. No server, no Eclipse.
 */
package pagelens.core.catalog;

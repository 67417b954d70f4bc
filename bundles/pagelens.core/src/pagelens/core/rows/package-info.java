/**
 * A table's rows read from the evidence (docs/catalog.md sections 4 and 5): the data types described once in
 * {@code sql-types.tsv}, FixedVar records decoded by the rowset's stored columns, LOB and row-overflow values followed
 * through the page store, and whole tables streamed in key or allocation order with the damage stated per row and per
 * page. Read-only; no Eclipse.
 */
package pagelens.core.rows;

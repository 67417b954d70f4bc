/**
 * The 8 KB SQL Server page: value types ({@link pagelens.core.page.PageId}, {@link pagelens.core.page.Lsn}),
 * the 96-byte header, page types and the page checksum (docs/formats.md sections 1 and 2).
 */
package pagelens.core.page;

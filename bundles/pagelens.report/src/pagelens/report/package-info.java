/**
 * Findings reports: a {@link pagelens.core.cases.Case} rendered to PDF (Apache PDFBox, embedded DejaVu
 * fonts shipped in this bundle with their licence) and to JSON (Jackson, schema
 * docs/schema/pagelens-case-1.schema.json). No SWT. Outputs never overwrite evidence.
 */
package pagelens.report;

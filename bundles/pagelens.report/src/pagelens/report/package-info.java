/**
 * Findings reports: renders a case (evidence, findings, verdicts) to PDF with Apache PDFBox and to JSON.
 * No SWT. The renderers arrive with the findings-report issue; this bundle is in the build, the feature
 * and the product from the start so that the CLI and the UI can depend on it.
 */
package pagelens.report;

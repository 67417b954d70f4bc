/**
 * Report tests: PDF text extraction and JSON schema validation of reports built from specimens and real samples.
 */
package pagelens.report.tests;

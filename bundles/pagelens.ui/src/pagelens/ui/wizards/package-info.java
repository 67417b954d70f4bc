/**
 * The report export wizard: case fields, PDF and JSON outputs; it hands the registry's examinations to the core CaseBuilder and writes the report in a background job.
 */
package pagelens.ui.wizards;

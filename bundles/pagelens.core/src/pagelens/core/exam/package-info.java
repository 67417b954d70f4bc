/**
 * One examination for every surface: {@link pagelens.core.exam.OpenedEvidence} (a path opened once: its kind, bytes,
 * pages with provenance, boot page copies and the one a restore applies) and {@link pagelens.core.exam.Examination}
 * (what is checked for each kind of evidence, and the typed result the workbench, the command line and the report
 * render). {@code PageStores} and {@code BootSources} are conveniences over them for callers that need bytes once.
 */
package pagelens.core.exam;

/**
 * A case: what a report is about (title, ticket, analyst, organisation, date, notes), the evidence with
 * its SHA-256 when opened and again at report time, the scans, boot pages and findings. Built by
 * {@link pagelens.core.cases.CaseBuilder}, rendered by pagelens.report.
 */
package pagelens.core.cases;

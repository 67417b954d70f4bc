/**
 * Findings: what an analysis found, with a stable rule id, a severity, where (evidence, file, page, bytes)
 * and what to do. {@link pagelens.core.findings.Rules} is the catalogue; docs/rules.md lists it for tickets.
 */
package pagelens.core.findings;

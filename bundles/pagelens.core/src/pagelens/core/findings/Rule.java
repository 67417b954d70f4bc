package pagelens.core.findings;

/**
 * A kind of finding. The id is stable: tickets and reports cite it.
 *
 * @param id             stable id, for example {@code page.checksum-mismatch}
 * @param severity       the usual severity (a finding may carry another one)
 * @param title          a short name
 * @param explanation    what it means, for someone who has no PageLens
 * @param recommendation what to do about it
 */
public record Rule(String id, Severity severity, String title, String explanation, String recommendation) {
}

package pagelens.core.findings;

/**
 * One finding.
 *
 * @param rule     the rule (id, explanation, recommendation)
 * @param severity the severity of this finding (usually the rule's)
 * @param title    a one-line title with the specifics
 * @param location where
 */
public record Finding(Rule rule, Severity severity, String title, Location location) {

    public Finding(Rule rule, String title, Location location) {
        this(rule, rule.severity(), title, location);
    }

    public String ruleId() {
        return rule.id();
    }
}

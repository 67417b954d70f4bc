package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import pagelens.core.findings.Rule;
import pagelens.core.findings.Rules;

/** docs/rules.md lists every rule id with its severity, so a ticket can cite it. */
class RulesDocTest {
    @Test
    void everyRuleIsDocumented() throws IOException {
        Path doc = null;
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/rules.md"))) {
                doc = p.resolve("docs/rules.md");
                break;
            }
        }
        assertTrue(doc != null, "docs/rules.md exists in the project");
        String text = Files.readString(doc);
        for (Rule r : Rules.all()) {
            assertTrue(text.contains("`" + r.id() + "`"), "docs/rules.md lists " + r.id());
            assertTrue(text.contains("| `" + r.id() + "` | " + r.severity().id() + " |"), "docs/rules.md gives the severity of " + r.id());
        }
    }
}

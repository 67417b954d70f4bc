package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import pagelens.core.Evidence;

/**
 * Evidence levels are typed: no source string writes a tag like "[INFERRED]" by hand (comments may cite them), and the
 * format notes explain every level the enum has.
 */
class EvidenceTagsTest {
    private static Path root() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bundles")) && Files.exists(p.resolve("docs/format-notes.md"))) {
                return p;
            }
        }
        throw new AssertionError("project root not found");
    }

    @Test
    void noTagIsWrittenByHand() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern tag = Pattern.compile("\\[[^\\]]*\\b(VERIFIED|DOC|SRC|CLAIMED|EMPIRICAL|INFERRED|DMV|USER|UNKNOWN|REAL)\\b[^\\]]*\\]");
        List<String> hand = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root().resolve("bundles"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.toString().contains(".tests")).toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("*") || l.startsWith("//") || l.startsWith("/*")) {
                    continue;
                }
                Matcher m = literal.matcher(l);
                while (m.find()) {
                    if (tag.matcher(m.group()).find()) {
                        hand.add(root().relativize(f) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), hand, "write Evidence.X.tag() instead of a tag by hand");
        assertTrue(files.size() > 100);
    }

    @Test
    void formatNotesExplainEveryLevel() throws IOException {
        String notes = Files.readString(root().resolve("docs/format-notes.md"));
        for (Evidence e : Evidence.values()) {
            assertTrue(notes.contains("| `" + e.tag() + "` |"), "docs/format-notes.md does not explain " + e.tag());
        }
    }
}

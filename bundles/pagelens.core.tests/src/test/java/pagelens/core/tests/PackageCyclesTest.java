package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package graph of the engine and of the workbench has no cycles (read from the sources: every reference to
 * another package of the same bundle, outside comments), every package says in a package-info what lives there, and
 * the engine imports nothing from Eclipse or SWT.
 */
class PackageCyclesTest {
    private static Path root() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bundles/pagelens.core/src"))) {
                return p;
            }
        }
        throw new AssertionError("project root not found");
    }

    private static Map<String, Set<String>> graph(Path src, String prefix) throws IOException {
        Pattern ref = Pattern.compile(Pattern.quote(prefix) + "\\.([a-z]+)\\b");
        Map<String, Set<String>> g = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
            String self = pkg.length() <= prefix.length() ? "(root)" : pkg.substring(prefix.length() + 1).split("\\.")[0];
            Set<String> out = g.computeIfAbsent(self, k -> new TreeSet<>());
            for (String line : Files.readAllLines(f)) {
                String l = line.strip();
                if (l.startsWith("*") || l.startsWith("//") || l.startsWith("/*") || l.startsWith("package ")) {
                    continue;
                }
                Matcher m = ref.matcher(l.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
                while (m.find()) {
                    if (!m.group(1).equals(self) && Files.isDirectory(src.resolve(prefix.replace('.', '/')).resolve(m.group(1)))) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return g;
    }

    /** Every cycle's packages, or an empty list. */
    private static List<String> cycles(Map<String, Set<String>> g) {
        List<String> found = new ArrayList<>();
        for (String a : g.keySet()) {
            // depth-first search from a for a path back to a
            List<String> path = new ArrayList<>();
            if (reaches(g, a, a, new TreeSet<>(), path)) {
                found.add(a + " -> " + String.join(" -> ", path));
            }
        }
        return found;
    }

    private static boolean reaches(Map<String, Set<String>> g, String from, String target, Set<String> seen, List<String> path) {
        for (String n : g.getOrDefault(from, Set.of())) {
            path.add(n);
            if (n.equals(target)) {
                return true;
            }
            if (seen.add(n) && reaches(g, n, target, seen, path)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    @Test
    void engineHasNoPackageCycle() throws IOException {
        Map<String, Set<String>> g = graph(root().resolve("bundles/pagelens.core/src"), "pagelens.core");
        assertTrue(g.size() > 10, g.toString());
        assertEquals(List.of(), cycles(g), "package cycles in pagelens.core: " + g);
    }

    @Test
    void workbenchHasNoPackageCycle() throws IOException {
        Map<String, Set<String>> g = graph(root().resolve("bundles/pagelens.ui/src"), "pagelens.ui");
        assertTrue(g.size() >= 6, g.toString());
        assertEquals(List.of(), cycles(g), "package cycles in pagelens.ui: " + g);
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root().resolve("bundles"))) {
            for (Path d : s.filter(Files::isDirectory).filter(d -> !d.toString().contains("/target/")).toList()) {
                boolean hasJava;
                try (Stream<Path> f = Files.list(d)) {
                    hasJava = f.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                    missing.add(root().relativize(d).toString());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void engineImportsNoEclipseOrSwt() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root().resolve("bundles/pagelens.core/src"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String l : Files.readAllLines(f)) {
                    if (l.matches("\\s*import\\s+org\\.eclipse\\..*") || l.contains("org.eclipse.swt")) {
                        bad.add(f.getFileName() + ": " + l.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}

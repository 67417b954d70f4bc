package pagelens.core.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the real SQL Server samples in {@code ../shared/samples} (system property {@code pagelens.samples}
 * first). Tests that need them skip with a clear message when the folder is absent.
 */
public final class Samples {
    private Samples() {
    }

    public static Path root() {
        String prop = System.getProperty("pagelens.samples");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path cand = p.resolve("../shared/samples").normalize();
            if (Files.isDirectory(cand)) {
                return cand;
            }
        }
        return null;
    }

    /** The sample file, or skips the calling test when the samples folder is absent. */
    public static Path get(String relative) {
        Path root = root();
        if (Boolean.getBoolean("pagelens.requireSamples")) {
            // CI sets this: a missing samples folder is a failure there, not a skip
            org.junit.jupiter.api.Assertions.assertTrue(root != null && Files.exists(root.resolve(relative)),
                    "real sample " + relative + " required (-Dpagelens.requireSamples=true) but not found");
        }
        assumeTrue(root != null, "real samples not found (../shared/samples absent): skipping test that needs " + relative);
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "sample " + relative + " absent from " + root + ": skipping");
        return p;
    }
}

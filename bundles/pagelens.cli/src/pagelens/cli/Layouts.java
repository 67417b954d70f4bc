package pagelens.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

import pagelens.core.boot.BootLayouts;

/** The boot page layouts every command uses: the built-in ones plus the user's calibrated ones. */
final class Layouts {
    private Layouts() {
    }

    /** PageLens' state folder: {@code PAGELENS_HOME}, else {@code ~/.pagelens}. */
    static Path home() {
        String h = System.getenv("PAGELENS_HOME");
        return h != null && !h.isBlank() ? Paths.get(h) : Paths.get(System.getProperty("user.home"), ".pagelens");
    }

    /** Built-in layouts plus the calibrated ones in {@code dir}, or in the state folder's {@code layouts} when null. */
    static BootLayouts user(Path dir) {
        return BootLayouts.withUserFolder(dir != null ? dir : home().resolve("layouts"));
    }

    static BootLayouts user() {
        return user(null);
    }
}

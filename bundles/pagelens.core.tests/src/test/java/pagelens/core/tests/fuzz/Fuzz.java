package pagelens.core.tests.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import pagelens.core.page.Page;

/** What every target shares: a page from the input, a scratch file per target, and the list of targets. */
public final class Fuzz {
    private Fuzz() {
    }

    /** Every fuzz target, for the runner and releng/fuzz.sh. */
    public static final Class<?>[] TARGETS = { PageFuzz.class, BootPageFuzz.class, AllocationFuzz.class, XpressFuzz.class, BackupFuzz.class,
            DataFileFuzz.class, DbccFuzz.class, DmvFuzz.class, XtpFuzz.class, RowFuzz.class, LogFuzz.class };

    /** The input as one 8 KB page (cut or padded with zeros). */
    static byte[] page(byte[] d) {
        return Arrays.copyOf(d, Page.SIZE);
    }

    /** A scratch file (in memory where the system has /dev/shm) holding the input; one per target and process. */
    static Path file(String name, byte[] d) throws IOException {
        Path dir = Files.isDirectory(Paths.get("/dev/shm")) ? Paths.get("/dev/shm") : Paths.get(System.getProperty("java.io.tmpdir"));
        Path f = dir.resolve("pagelens-fuzz-" + ProcessHandle.current().pid() + "-" + name);
        Files.write(f, d);
        f.toFile().deleteOnExit();
        return f;
    }
}

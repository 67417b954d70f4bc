package pagelens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Refuses an output path that is (or is the same file as) evidence. */
public final class ReportTarget {
    private ReportTarget() {
    }

    public static void check(Path out, Collection<Path> evidence) throws IOException {
        Path o = out.toAbsolutePath().normalize();
        for (Path e : evidence) {
            Path n = e.toAbsolutePath().normalize();
            if (o.equals(n) || Files.exists(o) && Files.exists(n) && Files.isSameFile(o, n)) {
                throw new IOException(out + ": is evidence; a report never overwrites evidence. Choose another file name.");
            }
        }
        if (Files.isDirectory(o)) {
            throw new IOException(out + ": is a folder; give a file name");
        }
    }
}

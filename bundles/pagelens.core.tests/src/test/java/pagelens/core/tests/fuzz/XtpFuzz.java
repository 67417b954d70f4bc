package pagelens.core.tests.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.xtp.XtpBlockStructure;
import pagelens.core.xtp.XtpContainer;
import pagelens.core.xtp.XtpRecords;

/** In-Memory OLTP checkpoint bytes: the record walker, the block structure tree, and a container holding them as a file. */
public final class XtpFuzz {
    private static Path container;

    private XtpFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        XtpRecords.walk(data, Math.min(40, data.length));
        XtpRecords.firstRecord(data, 2);
        XtpBlockStructure.of(data, 0);
        if (container == null) {
            Path root = Fuzz.file("xtp-root", new byte[0]);
            Files.delete(root);
            container = Files.createDirectories(root.resolveSibling(root.getFileName() + "-dir").resolve("$HKv2"));
        }
        Files.write(container.resolve("00000000-0000-0000-0000-000000000001.hkckp"), data);
        XtpContainer.scan(container.getParent(), ProgressMonitor.NULL).findings();
    }
}

package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.page.Node;
import pagelens.core.specimen.XtpSpecimen;
import pagelens.core.xtp.XtpBlockStructure;

/** The block structure tree on a SYNTHETIC data file: header fields, every row, linked to its bytes. */
class XtpBlockStructureTest {
    @TempDir
    Path tmp;

    @Test
    void dataBlocksDecodeEveryRow() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("c"), 9);
        XtpSpecimen.File data = w.first("DATA");
        byte[] file = Files.readAllBytes(data.path());
        int rows = 0;
        for (int b = 0; b < 3; b++) {
            Node n = XtpBlockStructure.of(Arrays.copyOfRange(file, b * 0x40000, (b + 1) * 0x40000), b * 0x40000L);
            Node header = n.children().get(0);
            assertEquals("header", header.name());
            assertEquals("262,144 (0x40000)", header.children().get(2).value());
            assertEquals(4, header.children().get(2).offset());
            Node rowGroup = n.children().stream().filter(c -> c.name().startsWith("rows")).findFirst().orElseThrow();
            rows += rowGroup.children().size();
            Node first = rowGroup.children().get(0);
            assertEquals(40, first.offset(), "the first row follows the 40-byte header");
            assertEquals("sequence", first.children().get(2).name());
        }
        assertEquals(data.rows(), rows, "every row the specimen wrote");
        // a delta (4 KiB blocks): header and an opaque payload
        XtpSpecimen.File delta = w.first("DELTA");
        byte[] d = Files.readAllBytes(delta.path());
        Node n = XtpBlockStructure.of(Arrays.copyOf(d, 4096), 0);
        assertTrue(n.children().stream().anyMatch(c -> c.name().startsWith("payload [UNKNOWN")), n.toString());
    }
}

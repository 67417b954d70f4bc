package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.store.PatchSet;

/** A patched copy is the evidence with exactly the edited bytes changed; the evidence is never written. */
class PatchSetTest {
    @TempDir
    Path tmp;

    @Test
    void copyHoldsTheEditsAndTheEvidenceIsUntouched() throws IOException {
        Path ev = tmp.resolve("evidence.mdf");
        DataFileSpecimen.write(ev, DataFileSpecimen.Spec.defaults(1200), ProgressMonitor.NULL); // > one 4 MiB read chunk
        byte[] before = Files.readAllBytes(ev);
        PatchSet p = new PatchSet();
        long far = 1100; // a page in the second chunk of the copy
        p.set(new PageId(1, 3), Arrays.copyOfRange(before, 3 * 8192, 4 * 8192), 100, 0xAB);
        p.set(new PageId(1, far), Arrays.copyOfRange(before, (int) far * 8192, (int) (far + 1) * 8192), 8191, 0xCD);
        Path out = tmp.resolve("patched.mdf");
        p.saveCopy(ev, out, List.of(ev));
        byte[] copy = Files.readAllBytes(out);
        assertArrayEquals(before, Files.readAllBytes(ev), "the evidence is unchanged");
        assertEquals(before.length, copy.length);
        int diffs = 0;
        for (int i = 0; i < copy.length; i++) {
            diffs += copy[i] != before[i] ? 1 : 0;
        }
        assertEquals((byte) 0xAB, copy[3 * 8192 + 100]);
        assertEquals((byte) 0xCD, copy[(int) far * 8192 + 8191]);
        assertTrue(diffs <= 2, "only the edited bytes differ: " + diffs);
        IOException e = assertThrows(IOException.class, () -> p.saveCopy(ev, ev, List.of(ev)));
        assertTrue(e.getMessage().contains("never overwrites evidence"), e.getMessage());
    }
}

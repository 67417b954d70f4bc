package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.XtpSpecimen;
import pagelens.core.xtp.XtpBlocks;
import pagelens.core.xtp.XtpChecksumDiscovery;
import pagelens.core.xtp.XtpChecksumProfile;
import pagelens.core.xtp.XtpContainer;

/**
 * The checksum profile mechanism on a SYNTHETIC container whose blocks carry a CRC-32C of their payload at +12 (a
 * checksum the test plants; the real algorithm is unknown): discovery finds exactly that candidate, the profile is
 * saved and loaded, a clean scan verifies every block, a changed byte gives one mismatch; without planted checksums no
 * profile can be established.
 */
class XtpChecksumProfileTest {
    @TempDir
    Path tmp;

    private Path container(String name, boolean plant) throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve(name), 5);
        Path hk = w.root().resolve("$HKv2");
        int n = 0;
        for (XtpSpecimen.File f : w.files()) {
            if (f.type().equals("DATA")) {
                for (int i = 0; i < 4; i++) {
                    Files.copy(f.path(), hk.resolve(String.format("%08x-0000-4000-8000-%012x.hkckp", 0xABC00000 + n, (long) n)));
                    n++;
                }
            }
        }
        if (plant) {
            for (XtpContainer.CheckpointFile f : XtpContainer.scan(w.root(), ProgressMonitor.NULL, null).files()) {
                try (RandomAccessFile raf = new RandomAccessFile(f.path().toFile(), "rw")) {
                    for (XtpBlocks.Block b : f.walk().blocks()) {
                        byte[] block = new byte[(int) b.size()];
                        raf.seek(b.offset());
                        raf.readFully(block);
                        CRC32C c = new CRC32C();
                        c.update(block, 40, block.length - 40);
                        long v = c.getValue();
                        raf.seek(b.offset() + 12);
                        raf.write(new byte[] { (byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24) });
                    }
                }
            }
        }
        return w.root();
    }

    @Test
    void aProfileIsEstablishedSavedAndApplied() throws Exception {
        Path good = container("good", true);
        XtpChecksumDiscovery.Result r = XtpChecksumDiscovery.discover(XtpContainer.scan(good, ProgressMonitor.NULL, null), 2000);
        assertTrue(r.blocks() >= XtpChecksumProfile.MIN_BLOCKS, "blocks: " + r.blocks());
        XtpChecksumProfile p = XtpChecksumProfile.establish(r, good.toString());
        assertEquals("crc32c", p.algorithm());
        assertEquals("payload", p.coverage());
        assertEquals(12, p.field());
        Path file = tmp.resolve("profile.properties");
        p.save(file);
        XtpChecksumProfile back = XtpChecksumProfile.load(file);
        assertEquals(p, back);

        XtpContainer.Scan clean = XtpContainer.scan(good, ProgressMonitor.NULL, back);
        assertTrue(clean.checksums().startsWith("verified with the user's profile"), clean.checksums());
        assertTrue(clean.checksums().endsWith(": 0 block(s) mismatch"), clean.checksums());
        assertTrue(clean.findings().stream().noneMatch(f -> f.ruleId().startsWith("xtp.checksum")), clean.findings().toString());

        // one changed byte inside a data block's payload
        XtpContainer.CheckpointFile data = clean.files().stream().filter(f -> f.walk().blocks().size() == 3).findFirst().orElseThrow();
        try (RandomAccessFile raf = new RandomAccessFile(data.path().toFile(), "rw")) {
            raf.seek(0x40000 + 5000);
            int v = raf.read();
            raf.seek(0x40000 + 5000);
            raf.write(v ^ 0x20);
        }
        XtpContainer.Scan bad = XtpContainer.scan(good, ProgressMonitor.NULL, back);
        List<String> mism = bad.findings().stream().filter(f -> f.ruleId().equals("xtp.checksum-mismatch")).map(f -> f.title()).toList();
        assertEquals(1, mism.size(), bad.findings().toString());
        assertTrue(mism.get(0).contains("block at 0x40000"), mism.get(0));
    }

    @Test
    void noProfileWithoutAFittingCandidateOrEnoughBlocks() throws Exception {
        Path plain = container("plain", false);
        XtpChecksumDiscovery.Result r = XtpChecksumDiscovery.discover(XtpContainer.scan(plain, ProgressMonitor.NULL, null), 2000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> XtpChecksumProfile.establish(r, "x"));
        assertTrue(e.getMessage().contains("no candidate fits"), e.getMessage());
        XtpChecksumDiscovery.Result few = XtpChecksumDiscovery.discover(XtpContainer.scan(container("few", true), ProgressMonitor.NULL, null), 10);
        IllegalStateException f = assertThrows(IllegalStateException.class, () -> XtpChecksumProfile.establish(few, "x"));
        assertTrue(f.getMessage().contains("too few"), f.getMessage());
        Path broken = Files.writeString(tmp.resolve("broken.properties"), "algorithm=md5\ncoverage=block\nfield=12\nblocks=99\nfiles=3\n");
        assertThrows(java.io.IOException.class, () -> XtpChecksumProfile.load(broken));
    }
}

package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.XtpSpecimen;
import pagelens.core.xtp.XtpBlocks;
import pagelens.core.xtp.XtpContainer;
import pagelens.core.xtp.XtpDmv;
import pagelens.core.xtp.XtpChecksumDiscovery;

/** Container scan and block walk: synthetic specimens with planted damage, bad input, and the real chunk. */
class XtpContainerTest {

    @TempDir
    Path tmp;

    private static List<String> rules(XtpContainer.Scan s) {
        return s.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void cleanSpecimenHasNoStructuralFindings() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("c"), 7);
        XtpContainer.Scan s = XtpContainer.scan(w.root(), ProgressMonitor.NULL);
        assertEquals(XtpContainer.Layout.HKV2, s.layout());
        assertTrue(s.hasFsLog() && s.hasHeaderFile());
        assertEquals(6, s.files().size());
        assertEquals(List.of("xtp.checksum-unverified"), rules(s), s.findings().toString());
        for (XtpSpecimen.File f : w.files()) {
            XtpContainer.CheckpointFile cf = s.files().stream().filter(x -> x.path().equals(f.path())).findFirst().orElseThrow();
            assertEquals(f.blocks(), cf.walk().blocks().size(), f.type());
            assertEquals(f.rows(), cf.walk().rows(), f.type());
            assertTrue(cf.guid() != null && f.path().getFileName().toString().startsWith(cf.guid()));
            assertTrue(cf.walk().zeroTail() > 0, "unused zero space after the last block of " + f.type());
        }
        XtpContainer.CheckpointFile data = s.files().stream().filter(x -> x.path().equals(w.first("DATA").path())).findFirst().orElseThrow();
        assertTrue(data.walk().inferredKind().startsWith("DATA"));
        assertTrue(data.walk().rows() > 4000, "about 1,480 rows per 256 KiB block");
        XtpContainer.CheckpointFile pre = s.files().stream().filter(x -> x.path().equals(w.first("PRECREATED").path())).findFirst().orElseThrow();
        assertEquals(1 << 20, pre.walk().zeroTail());
        assertTrue(pre.walk().inferredKind().startsWith("all zero"));
    }

    @Test
    void plantedDamageIsFound() throws Exception {
        for (XtpSpecimen.Damage d : XtpSpecimen.Damage.values()) {
            XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve(d.name()), 7);
            XtpSpecimen.damage(w, d);
            XtpContainer.Scan s = XtpContainer.scan(w.root(), ProgressMonitor.NULL);
            String expected = switch (d) {
                case CUT -> "xtp.file-cut";
                case SIZE_FIELDS, RECORD_CHAIN -> "xtp.block-impossible";
                case ZERO_BLOCK -> "xtp.foreign-region";
            };
            List<Finding> hits = s.findings().stream().filter(f -> f.ruleId().equals(expected)).toList();
            assertEquals(1, hits.size(), d + ": " + s.findings());
            assertEquals(2, s.findings().size(), d + ": only the planted damage and the checksum note: " + s.findings());
            Path damaged = d == XtpSpecimen.Damage.CUT || d == XtpSpecimen.Damage.SIZE_FIELDS
                    ? w.files().stream().filter(f -> f.type().equals("DATA")).toList().get(0).path()
                    : w.files().stream().filter(f -> f.type().equals("DATA")).toList().get(1).path();
            assertEquals(damaged, hits.get(0).location().evidence(), d.name());
            long offset = hits.get(0).location().fileOffset();
            switch (d) {
                case CUT, ZERO_BLOCK -> assertEquals(0x40000, offset);
                case SIZE_FIELDS -> assertEquals(0x40004, offset);
                case RECORD_CHAIN -> assertTrue(offset > 0x3F000 && offset < 0x40000, Long.toHexString(offset));
            }
        }
    }

    @Test
    void badInput() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(List.of("xtp.not-a-container"), rules(XtpContainer.scan(empty, ProgressMonitor.NULL)));
        Path unrelated = Files.createDirectories(tmp.resolve("unrelated"));
        Files.writeString(unrelated.resolve("notes.txt"), "hello");
        Files.write(unrelated.resolve("data.bin"), new byte[5000]);
        XtpContainer.Scan u = XtpContainer.scan(unrelated, ProgressMonitor.NULL);
        assertEquals(List.of("xtp.not-a-container"), rules(u));
        assertTrue(u.files().isEmpty());
        assertThrows(IOException.class, () -> XtpContainer.scan(unrelated.resolve("notes.txt"), ProgressMonitor.NULL));
        // a symbolic-link loop inside a container is listed, not followed
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("loop"), 3);
        Files.createSymbolicLink(w.root().resolve("$HKv2").resolve("loop"), w.root());
        XtpContainer.Scan l = XtpContainer.scan(w.root(), ProgressMonitor.NULL);
        assertEquals(6, l.files().size());
        assertTrue(rules(l).contains("xtp.link-not-followed"), rules(l).toString());
    }

    @Test
    void tenGigabyteSparseFileIsReadInBoundedMemory() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("sparse"), 5);
        Path big = w.root().resolve("$HKv2").resolve("00000000-0000-0000-0000-000000000010.hkckp");
        Files.copy(w.first("DATA").path(), big);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(10L << 30);
        }
        XtpBlocks.FileWalk walk = XtpBlocks.walk(big, ProgressMonitor.NULL);
        assertEquals(3, walk.blocks().size());
        assertEquals((10L << 30) - 3 * 0x40000, walk.zeroTail());
        assertTrue(walk.findings().isEmpty(), walk.findings().toString());
    }

    @Test
    void realChunkWalksAsBlocks() throws Exception {
        // the real decompressed 64 KiB chunk is a fragment of a data file: it starts mid-block, holds block B's header at
        // 0x5A00 and ends inside block B
        Path chunk = tmp.resolve("chunk.bin");
        Files.write(chunk, XtpRecordsTest.chunk());
        XtpBlocks.FileWalk walk = XtpBlocks.walk(chunk, ProgressMonitor.NULL);
        assertEquals(1, walk.blocks().size());
        XtpBlocks.Block b = walk.blocks().get(0);
        assertEquals(0x5A00, b.offset());
        assertEquals(0x000B, b.type());
        assertEquals(0x40000, b.size());
        assertEquals(0x3FE50, b.length1());
        assertEquals(0x3FE48, b.length2());
        assertEquals(240, b.rows(), "240 records after block B's header, the last cut by the chunk end");
        assertTrue(b.cut());
        List<String> r = walk.findings().stream().map(Finding::ruleId).toList();
        assertEquals(List.of("xtp.foreign-region", "xtp.file-cut"), r, "the fragment's head and its cut end are reported");
        assertFalse(walk.claimedHeader());
    }

    @Test
    void dmvImportMatchesACleanContainer() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("c"), 7);
        XtpDmv.Import dmv = XtpDmv.read(XtpSpecimen.writeDmv(w, tmp.resolve("dmv.csv")));
        assertEquals(6, dmv.rows().size());
        assertFalse(dmv.v2014());
        XtpContainer.Scan s = XtpContainer.scan(w.root(), ProgressMonitor.NULL);
        assertEquals(List.of(), XtpDmv.crossCheck(dmv, s));
        XtpDmv.MemoryEstimate m = XtpDmv.estimate(dmv);
        assertEquals(2, m.files());
        assertEquals(2L * 3 * 0x40000, m.usedBytes());
        assertEquals(Math.round(0.75 * 2 * 3 * 0x40000), m.afterDeletes(), 2 * 3 * 0x40000 / 100.0, "a quarter of the rows deleted");
    }

    @Test
    void dmvCrossCheckFindsEveryPlantedInconsistency() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("c"), 7);
        Path csv = XtpSpecimen.writeDmv(w, tmp.resolve("dmv.csv"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        // 1: the first delta file is deleted from disk (ACTIVE: error) -> missing, and its data file stays paired in the DMV
        Files.delete(w.files().get(1).path());
        // 2: a file on disk the DMV does not know
        Files.write(w.root().resolve("$HKv2").resolve("11111111-2222-3333-4444-555555555555.hkckp"), new byte[4096]);
        // 3: the second data file's size in the DMV is larger than on disk (cut)
        lines.set(3, lines.get(3).replace(",4194304,", ",8388608,"));
        // 4: the second data file loses its pair
        String pair = w.files().get(3).path().getFileName().toString().replace(".hkckp", "");
        lines.set(3, lines.get(3).replace("," + pair + ",", ",NULL,"));
        // 5: the root file is in a 2014-only state
        lines.set(5, lines.get(5).replace(",2,ACTIVE,", ",7,TOMBSTONE,"));
        Files.write(csv, lines);
        XtpContainer.Scan s = XtpContainer.scan(w.root(), ProgressMonitor.NULL);
        List<Finding> f = XtpDmv.crossCheck(XtpDmv.read(csv), s);
        List<String> r = f.stream().map(Finding::ruleId).sorted().toList();
        assertEquals(List.of("xtp.dmv-missing-file", "xtp.dmv-size-mismatch", "xtp.dmv-unknown-file", "xtp.dmv-unpaired", "xtp.dmv-unusual-state"), r,
                f.toString());
        assertEquals(pagelens.core.findings.Severity.ERROR, f.stream().filter(x -> x.ruleId().equals("xtp.dmv-missing-file")).findFirst().orElseThrow().severity());
    }

    @Test
    void malformedCsvIsAClearError() throws Exception {
        Path noHeader = tmp.resolve("noheader.csv");
        Files.writeString(noHeader, "65537,abc,def\n1,2,3\n");
        IOException e = assertThrows(IOException.class, () -> XtpDmv.read(noHeader));
        assertTrue(e.getMessage().contains("not a sys.dm_db_xtp_checkpoint_files export"), e.getMessage());
        Path badNumber = tmp.resolve("bad.csv");
        Files.writeString(badNumber, "checkpoint_file_id,file_type,state,file_size_in_bytes\nabc,0,2,12x4\n");
        e = assertThrows(IOException.class, () -> XtpDmv.read(badNumber));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path quote = tmp.resolve("quote.csv");
        Files.writeString(quote, "checkpoint_file_id,file_type,state,file_size_in_bytes\n\"abc,0,2,1\n");
        assertThrows(IOException.class, () -> XtpDmv.read(quote));
        // sqlcmd output: a line of dashes under the header, NULLs, a rows-affected line
        Path sqlcmd = tmp.resolve("sqlcmd.csv");
        Files.writeString(sqlcmd, "checkpoint_file_id,file_type,state,file_size_in_bytes,file_size_used_in_bytes\n----,----,----,----,----\n"
                + "0a0a0a0a-0000-0000-0000-000000000001,0,2,1048576,NULL\n\n(1 rows affected)\n");
        XtpDmv.Import i = XtpDmv.read(sqlcmd);
        assertEquals(1, i.rows().size());
        assertEquals(null, i.rows().get(0).used());
    }

    @Test
    void discoveryFindsAPlantedChecksumAndNothingOnAPlainSpecimen() throws Exception {
        XtpSpecimen.Written w = XtpSpecimen.write(tmp.resolve("plain"), 7);
        XtpChecksumDiscovery.Result plain = XtpChecksumDiscovery.discover(XtpContainer.scan(w.root(), ProgressMonitor.NULL), 1000);
        assertEquals(13, plain.blocks());
        assertEquals(List.of(), plain.fitting(), "the specimen carries no checksum");
        // plant CRC-32C over each whole block (field zeroed) at header +16
        XtpSpecimen.Written c = XtpSpecimen.write(tmp.resolve("crc"), 7);
        XtpContainer.Scan s = XtpContainer.scan(c.root(), ProgressMonitor.NULL);
        for (XtpContainer.CheckpointFile f : s.files()) {
            try (RandomAccessFile raf = new RandomAccessFile(f.path().toFile(), "rw")) {
                for (XtpBlocks.Block b : f.walk().blocks()) {
                    byte[] block = new byte[(int) b.size()];
                    raf.seek(b.offset());
                    raf.readFully(block);
                    java.util.Arrays.fill(block, 16, 20, (byte) 0);
                    long v = XtpChecksumDiscovery.compute("crc32c", block, 0, block.length);
                    raf.seek(b.offset() + 16);
                    raf.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
                }
            }
        }
        XtpChecksumDiscovery.Result r = XtpChecksumDiscovery.discover(XtpContainer.scan(c.root(), ProgressMonitor.NULL), 1000);
        assertEquals(1, r.fitting().size(), r.fitting().toString());
        XtpChecksumDiscovery.Candidate fit = r.fitting().get(0);
        assertEquals("crc32c", fit.algorithm());
        assertEquals("block", fit.coverage());
        assertEquals("+16", fit.field());
        assertEquals(13, fit.fits());
    }
}

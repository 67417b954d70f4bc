package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.LogFile;
import pagelens.core.log.Lsn;
import pagelens.core.page.PageId;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.specimen.LogSpecimen;

/**
 * The specimen log (SYNTHETIC, written from docs/log.md's layouts) reads back through the log reader with nothing wrong, as
 * many records and blocks as were written, its checkpoint found; planted damage (a flipped byte, a sector with the wrong
 * parity, a zeroed VLF header, a truncated file) is each a problem of its kind while the rest is still read.
 */
class LogSpecimenTest {
    private static final long MB = 1 << 20;

    private static Path write(Path dir, String name, LogSpecimen.Result[] result) throws IOException {
        Path p = dir.resolve(name);
        result[0] = LogSpecimen.write(p, DataFileSpecimen.Spec.defaults(1024), 8 * MB, MB, ProgressMonitor.NULL);
        return p;
    }

    private static LogFile.Result read(Path p, List<LogFile.Record> records) throws IOException {
        try (EvidenceSource src = EvidenceSource.open(p)) {
            return LogFile.read(src, records == null ? null : records::add, ProgressMonitor.NULL);
        }
    }

    @Test
    void readsBackWhole(@TempDir Path dir) throws IOException {
        LogSpecimen.Result[] w = new LogSpecimen.Result[1];
        Path p = write(dir, "specimen_log.ldf", w);
        assertEquals(EvidenceKind.LOG_FILE, Identifier.identify(p).kind());
        List<LogFile.Record> records = new ArrayList<>();
        LogFile.Result r = read(p, records);
        assertEquals(List.of(), r.problems(), "a clean specimen log");
        assertEquals(957, r.dbiVersion());
        assertEquals(6, r.formatByte());
        assertEquals(7, r.vlfs().size());
        assertEquals(5, r.usedVlfs());
        assertEquals(w[0].records(), r.records());
        assertEquals(w[0].blocks(), r.blocks());
        assertEquals(r.blocks(), r.checksummedBlocks(), "every block carries a checksum, and every one holds");
        assertEquals(w[0].first(), r.first());
        assertEquals(w[0].last(), r.last());
        assertEquals(w[0].checkpoint(), r.checkpoint());
        assertTrue(r.checkpointIsBeginCheckpoint(), "page 0's checkpoint is the LOP_BEGIN_CKPT");
        assertEquals("40:16:1", r.first().toString(), "the first block of the first VLF (after its 8 KB header) at sector 16");
        // transactions: begin (time, name), inserts on Customers pages with the table's allocation unit, commit (time)
        LogFile.Record begin = records.get(0);
        assertEquals(0x80, begin.operation());
        assertEquals("INSERT", begin.transactionName());
        assertEquals(java.time.LocalDateTime.of(2024, 5, 20, 9, 0, 0), begin.time());
        LogFile.Record insert = records.get(1);
        assertEquals(0x02, insert.operation());
        assertEquals(begin.lsn(), insert.previous(), "the transaction's chain");
        assertTrue(insert.page().pageId() >= 40 && insert.page().fileId() == 1);
        assertEquals((256L << 48) | (1000L << 16), insert.allocationUnit(), "the Customers table's allocation unit");
        long commits = records.stream().filter(x -> x.operation() == 0x81).count();
        assertEquals(w[0].transactions(), commits);
        // a page's history
        PageId page = insert.page();
        List<LogFile.Record> history;
        try (EvidenceSource src = EvidenceSource.open(p)) {
            history = LogFile.pageHistory(src, page, 10_000);
        }
        assertFalse(history.isEmpty());
        assertTrue(history.stream().allMatch(x -> page.equals(x.page())));
        assertEquals(records.stream().filter(x -> page.equals(x.page())).count(), history.size());
    }

    @Test
    void plantedDamageIsFoundAndTheRestRead(@TempDir Path dir) throws IOException {
        LogSpecimen.Result[] w = new LogSpecimen.Result[1];
        Path clean = write(dir, "clean_log.ldf", w);
        long vlf1 = 0x2000 + MB; // second VLF
        // a flipped byte in a block of the first VLF: a checksum problem, every block still read
        Path flipped = dir.resolve("flipped_log.ldf");
        Files.copy(clean, flipped);
        flip(flipped, 0x2000 + 0x2000 + 3 * 4096 + 700);
        LogFile.Result f = read(flipped, null);
        assertEquals(1, f.problems().size(), f.problems().toString());
        assertEquals(LogFile.Kind.CHECKSUM, f.problems().get(0).kind());
        assertEquals(w[0].records(), f.records());
        // a sector with the wrong parity inside a block: a torn block
        Path torn = dir.resolve("torn_log.ldf");
        Files.copy(clean, torn);
        try (RandomAccessFile r = new RandomAccessFile(torn.toFile(), "rw")) {
            long sector = vlf1 + 0x2000 + 2 * 4096 + 3 * 512;
            r.seek(sector);
            r.write(0x80); // the other parity
        }
        LogFile.Result t = read(torn, null);
        assertTrue(t.problems().stream().anyMatch(x -> x.kind() == LogFile.Kind.SECTOR_STATUS), t.problems().toString());
        assertTrue(t.records() > w[0].records() / 2, "the rest of the log is still read");
        // a zeroed VLF header: the chain stops there, what comes before is read
        Path noHeader = dir.resolve("noheader_log.ldf");
        Files.copy(clean, noHeader);
        try (RandomAccessFile r = new RandomAccessFile(noHeader.toFile(), "rw")) {
            r.seek(vlf1 + 2 * MB);
            r.write(new byte[0x30]);
        }
        LogFile.Result z = read(noHeader, null);
        assertTrue(z.problems().stream().anyMatch(x -> x.kind() == LogFile.Kind.VLF_HEADER), z.problems().toString());
        assertEquals(3, z.vlfs().size(), "the VLFs before the zeroed header");
        assertTrue(z.records() > 0);
        // a truncated log: it ends inside a VLF
        Path cut = dir.resolve("cut_log.ldf");
        Files.copy(clean, cut);
        try (RandomAccessFile r = new RandomAccessFile(cut.toFile(), "rw")) {
            r.setLength(vlf1 + MB / 2);
        }
        LogFile.Result c = read(cut, null);
        assertFalse(c.problems().isEmpty(), "a truncated log is a problem, not a clean short log");
        assertTrue(c.records() > 0);
    }

    @Test
    void aBrokenTransactionChainAndStaleBlocksAreFound(@TempDir Path dir) throws IOException {
        LogSpecimen.Result[] w = new LogSpecimen.Result[1];
        Path clean = write(dir, "clean_log.ldf", w);
        List<LogFile.Record> records = new ArrayList<>();
        LogFile.Result r = read(clean, records);
        assertTrue(r.chainsFollowed() > 1000, "records followed to their transaction: " + r.chainsFollowed());
        // a record whose previous LSN names a later record of its transaction than the log holds: records are missing
        LogFile.Record victim = records.stream().filter(x -> x.operation() == 0x02 && x.lsn().vlf() > r.first().vlf() && (x.fileOffset() + 4) % 512 > 0
                && (x.fileOffset() + 14) % 512 > 14).findFirst().orElseThrow();
        Path broken = dir.resolve("broken_log.ldf");
        Files.copy(clean, broken);
        LogFile.Vlf vlf = r.vlfs().stream().filter(v -> v.seqNo() == victim.lsn().vlf()).findFirst().orElseThrow();
        long blockAt = vlf.offset() + victim.lsn().block() * 512;
        try (RandomAccessFile f = new RandomAccessFile(broken.toFile(), "rw")) {
            f.seek(victim.fileOffset() + 12);
            f.write(new byte[] { (byte) (victim.previous().slot() + 5), 0 }); // the previous LSN's slot, 5 records on
            rechecksum(f, blockAt);
        }
        LogFile.Result b = read(broken, null);
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertEquals(LogFile.Kind.TRANSACTION_CHAIN, b.problems().get(0).kind());
        assertTrue(b.problems().get(0).what().contains(victim.lsn().toString()) && b.problems().get(0).what().contains("records are missing"),
                b.problems().get(0).what());
        // a block of an earlier use of the last VLF, after its end of log: carved as stale, never mixed with the current log
        Lsn end = r.endOfLog();
        LogFile.Vlf last = r.vlfs().stream().filter(v -> v.seqNo() == end.vlf()).findFirst().orElseThrow();
        LogFile.Vlf older = r.vlfs().stream().filter(v -> v.seqNo() == r.first().vlf()).findFirst().orElseThrow();
        long sector = 16;
        while (sector <= end.block() + 8) {
            sector += 8; // blocks of the specimen are 4 KiB: 8 sectors
        }
        assertTrue(sector * 512 + 4096 <= last.size(), "room after the end of log in the last VLF");
        Path stale = dir.resolve("stale_log.ldf");
        Files.copy(clean, stale);
        int staleSlots;
        try (RandomAccessFile f = new RandomAccessFile(stale.toFile(), "rw")) {
            byte[] block = new byte[4096];
            f.seek(older.offset() + sector * 512);
            f.readFully(block);
            staleSlots = (block[2] & 0xFF) | (block[3] & 0xFF) << 8;
            int other = (last.parity() == 0x40 ? 0x80 : 0x40);
            for (int i = 0; i < 8; i++) {
                block[i * 512] = (byte) (block[i * 512] & 0x3F | other); // the other parity, as an earlier use wrote it
            }
            java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x18, (int) LogSpecimen.checksum(block));
            f.seek(last.offset() + sector * 512);
            f.write(block);
        }
        List<LogFile.Record> withStale = new ArrayList<>();
        LogFile.Result s = read(stale, withStale);
        assertEquals(List.of(), s.problems(), "a stale block is not damage");
        assertEquals(r.records(), s.records(), "the current log is unchanged");
        assertEquals(r.endOfLog(), s.endOfLog());
        assertEquals(1, s.staleBlocks());
        assertEquals(staleSlots, s.staleRecords());
        List<LogFile.Record> staleRecords = withStale.stream().filter(LogFile.Record::stale).toList();
        assertEquals(staleSlots, staleRecords.size());
        assertEquals(new Lsn(older.seqNo(), sector, 1), staleRecords.get(0).lsn(), "a stale record keeps the LSN of its earlier use");
        assertEquals(1, s.vlfs().stream().filter(v -> v.seqNo() == end.vlf()).findFirst().orElseThrow().staleBlocks());
    }

    @Test
    void aPipelinedReadGivesTheSameRecordsAndStopsOnAFailure(@TempDir Path dir) throws IOException {
        LogSpecimen.Result[] w = new LogSpecimen.Result[1];
        Path p = write(dir, "piped_log.ldf", w);
        List<LogFile.Record> direct = new ArrayList<>();
        read(p, direct);
        List<LogFile.Record> piped = new ArrayList<>();
        Thread caller = Thread.currentThread();
        LogFile.Result r = pagelens.core.log.Logs.readPipelined(p, rec -> {
            assertEquals(caller, Thread.currentThread(), "records reach the caller's thread");
            piped.add(rec);
        }, ProgressMonitor.NULL);
        assertEquals(w[0].records(), r.records());
        assertEquals(direct, piped, "the same records in the same order");
        // a consumer that fails stops the reading: its exception comes out, nothing hangs
        int[] n = { 0 };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> pagelens.core.log.Logs.readPipelined(p,
                rec -> {
                    if (++n[0] == 5000) {
                        throw new IllegalStateException("consumer failed");
                    }
                }, ProgressMonitor.NULL));
        assertEquals("consumer failed", e.getMessage());
        assertEquals(5000, n[0], "no record after the failure");
    }

    /** Writes the log block checksum of the 4 KiB block at {@code at} again (the writer's own implementation, log.md 5.4). */
    private static void rechecksum(RandomAccessFile f, long at) throws IOException {
        byte[] block = new byte[4096];
        f.seek(at);
        f.readFully(block);
        java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x18, (int) LogSpecimen.checksum(block));
        f.seek(at);
        f.write(block);
    }

    private static void flip(Path p, long at) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(p.toFile(), "rw")) {
            r.seek(at);
            int b = r.read();
            r.seek(at);
            r.write(b ^ 0x04);
        }
    }
}

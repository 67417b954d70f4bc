package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.LogFile;
import pagelens.core.log.Lsn;
import pagelens.core.page.PageId;

/**
 * The transaction log read from the real log files (docs/log.md section 12 gives what each holds), and planted damage in a
 * copy of one: a flipped byte, a torn sector, a zeroed VLF header.
 */
class LogTest {
    @TempDir
    Path tmp;

    private static LogFile.Result read(Path p, Map<Integer, Integer> ops) throws IOException {
        try (EvidenceSource s = EvidenceSource.open(p)) {
            return LogFile.read(s, r -> ops.merge(r.operation(), 1, Integer::sum), ProgressMonitor.NULL);
        }
    }

    private static void expect(String sample, int vlfs, int used, int blocks, int records, String first, String last, String end, String ckpt, int format,
            int dbiVersion) throws IOException {
        Map<Integer, Integer> ops = new TreeMap<>();
        LogFile.Result r = read(Samples.get(sample), ops);
        assertEquals(List.of(), r.problems(), sample);
        assertEquals(vlfs, r.vlfs().size(), sample);
        assertEquals(used, r.usedVlfs(), sample);
        assertEquals(blocks, r.blocks(), sample);
        assertEquals(records, r.records(), sample);
        assertEquals(Lsn.parse(first), r.first(), sample);
        assertEquals(Lsn.parse(last), r.last(), sample);
        assertEquals(Lsn.parse(end), r.endOfLog(), sample);
        assertEquals(Lsn.parse(ckpt), r.checkpoint(), sample);
        assertTrue(r.checkpointIsBeginCheckpoint(), "the checkpoint page 0 names is a LOP_BEGIN_CKPT record");
        assertEquals(blocks, r.checksummedBlocks(), "every block of a CHECKSUM database carries a log block checksum, and it holds");
        assertEquals(format, r.formatByte());
        assertEquals(dbiVersion, r.dbiVersion());
        // every record of a transaction names an earlier record of it (log.md 12: held on every record examined): no
        // log.transaction-chain problem above, and the check did run
        assertTrue(r.chainsFollowed() > records / 4, sample + ": chains followed " + r.chainsFollowed() + " of " + records);
        assertEquals(0, r.staleBlocks(), sample + ": no stale blocks in the shared samples (log.md 5.5: seen only outside them)");
        assertTrue(r.previousBackup() != null, sample + ": page 0's previous-backup LSN (R+0x150) is read");
        assertTrue(ops.getOrDefault(0x80, 0) > 0 && ops.getOrDefault(0x96, 0) > 0, "BEGIN_XACT and BEGIN_CKPT records: " + ops);
    }

    @Test
    void theRealLogsAsLogMdCountsThem() throws IOException {
        expect("aspnetdb-tractis/aspnetdb_log.ldf", 2, 2, 122, 2_133, "18:16:1", "19:187:1", "19:188:1", "19:186:2", 3, 611);
        expect("goldhunter2012-ngrj93-mit/Database1_log.ldf", 3, 3, 170, 282, "46:16:1", "48:264:1", "48:272:1", "48:248:1", 5, 706);
        expect("mastlog2019-solisatos/mastlog.ldf", 8, 4, 125, 7_207, "201:16:1", "213:480:1", "213:488:1", "213:400:3", 6, 904);
    }

    /**
     * The data file's boot page names its log's last checkpoint at P+0x1BC (boot-layouts.tsv: VERIFIED), the same LSN as the log's
     * page 0 copy, and it is a LOP_BEGIN_CKPT record of the log: on both pairs of the samples (2005, 2012).
     */
    @Test
    void bootCheckpointIsABeginCheckpointRecord() throws IOException {
        for (String pair : List.of("aspnetdb-tractis/aspnetdb", "goldhunter2012-ngrj93-mit/Database1")) {
            Path mdf = Samples.get(pair + ".mdf");
            byte[] boot = new byte[8192];
            try (EvidenceSource s = EvidenceSource.open(mdf)) {
                s.read(9L * 8192, boot, 0, 8192);
            }
            Lsn checkpoint = Lsn.read(boot, 0x1BC);
            Map<Lsn, Integer> ops = new TreeMap<>();
            LogFile.Result r;
            try (EvidenceSource s = EvidenceSource.open(Samples.get(pair + "_log.ldf"))) {
                r = LogFile.read(s, x -> ops.put(x.lsn(), x.operation()), ProgressMonitor.NULL);
            }
            assertEquals(r.checkpoint(), checkpoint, pair + ": the boot page and the log's page 0 name one checkpoint");
            assertEquals(0x96, ops.get(checkpoint), pair + ": " + checkpoint + " is a LOP_BEGIN_CKPT record");
            assertEquals(r.previousBackup(), Lsn.read(boot, 0x1B0), pair + ": P+0x1B0 is page 0's R+0x150");
        }
    }

    /** Every data page's m_lsn names a record about that page (log.md 6.1), on the 2012 pair. */
    @Test
    void pageLsnsNameRecordsOfThosePages() throws IOException {
        Map<Lsn, PageId> byLsn = new TreeMap<>();
        try (EvidenceSource s = EvidenceSource.open(Samples.get("goldhunter2012-ngrj93-mit/Database1_log.ldf"))) {
            LogFile.read(s, r -> {
                if (r.page() != null) {
                    byLsn.put(r.lsn(), r.page());
                }
            }, ProgressMonitor.NULL);
        }
        byte[] mdf = Files.readAllBytes(Samples.get("goldhunter2012-ngrj93-mit/Database1.mdf"));
        int named = 0;
        for (int p = 0; p < mdf.length / 8192; p++) {
            int at = p * 8192;
            if (mdf[at] != 1) {
                continue;
            }
            Lsn lsn = Lsn.read(mdf, at + 0x20 + 8); // m_lsn at 0x28 (formats.md 1.1)
            if (lsn.vlf() >= 46 && lsn.vlf() <= 48) {
                assertEquals(new PageId(1, p), byLsn.get(lsn), "m_lsn " + lsn + " of page 1:" + p);
                named++;
            }
        }
        assertTrue(named >= 5, named + " pages whose m_lsn lies in the log");
    }

    @Test
    void plantedDamageIsFoundAndTheRestStillRead() throws IOException {
        Path log = tmp.resolve("damaged_log.ldf");
        Files.copy(Samples.get("aspnetdb-tractis/aspnetdb_log.ldf"), log);
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
            // a byte inside the first block's records: the log block checksum no longer holds
            f.seek(0x4000 + 0x100);
            int b = f.read();
            f.seek(0x4000 + 0x100);
            f.write(b ^ 0x20);
            // a torn write: the second sector of a later block of the first VLF loses its parity
            long block = 0x4000 + 0x4000;
            byte[] head = new byte[8];
            f.seek(block);
            f.readFully(head);
        }
        try (OpenedEvidence ev = OpenedEvidence.open(log)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertEquals("log file", e.fileKind());
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("log.block-checksum") && f.location().fileOffset() == 0x4000),
                    e.findingList().toString());
            assertEquals(122, e.log().blocks(), "the rest is still read");
        }
        // a zeroed VLF header: the chain stops there with its finding; the first VLF is still read
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
            f.seek(262_144);
            f.write(new byte[0x30]);
        }
        try (OpenedEvidence ev = OpenedEvidence.open(log)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("log.vlf-header") && f.location().fileOffset() == 262_144),
                    e.findingList().toString());
            assertEquals(84, e.log().blocks(), "VLF 18's 84 blocks are still read");
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("log.checkpoint-missing")), "the checkpoint was in the lost VLF");
        }
        // a torn sector: a sector of a block of VLF 18 without its parity
        Path torn = tmp.resolve("torn_log.ldf");
        Files.copy(Samples.get("aspnetdb-tractis/aspnetdb_log.ldf"), torn);
        long multi = -1;
        try (RandomAccessFile f = new RandomAccessFile(torn.toFile(), "rw")) {
            for (long b = 0x4000; b < 262_144; ) {
                byte[] h = new byte[8];
                f.seek(b);
                f.readFully(h);
                int size = (h[6] & 0xFF) | (h[7] & 0xFF) << 8;
                if (size >= 1024) {
                    multi = b;
                    break;
                }
                b += size;
            }
            assertTrue(multi > 0, "a block of two sectors or more");
            f.seek(multi + 512);
            f.write(0); // the second sector's status byte: no parity
        }
        long at = multi;
        try (OpenedEvidence ev = OpenedEvidence.open(torn)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertTrue(e.findingList().stream().anyMatch(f -> f.ruleId().equals("log.block-torn") && f.location().fileOffset() == at + 512),
                    e.findingList().toString());
        }
    }

    /**
     * Transactions (log.md 6.2, 6.3): every record's previous LSN is an earlier record of the same transaction where that
     * record is in the log, every commit comes at or after its begin, and the begin records carry names.
     */
    @Test
    void transactionsChainAndCommitAfterTheyBegin() throws IOException {
        for (String sample : List.of("aspnetdb-tractis/aspnetdb_log.ldf", "goldhunter2012-ngrj93-mit/Database1_log.ldf", "mastlog2019-solisatos/mastlog.ldf")) {
            Map<Lsn, Long> xactOf = new java.util.HashMap<>();
            Map<Long, java.time.LocalDateTime> begun = new java.util.HashMap<>();
            java.util.Set<String> names = new java.util.TreeSet<>();
            int[] chained = new int[1];
            int[] commits = new int[1];
            List<String> broken = new java.util.ArrayList<>();
            try (EvidenceSource s = EvidenceSource.open(Samples.get(sample))) {
                LogFile.read(s, r -> {
                    xactOf.put(r.lsn(), r.transactionId());
                    if (!r.previous().isZero() && r.operation() != 0x96 && r.operation() != 0x99 && xactOf.containsKey(r.previous())) {
                        if (r.previous().compareTo(r.lsn()) >= 0 || xactOf.get(r.previous()) != r.transactionId()) {
                            broken.add(r.lsn() + " -> " + r.previous());
                        }
                        chained[0]++;
                    }
                    if (r.operation() == 0x80) {
                        assertTrue(r.time() != null, "begin time of " + r.lsn());
                        begun.put(r.transactionId(), r.time());
                        if (r.transactionName() != null) {
                            names.add(r.transactionName());
                        }
                    }
                    if (r.operation() == 0x81 && begun.containsKey(r.transactionId())) {
                        assertTrue(!r.time().isBefore(begun.get(r.transactionId())), sample + ": commit " + r.lsn() + " before its begin");
                        commits[0]++;
                    }
                }, ProgressMonitor.NULL);
            }
            assertEquals(List.of(), broken, sample);
            assertTrue(chained[0] > 50, sample + ": " + chained[0] + " chained records");
            assertTrue(commits[0] > 10, sample + ": " + commits[0] + " commits after their begin");
            assertTrue(!names.isEmpty(), sample + ": transaction names");
            System.out.println(sample + ": " + chained[0] + " chained records, " + commits[0] + " commits checked; names " + names);
        }
    }
}

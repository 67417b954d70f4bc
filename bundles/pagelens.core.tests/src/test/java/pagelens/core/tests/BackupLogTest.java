package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pagelens.core.log.LogFile;
import pagelens.core.log.LogRecordFields;
import pagelens.core.log.Logs;
import pagelens.core.log.Lsn;
import pagelens.core.io.ProgressMonitor;

/**
 * The log part of the real full backups (docs/log.md 11): the source log's VLF layout from the MSTL descriptors, the log bytes
 * of the MQTL streams read with the .ldf algorithms (status bytes, LSNs, checksums), and what the SCIN chunk declares (First,
 * Last, Checkpoint and DatabaseBackup LSNs) checked against them. The two backups that declare a range but carry no bytes
 * (log.md 11.5) are said so.
 */
class BackupLogTest {

    private static LogFile.Result read(String sample, List<LogFile.Record> records) throws IOException {
        Path p = Samples.get(sample);
        return Logs.read(p, records::add, ProgressMonitor.NULL);
    }

    /** A backup with log bytes: counts, the LSN range, the checkpoint a LOP_BEGIN_CKPT record, and the SCIN LSNs. */
    private static void expect(String sample, int vlfs, long seq, int blocks, int checksummed, int records, String first, String last, String scinFirst,
            String scinLast, String scinBackup, int format) throws IOException {
        List<LogFile.Record> list = new ArrayList<>();
        LogFile.Result r = read(sample, list);
        assertEquals(List.of(), r.problems(), sample);
        assertEquals(vlfs, r.vlfs().size(), sample + ": the source log's VLFs, one MSTL descriptor each");
        assertEquals(seq, r.vlfs().stream().filter(v -> v.blocks() > 0).findFirst().orElseThrow().seqNo(), sample);
        assertEquals(blocks, r.blocks(), sample);
        assertEquals(checksummed, r.checksummedBlocks(), sample);
        assertEquals(records, r.records(), sample);
        assertEquals(records, list.size(), sample);
        assertEquals(Lsn.parse(first), r.first(), sample);
        assertEquals(Lsn.parse(last), r.last(), sample);
        assertEquals(Lsn.parse(scinFirst), r.backup().firstLsn(), sample);
        assertEquals(Lsn.parse(scinLast), r.backup().lastLsn(), sample);
        assertEquals(Lsn.parse(scinFirst), r.backup().checkpointLsn(), sample + ": CheckpointLSN = FirstLSN (log.md 11.3)");
        assertEquals(Lsn.parse(scinBackup), r.backup().databaseBackupLsn(), sample);
        assertEquals(Lsn.parse(scinFirst), r.checkpoint(), sample);
        assertTrue(r.checkpointIsBeginCheckpoint(), sample + ": the backup's checkpoint is a LOP_BEGIN_CKPT record of its log bytes");
        LogFile.Record ckpt = list.stream().filter(x -> x.lsn().equals(Lsn.parse(scinFirst))).findFirst().orElseThrow();
        assertEquals(0x96, ckpt.operation(), sample);
        // the record's own bytes, read again from the backup's stream, and its header fields (log-record.tsv)
        Path p = Samples.get(sample);
        java.util.Map<String, LogRecordFields.Field> f = fields(r, p, ckpt);
        assertEquals("LOP_BEGIN_CKPT", f.get("operation").value(), sample);
        assertEquals(ckpt.previous().toString(), f.get("previousLsn").value(), sample);
        assertEquals(pagelens.core.Evidence.VERIFIED, f.get("previousLsn").evidence());
        if (records < 10) {
            return; // the compressed backup's three records are checkpoint records: no page operation
        }
        LogFile.Record paged = list.stream().filter(x -> x.page() != null && x.length() >= 0x38).findFirst().orElseThrow();
        java.util.Map<String, LogRecordFields.Field> g = fields(r, p, paged);
        assertEquals(Long.toString(paged.page().pageId()), g.get("pageId").value(), sample);
        assertEquals(Integer.toString(paged.page().fileId()), g.get("fileId").value(), sample);
        assertEquals(Long.toString(paged.allocationUnit()), g.get("allocationUnit").value(), sample);
        assertEquals(0x18, g.get("pageId").offset());
        assertEquals(format, r.formatByte(), sample);
        assertEquals(-1, r.vlfs().get(0).useCount(), "a descriptor carries no use count");
        // the descriptors, in offset order, tile the source log from 0x2000 without a gap (the VLF map a .bak can draw)
        long at = 0x2000;
        for (LogFile.Vlf v : r.vlfs()) {
            assertEquals(at, v.offset(), sample + ": VLF " + v.index());
            at += v.size();
        }
    }

    private static java.util.Map<String, LogRecordFields.Field> fields(LogFile.Result r, Path p, LogFile.Record rec) throws IOException {
        byte[] bytes;
        try (Logs.RecordReader reader = Logs.recordReader(p, r)) {
            bytes = reader.bytes(rec);
        }
        assertEquals(rec.length(), bytes.length);
        java.util.Map<String, LogRecordFields.Field> out = new java.util.HashMap<>();
        LogRecordFields.of(bytes).forEach(x -> out.put(x.name(), x));
        return out;
    }

    @Test
    void theRealBackupsCarryTheirLogAsLogMdSaysIt() throws IOException {
        // pubs (2012): FirstLSN 191:464:37 the 37th record of the first block, LastLSN 192:16:1 the next VLF's first block (log.md 11.2, 11.3)
        expect("pubs2012-dwipnandi/pubs.bak", 3, 191, 3, 3, 39, "191:464:1", "191:488:1", "191:464:37", "192:16:1", "191:288:37", 5);
        expect("studentdb2014-gabrujo/StudentDB2017.bak", 4, 37, 3, 3, 39, "37:476:1", "37:492:1", "37:476:37", "37:493:1", "37:449:37", 5);
        expect("demo2context2016-nimble85/Demo_2Context.bak", 4, 34, 3, 3, 39, "34:78:1", "34:96:1", "34:78:37", "34:97:1", "0:0:0", 5);
        expect("liblib2017/Database.bak", 4, 38, 3, 3, 50, "38:1167:1", "38:1189:1", "38:1167:48", "38:1190:1", "0:0:0", 5);
        expect("northwind2008r2-victorcobden/Northwind.bak", 4, 90, 2, 2, 211, "90:380:1", "90:467:1", "90:380:210", "90:468:1", "0:0:0", 4);
        // 2005, TORN_PAGE_DETECTION: its blocks carry no log block checksum (log.md 5.4); 15 VLFs in the source log (log.md 11.1)
        expect("northwind2005-xandelima/Northwind.bak", 15, 31, 2, 0, 71, "31:331:1", "31:362:1", "31:331:70", "31:363:1", "0:0:0", 3);
        // compressed (2019): read through the decompressed stream
        expect("datatable-compressed-peterezz/Database.bak", 4, 37, 3, 3, 3, "37:3799:1", "37:3801:1", "37:3799:1", "37:3802:1", "0:0:0", 6);
    }

    @Test
    void aDeclaredRangeWithoutBytesIsSaid() throws IOException {
        for (String s : List.of("inventory2019-yoppaii/Database.bak", "quanlymypham2022-huycoder/Database.bak")) {
            LogFile.Result r = read(s, new ArrayList<>());
            assertEquals(0, r.records(), s);
            assertEquals(1, r.problems().size(), s + ": " + r.problems());
            assertEquals(LogFile.Kind.BACKUP_LOG, r.problems().get(0).kind());
            assertTrue(r.problems().get(0).what().contains("log range declared, log bytes absent"), r.problems().get(0).what());
            assertTrue(r.vlfs().stream().anyMatch(v -> v.end().startsWith("log bytes absent")), s);
        }
        LogFile.Result q = read("quanlymypham2022-huycoder/Database.bak", new ArrayList<>());
        assertEquals(Lsn.parse("39:2157:1"), q.backup().firstLsn(), "log.md 11.5: SCIN LSNs consistent with the declared range");
        assertEquals(Lsn.parse("39:2160:1"), q.backup().lastLsn());
    }

    /** The SYNTHETIC specimen backup writes an MSTL block without a descriptor of a VLF: no log part, said as such. */
    @Test
    void aBackupWithoutAnyVlfDescriptorHasNoLogPart(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bak = dir.resolve("specimen.bak");
        pagelens.core.specimen.BackupSpecimen.write(bak, pagelens.core.specimen.DataFileSpecimen.Spec.defaults(64), ProgressMonitor.NULL);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Logs.read(bak, null, ProgressMonitor.NULL));
        assertTrue(e.getMessage().contains("describes no log part"), e.getMessage());
        try (pagelens.core.exam.OpenedEvidence ev = pagelens.core.exam.OpenedEvidence.open(bak)) {
            pagelens.core.exam.Examination x = pagelens.core.exam.Examination.run(ev, pagelens.core.exam.Examination.Options.defaults(
                    pagelens.core.boot.BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertEquals(null, x.log(), "no log part examined");
            assertEquals(List.of(), x.problems());
        }
    }
}

package pagelens.core.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.backup.Mtf;
import pagelens.core.backup.MtfLayout;
import pagelens.core.io.ByteSource;
import pagelens.core.page.Bytes;

/**
 * What a full backup says of its database's log (docs/log.md 11): one MSTL descriptor per VLF of the source .ldf (its
 * layout, and the byte range of it copied into the backup), the MQTL stream after a descriptor that carries those bytes
 * verbatim, and the log LSNs of the trailing MSLS block's SCIN chunk. Offsets and evidence: {@code mtf-specific.tsv}.
 *
 * @param vlfs             the source log's VLFs in descriptor order
 * @param firstLsn         SCIN FirstLSN (the LOP_BEGIN_CKPT that opens the backup's log), or null without an MSLS SCIN
 * @param lastLsn          SCIN LastLSN (the first LSN after the backup's last block), or null
 * @param checkpointLsn    SCIN CheckpointLSN, or null
 * @param databaseBackupLsn SCIN DatabaseBackupLSN (the previous full backup's checkpoint; zero if none), or null
 */
public record BackupLog(List<Vlf> vlfs, Lsn firstLsn, Lsn lastLsn, Lsn checkpointLsn, Lsn databaseBackupLsn) {

    /**
     * One MSTL descriptor.
     *
     * @param rangeStart .ldf offset of the first byte copied (0 with rangeEnd 0: none)
     * @param rangeEnd   .ldf offset after the last byte copied
     * @param bytesAt    backup stream offset of the first copied byte (its MQTL stream + 2), or -1 when the backup holds no
     *                   MQTL stream for this descriptor (log.md 11.5: "log range declared, log bytes absent")
     * @param bytes      how many of the copied bytes the stream holds
     */
    public record Vlf(long descriptorOffset, int fileId, long seqNo, long size, long start, int parity, Lsn createLsn, int version, long rangeStart,
            long rangeEnd, long bytesAt, long bytes) {
        /** Whether the descriptor declares bytes of this VLF as copied into the backup. */
        public boolean declaresBytes() {
            return rangeEnd > rangeStart;
        }
    }

    private static final int DESCRIPTOR = MtfLayout.SPECIFIC.offset("MSTL.vlfVersion") + 2;

    /** Whether the walk holds any MSTL block (a database backup with a log part; {@link #read} says whether it describes VLFs). */
    public static boolean present(Mtf.Walk walk) {
        return walk.first("MSTL") != null;
    }

    /** Whether the descriptors describe the source log at all (at least one VLF). */
    public boolean describesLog() {
        return !vlfs.isEmpty();
    }

    /** Reads the MSTL descriptors and the MSLS SCIN LSNs of a walked backup. */
    public static BackupLog read(ByteSource src, Mtf.Walk walk) throws IOException {
        List<Vlf> vlfs = new ArrayList<>();
        for (Mtf.Dblk d : walk.blocks()) {
            if (!d.type().equals("MSTL")) {
                continue;
            }
            byte[] h = src.readUpTo(d.offset(), DESCRIPTOR);
            if (h.length < DESCRIPTOR || i64(h, "MSTL.vlfSize") < 0x2000 || i64(h, "MSTL.vlfStart") < 0x2000) {
                continue; // no VLF described (a zeroed descriptor, as the SYNTHETIC specimen backup writes)
            }
            long bytesAt = -1;
            long bytes = 0;
            for (Mtf.Stream s : d.streams()) {
                if (s.id().equals("MQTL") && s.length() >= 2) {
                    bytesAt = s.dataOffset() + 2; // the same 2-byte lead as MQDA (log.md 11.2)
                    bytes = s.length() - 2;
                }
            }
            vlfs.add(new Vlf(d.offset(), (int) u32(h, "MSTL.fileId"), u32(h, "MSTL.seqNo"), i64(h, "MSTL.vlfSize"), i64(h, "MSTL.vlfStart"),
                    h[at("MSTL.parity")] & 0xFF, Lsn.read(h, at("MSTL.createLsn")), Bytes.u16(h, at("MSTL.vlfVersion")), i64(h, "MSTL.rangeStart"),
                    i64(h, "MSTL.rangeEnd"), bytesAt, bytes));
        }
        Lsn[] lsns = scinLsns(src, walk);
        return new BackupLog(List.copyOf(vlfs), lsns[0], lsns[1], lsns[2], lsns[3]);
    }

    /** The four log LSNs of the SCIN chunk in the MSLS block's MQCI stream (all null without one). */
    private static Lsn[] scinLsns(ByteSource src, Mtf.Walk walk) throws IOException {
        Lsn[] out = new Lsn[4];
        for (Mtf.Dblk d : walk.blocks()) {
            if (!d.type().equals("MSLS")) {
                continue;
            }
            for (Mtf.Stream s : d.streams()) {
                if (!s.id().equals("MQCI")) {
                    continue;
                }
                byte[] b = src.readUpTo(s.dataOffset(), (int) Math.min(s.length(), 1 << 16));
                for (int p = 0; p + 0x48 <= b.length; p += 4) {
                    if (b[p] == 'S' && new String(b, p, 4, StandardCharsets.US_ASCII).equals("SCIN")) {
                        out[0] = Lsn.read(b, p + at("SCIN.firstLsn"));
                        out[1] = Lsn.read(b, p + at("SCIN.lastLsn"));
                        out[2] = Lsn.read(b, p + at("SCIN.checkpointLsn"));
                        out[3] = Lsn.read(b, p + at("SCIN.databaseBackupLsn"));
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static int at(String field) {
        return MtfLayout.SPECIFIC.offset(field);
    }

    private static long u32(byte[] h, String field) {
        return Bytes.u32(h, at(field));
    }

    private static long i64(byte[] h, String field) {
        return Bytes.i64(h, at(field));
    }
}

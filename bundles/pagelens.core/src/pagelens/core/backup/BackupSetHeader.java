package pagelens.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.io.ByteSource;
import pagelens.core.page.Bytes;

/**
 * What the MTF set header blocks say: the software that wrote the backup (TAPE) and the kind of backup (SSET attributes),
 * at the offsets of the declared MTF layout.
 *
 * @param softwareName TAPE software name, or null
 * @param backupKind   full, differential or copy-only, or null without an SSET block
 */
public record BackupSetHeader(String softwareName, String backupKind) {

    /** Reads the set header; a missing TAPE block is a finding in {@code sink}. */
    static BackupSetHeader read(ByteSource src, Mtf.Walk walk, FindingSink sink) throws IOException {
        String software = null;
        Mtf.Dblk tape = walk.first("TAPE");
        if (tape == null) {
            sink.add(new Finding(Rules.BACKUP_BLOCK_DAMAGED, "no valid TAPE block at the start: not a readable MTF backup",
                    new Location(src.path(), -1, -1, 0, 0, 0)));
        } else {
            byte[] h = src.readUpTo(tape.offset(), 1024);
            software = string(h, MtfLayout.TAPE_SOFTWARE_NAME);
        }
        String kind = null;
        Mtf.Dblk sset = walk.first("SSET");
        if (sset != null) {
            long attr = Bytes.u32(sset.header(), 0) == 0 ? 0 : Bytes.u32(src.readUpTo(sset.offset() + MtfLayout.SSET_ATTRIBUTES, 4), 0);
            kind = (attr & 0x8) != 0 ? "differential" : (attr & 0x2) != 0 ? "copy-only" : (attr & 0x4) != 0 ? "full (normal)"
                    : "attributes 0x" + Long.toHexString(attr);
        }
        return new BackupSetHeader(software, kind);
    }

    /** A UTF-16 string at a tape address (u16 size, u16 offset from the block start), or null when it does not fit. */
    static String string(byte[] h, int tapeAddress) {
        int size = Bytes.u16(h, tapeAddress);
        int off = Bytes.u16(h, tapeAddress + 2);
        if (size <= 0 || off + size > h.length) {
            return null;
        }
        return new String(h, off, size, StandardCharsets.UTF_16LE).replace("\0", "").trim();
    }
}

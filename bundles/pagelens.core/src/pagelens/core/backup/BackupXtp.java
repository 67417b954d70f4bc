package pagelens.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import pagelens.core.io.ByteSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.xtp.XtpBlocks;
import pagelens.core.xtp.XtpRecords;

/**
 * In-Memory OLTP content found in a backup's stream outside the database pages. Which MTF blocks carry checkpoint
 * files is not documented (docs/formats.md 5.8, [UNKNOWN]); PageLens looks in the MQCI streams and in the data
 * stream slots that are not pages for the UTF-16 path prefix {@code $HKv2} of the XTP manifest [SRC, mssqlbak] and for
 * 256 KiB checkpoint data-block headers in the shape of xtp-evidence.md 1.5 [INFERRED, one real chunk].
 *
 * @param markerOffset    stream offset of the first {@code $HKv2} text, or -1
 * @param dataBlocks      checkpoint data-block headers found (512-aligned, 256 KiB, followed by a row header)
 * @param usedBytes       sum of their used lengths (header +32)
 * @param firstBlock      stream offset of the first such block, or -1
 * @param bytesSearched   bytes examined
 */
public record BackupXtp(long markerOffset, int dataBlocks, long usedBytes, long firstBlock, long bytesSearched) {

    static final byte[] MARKER = "$HKv2".getBytes(StandardCharsets.UTF_16LE);
    /** Non-page streams larger than this are not searched (log streams can be large). */
    static final long MAX_OTHER_STREAM = 64L << 20;

    /** Whether the stream holds In-Memory OLTP content. */
    public boolean present() {
        return markerOffset >= 0 || dataBlocks > 0;
    }

    /** One line on what was found. */
    public String summary() {
        if (!present()) {
            return String.format(Locale.ROOT, "no In-Memory OLTP content found in %,d bytes outside the database pages", bytesSearched);
        }
        StringBuilder sb = new StringBuilder();
        if (markerOffset >= 0) {
            sb.append(String.format(Locale.ROOT, "$HKv2 path text at 0x%X", markerOffset));
        }
        if (dataBlocks > 0) {
            sb.append(sb.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%d checkpoint data block(s) from 0x%X, %,d used bytes",
                    dataBlocks, firstBlock, usedBytes));
        }
        return sb.toString();
    }

    /**
     * The memory estimate from the backup: the used bytes of the checkpoint data blocks found, or none. How it was
     * obtained and its uncertainty are part of the text.
     */
    public String memoryEstimate() {
        if (!present()) {
            return "none: no In-Memory OLTP content in the backup";
        }
        if (dataBlocks == 0) {
            return "unknown: the backup names $HKv2 content but no checkpoint data block was recognised";
        }
        return String.format(Locale.ROOT, "about %,d bytes of durable memory-optimized rows (%.1f MiB) " + pagelens.core.Evidence.INFERRED.tag() + ": the used lengths of %d "
                + "checkpoint data blocks found in the stream; deleted rows (delta files) not subtracted, and the in-memory size adds row "
                + "versions and indexes, so read it as a lower bound for the data and not as the memory a restore needs", usedBytes,
                usedBytes / 1048576.0, dataBlocks);
    }

    /** Searches the MQCI streams, other small non-page streams and the non-page slots of the data streams. */
    static BackupXtp look(ByteSource src, Mtf.Walk walk, BackupPageStore store, ProgressMonitor monitor) throws IOException {
        long marker = -1;
        int blocks = 0;
        long used = 0;
        long first = -1;
        long searched = 0;
        for (Mtf.Dblk d : walk.blocks()) {
            for (Mtf.Stream s : d.streams()) {
                if (s.id().equals("MQDA") || s.id().equals("SPAD") || s.length() > MAX_OTHER_STREAM || s.length() == 0) {
                    continue;
                }
                byte[] b = src.readUpTo(s.dataOffset(), (int) s.length());
                searched += b.length;
                int i = indexOf(b, MARKER, 0);
                if (i >= 0 && marker < 0) {
                    marker = s.dataOffset() + i;
                }
            }
        }
        byte[] slot = new byte[Page.SIZE];
        for (long off : store.nonPageSlots()) {
            monitor.checkCanceled();
            int n = src.read(off, slot, 0, Page.SIZE);
            searched += n;
            if (marker < 0) {
                int i = indexOf(slot, MARKER, 0);
                if (i >= 0 && i + MARKER.length <= n) {
                    marker = off + i;
                }
            }
            for (int at = 0; at + 64 <= n; at += 512) {
                if (Bytes.u32(slot, at + pagelens.core.xtp.XtpBlockLayout.BLOCK_SIZE) == XtpBlocks.DATA_BLOCK && Bytes.u32(slot, at + pagelens.core.xtp.XtpBlockLayout.BLOCK_SIZE_AGAIN) == XtpBlocks.DATA_BLOCK
                        && Bytes.u32(slot, at + pagelens.core.xtp.XtpBlockLayout.USED_LENGTH) <= XtpBlocks.DATA_BLOCK && Bytes.u32(slot, at + pagelens.core.xtp.XtpBlockLayout.USED_LENGTH) > pagelens.core.xtp.XtpBlockLayout.SIZE
                        && XtpRecords.plausibleRow(slot, at + pagelens.core.xtp.XtpBlockLayout.SIZE)) {
                    blocks++;
                    used += Bytes.u32(slot, at + pagelens.core.xtp.XtpBlockLayout.USED_LENGTH);
                    if (first < 0) {
                        first = off + at;
                    }
                }
            }
        }
        return new BackupXtp(marker, blocks, used, first, searched);
    }

    private static int indexOf(byte[] b, byte[] pat, int from) {
        outer: for (int i = from; i + pat.length <= b.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

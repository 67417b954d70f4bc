package pagelens.core.xtp;

import java.util.Locale;

import pagelens.core.page.Bytes;
import pagelens.core.page.Node;

/**
 * The structure tree of one checkpoint block, in the page editor's style: the 40-byte header fields with their evidence
 * (xtp-evidence.md 1.5: size at +4 and +8 [REAL for 256 KiB data blocks], lengths at +32/+36 [EMPIRICAL]; the other
 * fields are shown raw, meaning UNKNOWN), then, for data blocks, the row records (20-byte headers, xtp-evidence 1.3
 * [EMPIRICAL]) with their payload, then slack. Offsets are block-relative.
 */
public final class XtpBlockStructure {
    private XtpBlockStructure() {
    }

    /** Rows shown per block at most (the rest are counted). */
    public static final int MAX_ROWS = 4000;

    /** The tree of {@code b} (the block's bytes, at most the block size), which lies at {@code fileOffset}. */
    public static Node of(byte[] b, long fileOffset) {
        Node.Group root = new Node.Group(String.format(Locale.ROOT, "block at 0x%X", fileOffset), b.length + " bytes", 0, 0);
        if (b.length < XtpBlockLayout.SIZE) {
            root.leaf("cut", "only " + b.length + " bytes: no whole header", 0, b.length);
            return root.build();
        }
        // the header's fields, offsets and evidence from the declared layout (xtp-block-header.tsv)
        Node.Group h = new Node.Group("header", XtpBlockLayout.SIZE + " bytes", 0, XtpBlockLayout.SIZE);
        long size = Bytes.u32(b, XtpBlockLayout.BLOCK_SIZE);
        long size2 = Bytes.u32(b, XtpBlockLayout.BLOCK_SIZE_AGAIN);
        long used = Bytes.u32(b, XtpBlockLayout.USED_LENGTH);
        long used2 = Bytes.u32(b, XtpBlockLayout.USED_LENGTH_LESS_8);
        for (pagelens.core.DeclaredLayout.Field f : XtpBlockLayout.HEADER.fields()) {
            String label = "+" + f.offset() + " " + f.name() + " " + f.evidence().tag();
            String value = switch (f.name()) {
                case "blockSize" -> String.format(Locale.ROOT, "%,d (0x%X)", size, size);
                case "blockSizeAgain" -> String.format(Locale.ROOT, "%,d%s", size2, size2 == size ? "" : "  DIFFERS");
                case "usedLength" -> String.format(Locale.ROOT, "%,d (0x%X)%s", used, used, used > size ? "  PAST THE BLOCK END" : "");
                case "usedLengthLess8" -> String.format(Locale.ROOT, "%,d%s", used2, used2 + 8 == used ? "" : "  does not equal used - 8");
                default -> f.size() == 2 ? hex(Bytes.u16(b, f.offset()), 4) : f.size() == 4 ? hex(Bytes.u32(b, f.offset()), 8)
                        : java.util.HexFormat.ofDelimiter(" ").formatHex(b, f.offset(), f.offset() + f.size());
            };
            h.leaf(label, value, f.offset(), f.size());
        }
        root.add(h.build());
        if (size != XtpBlocks.DATA_BLOCK) {
            int end = (int) Math.min(b.length, Math.max(XtpBlockLayout.SIZE, Math.min(used, size)));
            if (end > XtpBlockLayout.SIZE) {
                root.leaf("payload " + pagelens.core.Evidence.UNKNOWN.tag() + " layout", (end - XtpBlockLayout.SIZE) + " bytes", XtpBlockLayout.SIZE, end - XtpBlockLayout.SIZE);
            }
            return root.build();
        }
        int limit = (int) Math.min(b.length, Math.max(XtpBlockLayout.SIZE, Math.min(used, b.length)));
        byte[] area = java.util.Arrays.copyOf(b, limit);
        XtpRecords.Walk w = XtpRecords.walk(area, XtpBlockLayout.SIZE);
        Node.Group rows = new Node.Group("rows " + pagelens.core.Evidence.EMPIRICAL.tag(), w.rows().size() + " records", XtpBlockLayout.SIZE, Math.max(0, limit - XtpBlockLayout.SIZE));
        int shown = 0;
        for (XtpRecords.Row r : w.rows()) {
            if (shown++ >= MAX_ROWS) {
                rows.leaf("...", (w.rows().size() - MAX_ROWS) + " more rows", 0, 0);
                break;
            }
            Node.Group row = new Node.Group(String.format(Locale.ROOT, "row seq %d", r.seq()), String.format(Locale.ROOT, "%d bytes%s", r.size(),
                    r.cut() ? ", CUT by the used length" : ""), r.offset(), Math.min(20 + r.size(), limit - r.offset()));
            row.leaf("payload size", String.valueOf(r.size()), r.offset(), 4);
            row.leaf("flags (table byte " + r.tableByte() + ")", hex(r.flags(), 8), r.offset() + 4, 4);
            row.leaf("sequence", String.valueOf(r.seq()), r.offset() + 8, 4);
            row.leaf("timestamp", String.valueOf(r.timestamp()), r.offset() + 12, 4);
            row.leaf("zero", "", r.offset() + 16, 4);
            row.leaf("payload", r.size() + " bytes", r.offset() + 20, Math.max(0, Math.min(r.size(), limit - r.offset() - 20)));
            rows.add(row.build());
        }
        root.add(rows.build());
        for (int[] s : w.slack()) {
            root.leaf("slack", (s[1] - s[0]) + " bytes not decoded", s[0], s[1] - s[0]);
        }
        for (String p : w.problems()) {
            root.leaf("problem", p, 0, 0);
        }
        if (used < b.length && used >= XtpBlockLayout.SIZE) {
            root.leaf("after the used length", (b.length - used) + " bytes", (int) used, (int) (b.length - used));
        }
        return root.build();
    }

    private static String hex(long v, int digits) {
        return String.format(Locale.ROOT, "0x%0" + digits + "X", v);
    }
}

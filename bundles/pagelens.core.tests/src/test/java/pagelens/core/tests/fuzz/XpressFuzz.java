package pagelens.core.tests.fuzz;

import pagelens.core.backup.XpressHuffman;

/** The MS-XCA (XPRESS Huffman) decoder on any input, with an output size the input chooses (4, 8 or 64 KiB). */
public final class XpressFuzz {
    private XpressFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int out = new int[] { 4096, 8192, 65536 }[(data[0] & 0xFF) % 3];
        try {
            byte[] r = XpressHuffman.decompress(data, 1, data.length - 1, out);
            if (r.length != out) {
                throw new AssertionError("decompressed " + r.length + " bytes, asked for " + out);
            }
        } catch (XpressHuffman.CorruptInput e) {
            // not MS-XCA data: reported as backup.cannot-decode by the backup reader
        }
    }
}

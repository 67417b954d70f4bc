package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import pagelens.core.backup.XpressHuffman;

/** MS-XCA LZ77+Huffman on the one real compressed chunk of the samples. */
class XpressHuffmanTest {

    @Test
    void realChunkDecompressesExactly() throws Exception {
        byte[] in = Files.readAllBytes(Samples.get("xtp-aw2016ext-chunk/xpress_soh_final_unit_seq9839.bin"));
        byte[] expected = Files.readAllBytes(Samples.get("xtp-aw2016ext-chunk/aw2016ext_xtp_chunk_seq9839.dec"));
        byte[] out = XpressHuffman.decompress(in, 0, in.length, 65536);
        assertArrayEquals(expected, out);
    }

    @Test
    void garbageAndLiesAreRefused() throws Exception {
        byte[] in = Files.readAllBytes(Samples.get("xtp-aw2016ext-chunk/xpress_soh_final_unit_seq9839.bin"));
        assertThrows(XpressHuffman.CorruptInput.class, () -> XpressHuffman.decompress(in, 0, 200, 65536), "cut input");
        byte[] bad = in.clone();
        for (int i = 0; i < 256; i++) {
            bad[i] = (byte) 0xFF; // every symbol 15 bits long: an over-full table
        }
        assertThrows(XpressHuffman.CorruptInput.class, () -> XpressHuffman.decompress(bad, 0, bad.length, 65536));
        XpressHuffman.CorruptInput huge = assertThrows(XpressHuffman.CorruptInput.class,
                () -> XpressHuffman.decompress(in, 0, in.length, Integer.MAX_VALUE));
        assertTrue(huge.getMessage().contains("beyond"));
        byte[] noise = in.clone();
        new java.util.Random(3).nextBytes(java.util.Arrays.copyOfRange(noise, 300, 400));
        for (int i = 300; i < 2000; i++) {
            noise[i] = (byte) (i * 31);
        }
        try {
            byte[] o = XpressHuffman.decompress(noise, 0, noise.length, 65536);
            assertTrue(o.length == 65536); // garbage may still decode to something, bounded
        } catch (XpressHuffman.CorruptInput e) {
            assertTrue(!e.getMessage().isEmpty());
        }
    }

    /** The specimens' literal-only encoder: what it writes decodes to the input (random, all zeros, odd length, a whole block). */
    @Test
    void literalsRoundTrip() throws Exception {
        java.util.Random r = new java.util.Random(5);
        for (int len : new int[] { 1, 2, 3, 4095, 4096, 8192, 65536 }) {
            byte[] in = new byte[len];
            if (len != 4096) {
                r.nextBytes(in);
            }
            byte[] enc = XpressHuffman.encodeLiterals(in, 0, len);
            assertArrayEquals(in, XpressHuffman.decompress(enc, 0, enc.length, len), "length " + len);
        }
    }
}

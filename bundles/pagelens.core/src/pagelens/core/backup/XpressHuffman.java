package pagelens.core.backup;

/**
 * MS-XCA LZ77+Huffman ("XPRESS Huffman") decompression, written from Microsoft's public [MS-XCA]
 * specification, section 2.2.4. Every length read from the input is checked before use; the output is
 * bounded by the size the caller expects.
 */
public final class XpressHuffman {
    private static final int TABLE_BITS = 15;
    private static final int BLOCK = 65536;

    private XpressHuffman() {
    }

    /**
     * Encodes bytes as one MS-XCA LZ77+Huffman block of literals only (for SYNTHETIC fixtures: a valid stream any decoder
     * reads, without matches, so a little larger than its input): the Huffman table gives every literal an 8-bit code (the
     * canonical code of literal b is b itself) and no other symbol a code, and the bit stream is written MSB first in
     * 16-bit little-endian words as [MS-XCA] 2.2.4 reads them.
     *
     * @param len at most 65,536 bytes (one block)
     */
    public static byte[] encodeLiterals(byte[] in, int off, int len) {
        if (len > BLOCK) {
            throw new IllegalArgumentException("one block holds at most " + BLOCK + " bytes");
        }
        int words = (len + 1) / 2;
        byte[] out = new byte[256 + 2 * words + 4];
        java.util.Arrays.fill(out, 0, 128, (byte) 0x88); // symbols 0..255: length 8 (two 4-bit lengths a byte); 256..511: none
        int at = 256;
        for (int i = 0; i < len; i += 2) {
            int hi = in[off + i] & 0xFF;
            int lo = i + 1 < len ? in[off + i + 1] & 0xFF : 0;
            int word = hi << 8 | lo; // the first symbol's code in the word's high bits
            out[at++] = (byte) word;
            out[at++] = (byte) (word >>> 8);
        }
        return out; // the four zero bytes at the end are the decoder's read-ahead
    }

    /** Thrown for input that is not a valid stream; the message says where. */
    public static final class CorruptInput extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptInput(String m) {
            super(m);
        }
    }

    /**
     * Decompresses {@code len} bytes at {@code off} into exactly {@code outSize} bytes.
     *
     * @throws CorruptInput when the stream is invalid or ends before {@code outSize} bytes
     */
    public static byte[] decompress(byte[] in, int off, int len, int outSize) throws CorruptInput {
        if (outSize < 0 || outSize > (64 << 20)) {
            throw new CorruptInput("an output of " + outSize + " bytes is beyond what one chunk may hold");
        }
        byte[] out = new byte[outSize];
        int end = off + len;
        int inPos = off;
        int outPos = 0;
        int[] lengths = new int[512];
        short[] table = new short[1 << TABLE_BITS];
        while (outPos < outSize) {
            if (inPos + 256 + 4 > end) {
                throw new CorruptInput("input ends at " + (inPos - off) + " before the output is complete (" + outPos + " of " + outSize + " bytes)");
            }
            for (int i = 0; i < 256; i++) {
                int b = in[inPos + i] & 0xFF;
                lengths[2 * i] = b & 0x0F;
                lengths[2 * i + 1] = b >>> 4;
            }
            int entry = 0;
            for (int bitLen = 1; bitLen <= TABLE_BITS; bitLen++) {
                for (int sym = 0; sym < 512; sym++) {
                    if (lengths[sym] == bitLen) {
                        int count = 1 << (TABLE_BITS - bitLen);
                        if (entry + count > table.length) {
                            throw new CorruptInput("Huffman table overflows at input offset " + (inPos - off));
                        }
                        java.util.Arrays.fill(table, entry, entry + count, (short) sym);
                        entry += count;
                    }
                }
            }
            if (entry != table.length) {
                throw new CorruptInput("incomplete Huffman table at input offset " + (inPos - off));
            }
            int pos = inPos + 256;
            long nextBits = ((long) u16(in, pos) << 16) | u16(in, pos + 2);
            pos += 4;
            int extra = 16;
            int blockEnd = Math.min(outSize, outPos + BLOCK);
            while (outPos < blockEnd) {
                int sym = table[(int) (nextBits >>> (32 - TABLE_BITS)) & 0x7FFF];
                int bitLen = lengths[sym];
                nextBits = (nextBits << bitLen) & 0xFFFF_FFFFL;
                extra -= bitLen;
                if (extra < 0) {
                    nextBits |= (long) u16(in, pos, end) << -extra;
                    nextBits &= 0xFFFF_FFFFL;
                    extra += 16;
                    pos += 2;
                }
                if (sym < 256) {
                    out[outPos++] = (byte) sym;
                    continue;
                }
                if (sym == 256 && pos >= end && outPos == outSize) {
                    break;
                }
                sym -= 256;
                int matchLen = sym & 15;
                int offBits = sym >>> 4;
                if (matchLen == 15) {
                    if (pos >= end) {
                        throw new CorruptInput("match length byte past the input end");
                    }
                    matchLen = in[pos++] & 0xFF;
                    if (matchLen == 255) {
                        if (pos + 2 > end) {
                            throw new CorruptInput("match length past the input end");
                        }
                        matchLen = u16(in, pos);
                        pos += 2;
                        if (matchLen == 0) {
                            if (pos + 4 > end) {
                                throw new CorruptInput("match length past the input end");
                            }
                            matchLen = (int) (u16(in, pos) | (long) u16(in, pos + 2) << 16);
                            pos += 4;
                        }
                        if (matchLen < 15) {
                            throw new CorruptInput("match length " + matchLen + " too small");
                        }
                        matchLen -= 15;
                    }
                    matchLen += 15;
                }
                matchLen += 3;
                int matchOff = offBits == 0 ? 1 : (int) (nextBits >>> (32 - offBits)) + (1 << offBits);
                nextBits = offBits == 32 ? 0 : (nextBits << offBits) & 0xFFFF_FFFFL;
                extra -= offBits;
                if (extra < 0) {
                    nextBits |= (long) u16(in, pos, end) << -extra;
                    nextBits &= 0xFFFF_FFFFL;
                    extra += 16;
                    pos += 2;
                }
                if (matchOff > outPos) {
                    throw new CorruptInput("match offset " + matchOff + " reaches before the output start (at " + outPos + ")");
                }
                if (matchLen < 0 || outPos + matchLen > outSize) {
                    throw new CorruptInput("match of " + matchLen + " bytes runs past the expected output (" + outSize + ")");
                }
                for (int i = 0; i < matchLen; i++) {
                    out[outPos] = out[outPos - matchOff];
                    outPos++;
                }
            }
            inPos = pos;
        }
        return out;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    /** Reads past the end as zeros (the bit reader looks ahead); a real overrun is caught by the caller's checks. */
    private static int u16(byte[] b, int p, int end) {
        return p + 2 <= end ? u16(b, p) : p < end ? b[p] & 0xFF : 0;
    }
}

package pagelens.core.xtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import pagelens.core.page.Bytes;

/**
 * Tries the candidate block checksums of xtp-evidence.md 4.2 on a user's known-good checkpoint files, so that a
 * checksum profile can be established from real files: every combination of algorithm (CRC-32, CRC-32C, 32-bit XOR
 * of words, 32-bit sum of words, the page-checksum style XOR/rotate over 512-byte sectors, the MTF 16-bit XOR),
 * coverage (whole block, header only, payload only; the candidate field zeroed) and place (header u32 at +12..+28, or
 * the block's last 4 bytes) is computed for every block, and the combinations that match in every block are reported.
 * A field holding 0 never counts as a fit. A profile is only worth anything when it fits many blocks of healthy
 * files; PageLens ships none.
 */
public final class XtpChecksumDiscovery {
    private XtpChecksumDiscovery() {
    }

    static final String[] ALGORITHMS = { "crc32", "crc32c", "xor32", "sum32", "page-style", "mtf-xor16" };
    static final String[] COVERAGE = { "block", "header", "payload" };
    static final int[] FIELDS = { 12, 16, 20, 24, 28, -4 };

    /** One candidate and how many blocks it fitted. */
    public record Candidate(String algorithm, String coverage, String field, int fits, int blocks) {
        public boolean fitsAll() {
            return blocks > 0 && fits == blocks;
        }
    }

    /** The result: blocks tried and every candidate (best first). */
    public record Result(int blocks, int files, List<Candidate> candidates) {
        public List<Candidate> fitting() {
            return candidates.stream().filter(Candidate::fitsAll).toList();
        }
    }

    /** Tries every candidate on up to {@code maxBlocks} blocks of the scanned container's files. */
    public static Result discover(XtpContainer.Scan scan, int maxBlocks) throws IOException {
        int n = ALGORITHMS.length * COVERAGE.length * FIELDS.length;
        int[] fits = new int[n];
        int blocks = 0;
        int files = 0;
        for (XtpContainer.CheckpointFile f : scan.files()) {
            if (blocks >= maxBlocks) {
                break;
            }
            boolean used = false;
            try (pagelens.core.io.EvidenceSource ch = pagelens.core.io.EvidenceSource.open(f.path())) {
                for (XtpBlocks.Block b : f.walk().blocks()) {
                    if (blocks >= maxBlocks || b.cut()) {
                        break;
                    }
                    byte[] block = new byte[(int) b.size()];
                    ByteBuffer bb = ByteBuffer.wrap(block);
                    while (bb.hasRemaining() && ch.read(bb, b.offset() + bb.position()) > 0) {
                        // fill
                    }
                    blocks++;
                    used = true;
                    for (int fi = 0; fi < FIELDS.length; fi++) {
                        int at = FIELDS[fi] < 0 ? block.length + FIELDS[fi] : FIELDS[fi];
                        long stored = Bytes.u32(block, at);
                        byte[] copy = Arrays.copyOf(block, block.length);
                        Arrays.fill(copy, at, at + 4, (byte) 0);
                        for (int ai = 0; ai < ALGORITHMS.length; ai++) {
                            for (int ci = 0; ci < COVERAGE.length; ci++) {
                                int from = COVERAGE[ci].equals("payload") ? 40 : 0;
                                int to = COVERAGE[ci].equals("header") ? 40 : copy.length;
                                // a field that holds 0 is not taken as a fit: an always-zero field is no checksum
                                if (stored != 0 && compute(ALGORITHMS[ai], copy, from, to) == stored) {
                                    fits[(ai * COVERAGE.length + ci) * FIELDS.length + fi]++;
                                }
                            }
                        }
                    }
                }
            }
            if (used) {
                files++;
            }
        }
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        for (String alg : ALGORITHMS) {
            for (String cov : COVERAGE) {
                for (int field : FIELDS) {
                    out.add(new Candidate(alg, cov, field < 0 ? "last 4 bytes" : "+" + field, fits[i++], blocks));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(b.fits(), a.fits()));
        return new Result(blocks, files, List.copyOf(out));
    }

    /** The candidate algorithm over {@code b[from, to)}, as an unsigned 32-bit value. */
    public static long compute(String algorithm, byte[] b, int from, int to) {
        switch (algorithm) {
            case "crc32" -> {
                CRC32 c = new CRC32();
                c.update(b, from, to - from);
                return c.getValue();
            }
            case "crc32c" -> {
                CRC32C c = new CRC32C();
                c.update(b, from, to - from);
                return c.getValue();
            }
            case "xor32" -> {
                int x = 0;
                for (int i = from; i + 4 <= to; i += 4) {
                    x ^= Bytes.i32(b, i);
                }
                return x & 0xFFFF_FFFFL;
            }
            case "sum32" -> {
                int x = 0;
                for (int i = from; i + 4 <= to; i += 4) {
                    x += Bytes.i32(b, i);
                }
                return x & 0xFFFF_FFFFL;
            }
            case "page-style" -> {
                int sectors = (to - from) / 512;
                if (sectors == 0) {
                    return -1; // not applicable to less than one sector
                }
                int x = 0;
                for (int s = 0; s < sectors; s++) {
                    int sx = 0;
                    for (int i = from + s * 512; i < from + s * 512 + 512; i += 4) {
                        sx ^= Bytes.i32(b, i);
                    }
                    x ^= Integer.rotateLeft(sx, (sectors - 1 - s) & 31);
                }
                return x & 0xFFFF_FFFFL;
            }
            case "mtf-xor16" -> {
                int x = 0;
                for (int i = from; i + 2 <= to; i += 2) {
                    x ^= Bytes.u16(b, i);
                }
                return x & 0xFFFF;
            }
            default -> throw new IllegalArgumentException(algorithm);
        }
    }
}

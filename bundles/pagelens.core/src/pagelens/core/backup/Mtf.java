package pagelens.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import pagelens.core.io.ByteSource;
import pagelens.core.page.Bytes;

/**
 * A walk over Microsoft Tape Format descriptor blocks (DBLKs) and their streams (docs/formats.md 5.2-5.4):
 * every DBLK header checksum (XOR of 25 words) and stream header checksum (XOR of 10 words) checked; on a
 * damaged block the walk notes it and resynchronises on the next valid DBLK header at a 512-byte boundary.
 */
public final class Mtf {
    static final Set<String> TYPES = Set.of("TAPE", "SSET", "VOLB", "DIRB", "FILE", "CFIL", "ESPB", "ESET", "EOTM", "SFMB", "MSCI",
            "MSDA", "MSTL", "MSLS");

    /**
     * A stream of a DBLK: id, where its data is, how many of its bytes the file holds, and how long its header says it is
     * (more than {@code length} when the backup is cut short or the header is damaged).
     */
    public record Stream(String id, long headerOffset, long dataOffset, long length, long claimed) {
        public Stream(String id, long headerOffset, long dataOffset, long length) {
            this(id, headerOffset, dataOffset, length, length);
        }

        /** Whether the file holds less than the header claims. */
        public boolean cut() {
            return claimed != length;
        }
    }

    /** A descriptor block and its streams. */
    public record Dblk(String type, long offset, byte[] header, List<Stream> streams) {
    }

    /** The walk's result: blocks in order, and the damage met. */
    public record Walk(List<Dblk> blocks, List<String> damage) {
        public List<Stream> streams(String id) {
            List<Stream> out = new ArrayList<>();
            for (Dblk d : blocks) {
                for (Stream s : d.streams()) {
                    if (s.id().equals(id)) {
                        out.add(s);
                    }
                }
            }
            return out;
        }

        public Dblk first(String type) {
            return blocks.stream().filter(d -> d.type().equals(type)).findFirst().orElse(null);
        }
    }

    private Mtf() {
    }

    /** Whether a 52-byte DBLK header's checksum (XOR of its 25 words) matches. */
    public static boolean dblkChecksumOk(byte[] h) {
        int x = 0;
        for (int i = 0; i < MtfLayout.DBLK_CHECKSUM; i += 2) {
            x ^= Bytes.u16(h, i);
        }
        return x == Bytes.u16(h, MtfLayout.DBLK_CHECKSUM);
    }

    static boolean streamChecksumOk(byte[] h) {
        int x = 0;
        for (int i = 0; i < MtfLayout.STREAM_CHECKSUM; i += 2) {
            x ^= Bytes.u16(h, i);
        }
        return x == Bytes.u16(h, MtfLayout.STREAM_CHECKSUM);
    }

    public static Walk walk(ByteSource src) throws IOException {
        List<Dblk> blocks = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        long pos = 0;
        long size = src.size();
        final int dblk = MtfLayout.DBLK_SIZE;
        final int stream = MtfLayout.STREAM_SIZE;
        byte[] h = new byte[dblk];
        byte[] sh = new byte[stream];
        long badFrom = -1;
        while (pos + dblk <= size) {
            src.read(pos, h, 0, dblk);
            String type = new String(h, MtfLayout.DBLK_TYPE, 4, StandardCharsets.US_ASCII);
            if (!TYPES.contains(type) || !dblkChecksumOk(h)) {
                if (TYPES.contains(type) && badFrom < 0) {
                    damage.add(String.format("DBLK %s at 0x%X: header checksum does not match", type, pos));
                }
                if (badFrom < 0 && !blocks.isEmpty()) {
                    badFrom = pos;
                }
                pos += 512;
                continue;
            }
            if (badFrom >= 0) {
                if (pos - badFrom > 512 || blocks.isEmpty()) {
                    damage.add(String.format("resynchronised at 0x%X after %,d bytes without a valid block header", pos, pos - badFrom));
                }
                badFrom = -1;
            }
            int firstEvent = Bytes.u16(h, MtfLayout.DBLK_FIRST_EVENT);
            List<Stream> streams = new ArrayList<>();
            long s = pos + firstEvent;
            long next = -1;
            while (s + stream <= size && firstEvent >= dblk) {
                src.read(s, sh, 0, stream);
                if (!streamChecksumOk(sh)) {
                    break;
                }
                String id = new String(sh, MtfLayout.STREAM_ID, 4, StandardCharsets.US_ASCII);
                long len = Bytes.i64(sh, MtfLayout.STREAM_LENGTH);
                // overflow-safe: a hostile length near 2^63 must not wrap around
                if (len < 0 || len > size - s - stream) {
                    long present = size - s - stream;
                    damage.add(String.format("stream %s at 0x%X claims %,d bytes, past the end of the backup: the %,d bytes present are read "
                            + "(a cut or damaged backup)", id, s, len, Math.max(0, present)));
                    if (present > 0) {
                        // a cut backup: keep what is there (clipped below at the next valid block), so its pages are still checked
                        streams.add(new Stream(id, s, s + stream, present, len));
                    }
                    break;
                }
                streams.add(new Stream(id, s, s + stream, len));
                long after = (s + stream + len + 3) & ~3L;
                if (id.equals("SPAD")) {
                    next = after;
                    break;
                }
                s = after;
            }
            blocks.add(new Dblk(type, pos, h.clone(), List.copyOf(streams)));
            if (next > pos) {
                pos = next;
            } else {
                long p = Math.max(pos + 512, s);
                pos = (p + 511) / 512 * 512;
            }
        }
        return new Walk(clip(blocks), List.copyOf(damage));
    }

    /** Streams that claimed more than the file holds end where the next valid block starts. */
    private static List<Dblk> clip(List<Dblk> blocks) {
        List<Dblk> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Dblk d = blocks.get(i);
            long next = i + 1 < blocks.size() ? blocks.get(i + 1).offset() : Long.MAX_VALUE;
            List<Stream> ss = new ArrayList<>();
            for (Stream st : d.streams()) {
                long end = Math.min(st.dataOffset() + st.length(), next);
                ss.add(end - st.dataOffset() == st.length() ? st : new Stream(st.id(), st.headerOffset(), st.dataOffset(),
                        Math.max(0, end - st.dataOffset()), st.claimed()));
            }
            out.add(new Dblk(d.type(), d.offset(), d.header(), List.copyOf(ss)));
        }
        return List.copyOf(out);
    }
}

package pagelens.core.specimen;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a SYNTHETIC In-Memory OLTP container in the observed shape (xtp-evidence.md 1.3, 1.5): {@code filestream.hdr}
 * (a text label, not SQL Server's binary header), an empty {@code $FSLOG}, and {@code $HKv2} with data files of 256 KiB
 * blocks (the observed 40-byte header, 20-byte record headers, a used length at +36 and that plus 8 at +32, where the
 * record chain ends), delta and root files of 4 KiB blocks (CLAIMED size; synthetic content), a precreated all-zero
 * data file, and unused zero space at the end of each file. Deterministic for a seed. Corruptions are applied after.
 */
public final class XtpSpecimen {
    private XtpSpecimen() {
    }

    public static final String LABEL = "PageLens SYNTHETIC In-Memory OLTP container specimen - not written by SQL Server\n";

    /** A written file and what it is meant to be. */
    public record File(Path path, String type, int blocks, int rows) {
    }

    /** What was written. */
    public record Written(Path root, List<File> files) {
        public File first(String type) {
            return files.stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
        }
    }

    /** Corruptions for tests and the demo. */
    public enum Damage {
        /** The first data file is cut in its second block. */
        CUT,
        /** The second block of the first data file has +8 different from +4. */
        SIZE_FIELDS,
        /** A record in the first block of the second data file claims more bytes than the block uses. */
        RECORD_CHAIN,
        /** The second block of the second data file is zeroed. */
        ZERO_BLOCK
    }

    public static Written write(Path root, long seed) throws IOException {
        Files.createDirectories(root.resolve("$FSLOG"));
        Path hk = Files.createDirectories(root.resolve("$HKv2"));
        Files.writeString(root.resolve("filestream.hdr"), LABEL, StandardCharsets.US_ASCII);
        Random r = new Random(seed);
        List<File> files = new ArrayList<>();
        long seq = 1;
        long ts = 0x6C;
        for (int i = 0; i < 2; i++) {
            Path data = hk.resolve(guid(r) + ".hkckp");
            int rows = 0;
            try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
                for (int b = 0; b < 3; b++) {
                    ByteBuffer bb = ByteBuffer.allocate(0x40000).order(ByteOrder.LITTLE_ENDIAN);
                    int p = 40;
                    int limit = 0x40000 - 0x1B0 - 8;
                    while (true) {
                        int size = 140 + r.nextInt(41);
                        if (p + 20 + size > limit) {
                            break;
                        }
                        bb.putInt(p, size).putInt(p + 4, 0x8000000A).putInt(p + 8, (int) seq++).putInt(p + 12, (int) ts).putInt(p + 16, 0);
                        for (int k = 0; k < size; k++) {
                            bb.put(p + 20 + k, (byte) (32 + r.nextInt(90)));
                        }
                        p += 20 + size;
                        rows++;
                    }
                    header(bb, 0x000B, 0x0020, 0x40000, p);
                    f.seek((long) b * 0x40000);
                    f.write(bb.array());
                }
                f.setLength(4L << 20); // unused space after the last block
            }
            files.add(new File(data, "DATA", 3, rows));
            ts += 2;
            Path delta = hk.resolve(guid(r) + ".hkckp");
            smallBlocks(delta, 0x000D, 2, 24, r, 256 << 10);
            files.add(new File(delta, "DELTA", 2, 0));
        }
        Path rootFile = hk.resolve(guid(r) + ".hkckp");
        smallBlocks(rootFile, 0x000E, 3, 64, r, 64 << 10);
        files.add(new File(rootFile, "ROOT", 3, 0));
        Path pre = hk.resolve(guid(r) + ".hkckp");
        try (RandomAccessFile f = new RandomAccessFile(pre.toFile(), "rw")) {
            f.setLength(1L << 20);
        }
        files.add(new File(pre, "PRECREATED", 0, 0));
        return new Written(root, List.copyOf(files));
    }

    /**
     * Writes a SYNTHETIC {@code sys.dm_db_xtp_checkpoint_files} export (2016+ columns, header row, Windows paths) that
     * matches {@code w}: data and delta files ACTIVE and paired, the root file ACTIVE, the all-zero file PRECREATED; a
     * delta file's logical_row_count (deleted rows) is a quarter of its data file's rows.
     */
    public static Path writeDmv(Written w, Path csv) throws IOException {
        StringBuilder sb = new StringBuilder("container_id,container_guid,checkpoint_file_id,relative_file_path,file_type,file_type_desc,"
                + "internal_storage_slot,checkpoint_pair_file_id,file_size_in_bytes,file_size_used_in_bytes,logical_row_count,state,state_desc,"
                + "lower_bound_tsn,upper_bound_tsn,begin_checkpoint_id,end_checkpoint_id,last_updated_checkpoint_id,encryption_status,"
                + "encryption_status_desc\r\n");
        List<File> f = w.files();
        for (int i = 0; i < f.size(); i++) {
            File x = f.get(i);
            String id = x.path().getFileName().toString().replace(".hkckp", "");
            int type = switch (x.type()) {
                case "DATA" -> 0;
                case "DELTA" -> 1;
                case "ROOT" -> 2;
                default -> 0;
            };
            String pair = x.type().equals("DATA") ? guidOf(f.get(i + 1)) : x.type().equals("DELTA") ? guidOf(f.get(i - 1)) : "NULL";
            long size = Files.size(x.path());
            long used = x.type().equals("PRECREATED") ? 0 : (long) x.blocks() * (x.type().equals("DATA") ? 0x40000 : 0x1000);
            long rows = x.type().equals("DATA") ? x.rows() : x.type().equals("DELTA") ? f.get(i - 1).rows() / 4 : 0;
            int state = x.type().equals("PRECREATED") ? 0 : 2;
            sb.append(String.format(java.util.Locale.ROOT, "65537,%s,%s,$HKv2\\%s.hkckp,%d,%s,%d,%s,%d,%d,%d,%d,%s,1000,%d,1,2,2,0,UNENCRYPTED\r\n",
                    "6f9619ff-8b86-d011-b42d-00c04fc964ff", id, id, type, x.type().equals("PRECREATED") ? "DATA" : x.type(), i, pair, size, used,
                    rows, state, state == 0 ? "PRECREATED" : "ACTIVE", 2000 + i));
        }
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
        return csv;
    }

    private static String guidOf(File f) {
        return f.path().getFileName().toString().replace(".hkckp", "");
    }

    /** Applies {@code damage} to a container written by {@link #write}. */
    public static void damage(Written w, Damage damage) throws IOException {
        List<File> data = w.files().stream().filter(f -> f.type().equals("DATA")).toList();
        switch (damage) {
            case CUT -> {
                try (RandomAccessFile f = new RandomAccessFile(data.get(0).path().toFile(), "rw")) {
                    f.setLength(0x40000 + 0x20000);
                }
            }
            case SIZE_FIELDS -> patch(data.get(0).path(), 0x40000 + 8, 0x40200);
            case RECORD_CHAIN -> {
                // the last record of block 0: walk the chain to find it, then make it claim 8,000 bytes
                try (RandomAccessFile f = new RandomAccessFile(data.get(1).path().toFile(), "rw")) {
                    byte[] b = new byte[0x40000];
                    f.readFully(b);
                    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    int used = bb.getInt(36);
                    int p = 40;
                    int last = p;
                    while (p < used) {
                        last = p;
                        p += 20 + bb.getInt(p);
                    }
                    patch(data.get(1).path(), last, 8000);
                }
            }
            case ZERO_BLOCK -> {
                try (RandomAccessFile f = new RandomAccessFile(data.get(1).path().toFile(), "rw")) {
                    f.seek(0x40000);
                    f.write(new byte[0x40000]);
                }
            }
            default -> throw new IllegalArgumentException(damage.toString());
        }
    }

    private static void patch(Path file, long offset, int value) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }
    }

    private static void header(ByteBuffer bb, int type, int field2, int size, int used) {
        bb.putShort(0, (short) type).putShort(2, (short) field2).putInt(4, size).putInt(8, size).putInt(12, 0x0E08)
                .putInt(16, 0).putInt(20, 1).putInt(24, 2).putInt(28, 0).putInt(32, used + 8).putInt(36, used);
    }

    private static void smallBlocks(Path file, int type, int blocks, int entry, Random r, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (int b = 0; b < blocks; b++) {
                ByteBuffer bb = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
                int n = 1 + r.nextInt((0x1000 - 48) / entry);
                for (int k = 40; k < 40 + n * entry; k++) {
                    bb.put(k, (byte) r.nextInt(256));
                }
                header(bb, type, 0x0001, 0x1000, 40 + n * entry);
                f.seek((long) b * 0x1000);
                f.write(bb.array());
            }
            f.setLength(length);
        }
    }

    private static String guid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }
}

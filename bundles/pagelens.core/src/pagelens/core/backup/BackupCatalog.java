package pagelens.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.io.ByteSource;
import pagelens.core.page.Bytes;

/**
 * What the MQCI stream of a backup says: the SCIN versions, the filegroups (SFGI) and the database files (SFIN), as
 * RESTORE HEADERONLY / FILELISTONLY would list them. Every layout fact here is [INFERRED] from the real samples
 * (docs/format-notes.md, "Backup file list"); the chunk framing itself is [SRC].
 *
 * @param softwareVersion SCIN server build (major.minor.build), or null
 * @param databaseVersion SCIN database version, or null
 * @param filegroups      filegroup id to name (SFGI)
 * @param files           the database files in SFIN order (the first MQCI stream that lists files)
 * @param chunkTags       the chunk tags of that stream in order, for display
 * @param problems        chunk framing that did not add up
 */
public record BackupCatalog(String softwareVersion, Integer databaseVersion, Map<Integer, String> filegroups, List<FileEntry> files,
        List<String> chunkTags, List<String> problems) {

    /**
     * One SFIN record.
     *
     * @param fileId       SFIN+0x14 (1 for the primary data file, 2 for the log in every sample)
     * @param filegroupId  SFIN+0x24 (1 = PRIMARY in the SFGI chunk, 0 for every log file of the samples)
     * @param size         SFIN+0x28, u64 bytes (8 MiB for both files of the 2019 sample, SQL Server 2016+'s default)
     * @param logicalName  tape address at SFIN+0x30 (u16 length, u16 offset from the chunk start)
     * @param physicalName tape address at SFIN+0x34
     * @param offset       stream offset of the chunk
     */
    public record FileEntry(int fileId, int filegroupId, long size, String logicalName, String physicalName, long offset) {
    }

    /** The FILELISTONLY-style type letter and how it was decided. */
    public record FileType(String letter, String evidence) {
    }

    public static final BackupCatalog EMPTY = new BackupCatalog(null, null, Map.of(), List.of(), List.of(), List.of());

    /** Largest MQCI stream read (the samples' are 3 KiB). */
    static final int MAX_MQCI = 1 << 20;

    /** Reads the MQCI streams of a walk. */
    public static BackupCatalog read(ByteSource src, Mtf.Walk walk) throws IOException {
        String sw = null;
        Integer dbv = null;
        Map<Integer, String> groups = new LinkedHashMap<>();
        List<FileEntry> files = null;
        List<String> tags = null;
        List<String> problems = new ArrayList<>();
        for (Mtf.Stream s : walk.streams("MQCI")) {
            byte[] b = src.readUpTo(s.dataOffset(), (int) Math.min(s.length(), MAX_MQCI));
            List<FileEntry> here = new ArrayList<>();
            List<String> hereTags = new ArrayList<>();
            int p = 0;
            while (p + 8 <= b.length) {
                String tag = new String(b, p, 4, StandardCharsets.US_ASCII);
                long size = Bytes.u32(b, p + 4);
                if (!tag.chars().allMatch(c -> c >= 'A' && c <= 'Z') || size < 8 || p + size > b.length) {
                    if (!allZero(b, p)) {
                        problems.add(String.format("MQCI stream at 0x%X: chunk framing ends at +0x%X (tag %s, size %d) before the stream's end",
                                s.dataOffset(), p, printable(tag), size));
                    }
                    break;
                }
                hereTags.add(tag);
                switch (tag) {
                    case "SCIN" -> {
                        if (sw == null && size >= 0x60) {
                            sw = Bytes.u8(b, p + 0x1B) + "." + Bytes.u8(b, p + 0x1A) + "." + Bytes.u16(b, p + 0x18);
                            dbv = Bytes.u16(b, p + 0x5E);
                        }
                    }
                    case "SFGI" -> {
                        if (size >= 0x14) {
                            String name = string(b, p, (int) size, p + 0x10);
                            groups.putIfAbsent((int) Bytes.u32(b, p + 0x0C), name);
                        }
                    }
                    case "SFIN" -> {
                        if (size >= 0x38) {
                            here.add(new FileEntry((int) Bytes.u32(b, p + 0x14), (int) Bytes.u32(b, p + 0x24), Bytes.i64(b, p + 0x28),
                                    string(b, p, (int) size, p + 0x30), string(b, p, (int) size, p + 0x34), s.dataOffset() + p));
                        } else {
                            problems.add(String.format("SFIN chunk at 0x%X is only %d bytes", s.dataOffset() + p, size));
                        }
                    }
                    default -> {
                    }
                }
                p += (int) size;
            }
            if (files == null && !here.isEmpty()) {
                files = here;
                tags = hereTags;
            }
        }
        return new BackupCatalog(sw, dbv, Map.copyOf(groups), files == null ? List.of() : List.copyOf(files), tags == null ? List.of() : List.copyOf(tags),
                List.copyOf(problems));
    }

    /**
     * The type letter of a file: L for filegroup 0 (a log file has no filegroup), D when pages of its file id are in the
     * data streams, otherwise "?" (a FILESTREAM / In-Memory OLTP container (S), or a data file missing from this stripe).
     */
    public static FileType typeOf(FileEntry f, boolean pagesInStream) {
        if (f.filegroupId() == 0) {
            return new FileType("L", "INFERRED: filegroup 0 (every log file of the samples)");
        }
        if (pagesInStream) {
            return new FileType("D", "INFERRED: pages of file " + f.fileId() + " are in the data streams");
        }
        return new FileType("?", "UNKNOWN: no pages of this file in the data streams (an S container, or a file of another stripe)");
    }

    /** The filegroup name of a file, or null. */
    public String filegroupName(FileEntry f) {
        return filegroups.get(f.filegroupId());
    }

    private static String string(byte[] b, int chunk, int chunkSize, int addr) {
        int len = Bytes.u16(b, addr);
        int off = Bytes.u16(b, addr + 2);
        if (len == 0 || off + len > chunkSize) {
            return null;
        }
        return new String(b, chunk + off, len, StandardCharsets.UTF_16LE).replace("\0", "");
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "(binary)";
    }
}

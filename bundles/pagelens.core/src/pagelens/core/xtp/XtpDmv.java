package pagelens.core.xtp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;

/**
 * An imported {@code sys.dm_db_xtp_checkpoint_files} result (formats.md 6.4 [DOC]): CSV with a header row, as SSMS
 * saves it with column headers or {@code sqlcmd -s"," -W} prints it (the line of dashes is skipped; {@code NULL} is
 * empty). Columns are found by name, so the 2014 and 2016+ column sets both work. Cross-checked against a container
 * scan; also gives the memory estimate for durable memory-optimized data.
 */
public final class XtpDmv {
    private XtpDmv() {
    }

    static final long MAX_BYTES = 256L << 20;

    /** One row (null where the column is absent or NULL). */
    public record Row(long line, String containerId, String fileId, String relativePath, Integer fileType, Integer state, String stateDesc,
            String pairId, Long size, Long used, Long logicalRows, Long inserted, Long deleted) {
        public String typeName() {
            return fileType == null ? "?" : switch (fileType) {
                case -1 -> "FREE";
                case 0 -> "DATA";
                case 1 -> "DELTA";
                case 2 -> "ROOT";
                case 3 -> "LARGE DATA";
                default -> "type " + fileType;
            };
        }

        public String stateName() {
            if (stateDesc != null) {
                return stateDesc;
            }
            return state == null ? "?" : switch (state) {
                case 0 -> "PRECREATED";
                case 1 -> "UNDER CONSTRUCTION";
                case 2 -> "ACTIVE";
                case 3 -> "MERGE TARGET";
                case 4 -> "MERGED SOURCE";
                case 5 -> "REQUIRED FOR BACKUP/HA";
                case 6 -> "IN TRANSITION TO TOMBSTONE";
                case 7 -> "TOMBSTONE";
                case 8 -> "WAITING FOR LOG TRUNCATION";
                default -> "state " + state;
            };
        }

        /** ACTIVE or WAITING FOR LOG TRUNCATION: the states whose used bytes a backup holds and recovery loads. */
        public boolean holdsData() {
            return state != null && (state == 2 || state == 8);
        }
    }

    /** The import. {@code v2014} when the 2014 column set (inserted_row_count) was found. */
    public record Import(Path csv, boolean v2014, List<Row> rows) {
    }

    /** The memory estimate, with how it was obtained and its uncertainty. */
    public record MemoryEstimate(long usedBytes, long afterDeletes, int files, String method, String uncertainty) {
    }

    /** Reads an export; a clear {@link IOException} (with the line) for anything that is not one. */
    public static Import read(Path csv) throws IOException {
        if (Files.size(csv) > MAX_BYTES) {
            throw new IOException(csv + ": " + Files.size(csv) + " bytes is too large for a checkpoint-file list (limit 256 MB)");
        }
        String text;
        byte[] raw = Files.readAllBytes(csv);
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE) {
            text = new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16LE); // SSMS "Unicode" save
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IOException(csv + ": not a text file (not UTF-8 or UTF-16 text): a DMV export is the CSV that SSMS or sqlcmd "
                        + "writes from sys.dm_db_xtp_checkpoint_files");
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = count(first, '\t') > count(first, ',') ? '\t' : count(first, ';') > count(first, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        boolean v2014;
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> h = new HashMap<>();
            p.getHeaderMap().forEach((k, v) -> h.put(k.trim().toLowerCase(Locale.ROOT), v));
            List<String> missing = new ArrayList<>();
            for (String need : List.of("checkpoint_file_id", "file_size_in_bytes")) {
                if (!h.containsKey(need)) {
                    missing.add(need);
                }
            }
            if (!h.containsKey("file_type") && !h.containsKey("file_type_desc")) {
                missing.add("file_type");
            }
            if (!h.containsKey("state") && !h.containsKey("state_desc")) {
                missing.add("state");
            }
            if (!missing.isEmpty()) {
                throw new IOException(csv + ": not a sys.dm_db_xtp_checkpoint_files export: no column " + String.join(", ", missing)
                        + " in the first line (save the results with column headers, or use sqlcmd -s\",\" -W)");
            }
            v2014 = h.containsKey("inserted_row_count");
            for (CSVRecord rec : p) {
                String id = get(rec, h, "checkpoint_file_id");
                if (id != null && id.matches("-+")) {
                    continue; // sqlcmd's line of dashes
                }
                if (rec.size() < h.size() && rec.size() <= 1) {
                    continue; // sqlcmd's "(n rows affected)"
                }
                long line = rec.getRecordNumber() + 1;
                try {
                    Integer type = integer(get(rec, h, "file_type"));
                    if (type == null) {
                        type = typeOf(get(rec, h, "file_type_desc"));
                    }
                    rows.add(new Row(line, get(rec, h, "container_id"), lower(id), get(rec, h, "relative_file_path"), type,
                            integer(get(rec, h, "state")), get(rec, h, "state_desc"), lower(get(rec, h, "checkpoint_pair_file_id")),
                            number(get(rec, h, "file_size_in_bytes")), number(get(rec, h, "file_size_used_in_bytes")),
                            number(get(rec, h, "logical_row_count")), number(get(rec, h, "inserted_row_count")),
                            number(get(rec, h, "deleted_row_count"))));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + line + ": not a number: " + e.getMessage());
                }
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": malformed CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            // Commons CSV reports a broken quote or record as an IOException subclass (CSVException): say what it is
            throw new IOException(csv + ": malformed CSV: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return new Import(csv, v2014, List.copyOf(rows));
    }

    /** The row describing {@code f} (by relative path, else by GUID), or null. */
    public static Row rowFor(Import dmv, XtpContainer.CheckpointFile f) {
        if (dmv == null) {
            return null;
        }
        String rel = norm(f.relative());
        for (Row r : dmv.rows()) {
            if (r.relativePath() != null && norm(r.relativePath()).equals(rel) || r.fileId() != null && r.fileId().equals(f.guid())) {
                return r;
            }
        }
        return null;
    }

    /**
     * The files in pair order: each data file the import pairs with a delta file (pair_file_id), followed by that delta,
     * numbered 1, 2, ...; then every other file in its original order. Without an import the order is unchanged and
     * no file has a pair.
     */
    public static java.util.LinkedHashMap<XtpContainer.CheckpointFile, String> inPairs(Import dmv, List<XtpContainer.CheckpointFile> files) {
        java.util.LinkedHashMap<XtpContainer.CheckpointFile, String> out = new java.util.LinkedHashMap<>();
        if (dmv != null) {
            int n = 0;
            for (XtpContainer.CheckpointFile f : files) {
                Row r = rowFor(dmv, f);
                if (r == null || r.fileType() == null || r.fileType() != 0 || r.pairId() == null || out.containsKey(f)) {
                    continue;
                }
                XtpContainer.CheckpointFile partner = files.stream().filter(g -> g.guid() != null && g.guid().equalsIgnoreCase(r.pairId()))
                        .findFirst().orElse(null);
                n++;
                out.put(f, "pair " + n + ": data");
                if (partner != null && !out.containsKey(partner)) {
                    out.put(partner, "pair " + n + ": delta");
                } else if (partner == null) {
                    out.put(f, "pair " + n + ": data (delta not on disk)");
                }
            }
        }
        for (XtpContainer.CheckpointFile f : files) {
            out.putIfAbsent(f, "");
        }
        return out;
    }

    /** Compares the import with what is on disk. */
    public static List<Finding> crossCheck(Import dmv, XtpContainer.Scan scan) {
        List<Finding> out = new ArrayList<>();
        Map<String, XtpContainer.CheckpointFile> byGuid = new HashMap<>();
        Map<String, XtpContainer.CheckpointFile> byPath = new HashMap<>();
        for (XtpContainer.CheckpointFile f : scan.files()) {
            if (f.guid() != null) {
                byGuid.put(f.guid(), f);
            }
            byPath.put(norm(f.relative()), f);
        }
        Set<String> containers = new HashSet<>();
        dmv.rows().forEach(r -> containers.add(String.valueOf(r.containerId())));
        boolean several = containers.size() > 1;
        Set<XtpContainer.CheckpointFile> known = new HashSet<>();
        Map<String, Row> rowsById = new HashMap<>();
        dmv.rows().forEach(r -> rowsById.put(r.fileId(), r));
        for (Row r : dmv.rows()) {
            Location at = new Location(dmv.csv(), -1, -1, -1, 0, 0);
            XtpContainer.CheckpointFile f = r.relativePath() != null ? byPath.get(norm(r.relativePath())) : null;
            if (f == null && r.fileId() != null) {
                f = byGuid.get(r.fileId());
            }
            if (f == null) {
                if (!several) {
                    out.add(new Finding(Rules.XTP_DMV_MISSING, r.holdsData() ? Rules.XTP_DMV_MISSING.severity() : pagelens.core.findings.Severity.WARNING,
                            String.format(Locale.ROOT, "%s %s file %s (CSV line %d) is not in the container", r.stateName(), r.typeName(),
                                    r.relativePath() != null ? r.relativePath() : r.fileId(), r.line()), at));
                }
                continue;
            }
            known.add(f);
            Location fa = new Location(f.path(), -1, -1, 0, 0, 0);
            if (r.size() != null && r.size() != f.size()) {
                boolean smaller = f.size() < r.size();
                out.add(new Finding(Rules.XTP_DMV_SIZE, smaller ? Rules.XTP_DMV_SIZE.severity() : pagelens.core.findings.Severity.WARNING,
                        String.format(Locale.ROOT, "%s is %,d bytes on disk, the DMV says %,d (CSV line %d)", f.relative(), f.size(), r.size(), r.line()), fa));
            }
            if (r.used() != null && r.size() != null && r.used() > r.size()) {
                out.add(new Finding(Rules.XTP_DMV_SIZE, String.format(Locale.ROOT, "CSV line %d: %,d bytes used of a %,d-byte file", r.line(), r.used(),
                        r.size()), fa));
            }
            if (r.fileType() != null && r.fileType() == 0 && r.holdsData()) {
                Row pair = r.pairId() == null ? null : rowsById.get(r.pairId());
                if (pair == null || pair.fileType() == null || pair.fileType() != 1) {
                    out.add(new Finding(Rules.XTP_DMV_UNPAIRED, String.format(Locale.ROOT, "%s data file %s has no delta file in the DMV (pair %s, CSV line %d)",
                            r.stateName(), f.relative(), r.pairId(), r.line()), fa));
                }
            }
            if (!dmv.v2014() && r.state() != null && (r.state() >= 4 && r.state() <= 7 || r.state() > 8 || r.state() < 0)) {
                out.add(new Finding(Rules.XTP_DMV_STATE, String.format(Locale.ROOT, "%s: state %d (%s) is not a SQL Server 2016+ state (CSV line %d)",
                        f.relative(), r.state(), r.stateName(), r.line()), fa));
            }
        }
        for (XtpContainer.CheckpointFile f : scan.files()) {
            if (!known.contains(f)) {
                out.add(new Finding(Rules.XTP_DMV_UNKNOWN, "On disk but not in the DMV: " + f.relative(), new Location(f.path(), -1, -1, 0, 0, 0)));
            }
        }
        return out;
    }

    /**
     * Durable memory-optimized data a restore or recovery loads: the used bytes of ACTIVE and WAITING FOR LOG
     * TRUNCATION data files (NORMATIVE: what a backup holds for those states), and the same with deleted rows
     * subtracted pro rata where the row counts tell (2014: inserted/deleted_row_count; 2016+: the paired delta
     * file's logical_row_count taken as deleted rows [INFERRED]).
     */
    public static MemoryEstimate estimate(Import dmv) {
        Map<String, Row> byId = new HashMap<>();
        dmv.rows().forEach(r -> byId.put(r.fileId(), r));
        long used = 0;
        double after = 0;
        int files = 0;
        for (Row r : dmv.rows()) {
            if (r.fileType() == null || (r.fileType() != 0 && r.fileType() != 3) || !r.holdsData() || r.used() == null) {
                continue;
            }
            files++;
            used += r.used();
            long ins = dmv.v2014() ? nz(r.inserted()) : nz(r.logicalRows());
            long del = dmv.v2014() ? nz(r.deleted()) : r.pairId() != null && byId.get(r.pairId()) != null ? nz(byId.get(r.pairId()).logicalRows()) : 0;
            after += ins > 0 ? r.used() * Math.max(0.0, 1.0 - (double) Math.min(del, ins) / ins) : r.used();
        }
        return new MemoryEstimate(used, Math.round(after), files,
                "sum of file_size_used_in_bytes of " + files + " DATA and LARGE DATA files in state ACTIVE or WAITING FOR LOG TRUNCATION " + pagelens.core.Evidence.DOC.tag() + "; "
                        + "deleted rows subtracted pro rata from " + (dmv.v2014() ? "inserted_row_count/deleted_row_count " + pagelens.core.Evidence.DOC.tag()
                                : "the paired delta file's logical_row_count " + pagelens.core.Evidence.INFERRED.tag()),
                "The files hold rows as written; in memory every row also carries a row header and index pointers, and the indexes are "
                        + "rebuilt at load, so the memory needed is larger than these bytes by an amount that depends on the tables' "
                        + "indexes. Rows deleted since the last checkpoint are not in the delta files yet.");
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String get(CSVRecord rec, Map<String, Integer> h, String name) {
        Integer i = h.get(name);
        if (i == null || i >= rec.size()) {
            return null;
        }
        String v = rec.get(i).trim();
        return v.isEmpty() || v.equalsIgnoreCase("NULL") ? null : v;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT).replace("{", "").replace("}", "");
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static Long number(String s) {
        return s == null ? null : Long.valueOf(s.replace(",", ""));
    }

    private static Integer typeOf(String desc) {
        if (desc == null) {
            return null;
        }
        return switch (desc.toUpperCase(Locale.ROOT)) {
            case "FREE" -> -1;
            case "DATA" -> 0;
            case "DELTA" -> 1;
            case "ROOT" -> 2;
            case "LARGE DATA", "LARGE_DATA" -> 3;
            default -> null;
        };
    }

    private static String norm(String p) {
        String s = p.replace('\\', '/').toLowerCase(Locale.ROOT);
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}

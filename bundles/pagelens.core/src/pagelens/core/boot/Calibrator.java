package pagelens.core.boot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageType;

/**
 * Calibration (formats.md 3.5): matches each DBINFO field value of a listing to the bytes of the same
 * database's boot page (LSNs, GUIDs, page ids, datetimes, integers, the name) and writes a layout file
 * for that dbi_version with [VERIFIED] offsets where exactly one place in the record matches.
 */
public final class Calibrator {
    private Calibrator() {
    }

    /** One field's outcome. */
    public record Match(String field, String value, String type, int offset, int size, String outcome) {
        public boolean unique() {
            return offset >= 0;
        }
    }

    /** The result: the matches and the layout text to save as {@code dbi-<version>.tsv}. */
    public record Result(int version, int recordLength, List<Match> matches, String layoutText) {
        public long unique() {
            return matches.stream().filter(Match::unique).count();
        }
    }

    private static final Pattern LSN = Pattern.compile("\\(?(\\d+):(\\d+):(\\d+)\\)?");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PAGEID_HEX = Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{8})");
    private static final Pattern PAGEID = Pattern.compile("\\((\\d+):(\\d+)\\)");
    private static final Pattern DATETIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(\\.\\d{1,3})?");
    private static final Pattern INT = Pattern.compile("-?\\d+|0x[0-9a-fA-F]+");

    public static Result calibrate(byte[] page, DbinfoListing listing, String sourceNote) throws BootPageException {
        PageHeader h = PageHeader.parse(page);
        if (h.type() != PageType.BOOT) {
            throw new BootPageException("the page is not a boot page (m_type " + h.type() + ", " + h.typeName() + ")");
        }
        int recLen = Bytes.u16(page, 0x62);
        if (0x60 + recLen > Page.SIZE - 2) {
            throw new BootPageException("boot record length " + recLen + " does not fit in the page");
        }
        int version = Bytes.u16(page, 0x64);
        String lv = listing.value("dbi_version");
        if (lv == null || !lv.trim().equals(String.valueOf(version))) {
            throw new BootPageException("the listing is for dbi_version " + lv + ", the page has " + version + ": not the same database state");
        }
        String name = listing.value("dbi_dbname");
        String pageName = BootValues.nchar(page, 0x94, 256);
        if (name != null && !name.trim().equalsIgnoreCase(pageName)) {
            throw new BootPageException("the listing is for database '" + name.trim() + "', the page for '" + pageName + "'");
        }
        String dbid = listing.value("dbi_dbid");
        if (dbid != null && dbid.trim().matches("\\d+") && Integer.parseInt(dbid.trim()) != Bytes.u16(page, 0x198)) {
            throw new BootPageException("the listing is for dbid " + dbid.trim() + ", the page for " + Bytes.u16(page, 0x198));
        }
        int start = 0x64;
        int end = 0x60 + recLen;
        BootLayout hint = BootLayouts.builtIn().builtInFor(version, recLen);
        List<Match> matches = new ArrayList<>();
        for (DbinfoListing.Entry e : listing.entries()) {
            if (!e.field().toLowerCase(Locale.ROOT).startsWith("dbi_")) {
                continue;
            }
            FieldDef known = hint.fields().stream().filter(f -> f.name().equalsIgnoreCase(e.field())).findFirst().orElse(null);
            matches.add(match(page, start, end, e.field(), e.value().trim(), known));
        }
        return new Result(version, recLen, matches, layoutText(version, recLen, matches, sourceNote));
    }

    private static Match match(byte[] page, int start, int end, String field, String v, FieldDef known) {
        List<Candidate> cands = candidates(field, v);
        if (known != null && !known.type().equals("nchar")) {
            // the built-in layout knows this field's width: only that width is a candidate
            List<Candidate> sized = cands.stream().filter(c -> c.bytes.length == known.size()).toList();
            if (!sized.isEmpty()) {
                cands = sized;
            }
        }
        if (cands.isEmpty()) {
            return new Match(field, v, "?", -1, 0, "value format not recognised");
        }
        int ambiguous = 0;
        for (Candidate c : cands) {
            if (allZero(c.bytes)) {
                return new Match(field, v, c.type, -1, c.bytes.length, "value is zero: matches everywhere, position not established");
            }
            List<Integer> at = find(page, start, end, c.bytes);
            if (at.size() == 1) {
                return new Match(field, v, c.type, at.get(0), c.bytes.length, "unique match");
            }
            if (at.size() > 1 && known != null && at.contains(known.offset())) {
                return new Match(field, v, c.type, known.offset(), c.bytes.length,
                        at.size() + " places match; the built-in offset is one of them");
            }
            ambiguous = Math.max(ambiguous, at.size());
        }
        if (ambiguous > 1) {
            return new Match(field, v, cands.get(0).type, -1, cands.get(0).bytes.length, ambiguous + " places match: ambiguous");
        }
        return new Match(field, v, cands.get(0).type, -1, cands.get(0).bytes.length, "no place in the record holds this value");
    }

    private record Candidate(String type, byte[] bytes) {
    }

    private static List<Candidate> candidates(String field, String value) {
        List<Candidate> out = new ArrayList<>();
        // DBCC PAGE style 3 prints LSNs as "53:31269:37 (0x00000035:00007a25:0025)": keep the decimal part
        String v = value.replaceFirst("^(\\S+) \\(0x[0-9a-fA-F:]+\\)$", "$1");
        Matcher m;
        if ((m = LSN.matcher(v)).matches()) {
            byte[] b = new byte[10];
            put(b, 0, Long.parseLong(m.group(1)), 4);
            put(b, 4, Long.parseLong(m.group(2)), 4);
            put(b, 8, Long.parseLong(m.group(3)), 2);
            out.add(new Candidate("lsn", b));
        } else if (GUID.matcher(v).matches()) {
            String h = v.replace("-", "");
            byte[] b = new byte[16];
            put(b, 0, Long.parseLong(h.substring(0, 8), 16), 4);
            put(b, 4, Long.parseLong(h.substring(8, 12), 16), 2);
            put(b, 6, Long.parseLong(h.substring(12, 16), 16), 2);
            for (int i = 0; i < 8; i++) {
                b[8 + i] = (byte) Integer.parseInt(h.substring(16 + 2 * i, 18 + 2 * i), 16);
            }
            out.add(new Candidate("guid", b));
        } else if ((m = PAGEID_HEX.matcher(v)).matches() || (m = PAGEID.matcher(v)).matches()) {
            boolean hex = v.indexOf('(') < 0;
            long file = Long.parseLong(m.group(1), hex ? 16 : 10);
            long pg = Long.parseLong(m.group(2), hex ? 16 : 10);
            byte[] b = new byte[6];
            put(b, 0, pg, 4);
            put(b, 4, file, 2);
            out.add(new Candidate("pageid", b));
        } else if ((m = DATETIME.matcher(v)).matches()) {
            LocalDateTime t = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            int ms = m.group(2) == null ? 0 : Integer.parseInt((m.group(2).substring(1) + "00").substring(0, 3));
            long days = ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1), t.toLocalDate());
            long ticks = Math.round((t.toLocalTime().toSecondOfDay() * 1000L + ms) * 0.3);
            byte[] b = new byte[8];
            put(b, 0, ticks, 4);
            put(b, 4, days, 4);
            out.add(new Candidate("datetime", b));
        } else if (INT.matcher(v).matches()) {
            long n = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
            for (int w : new int[] { 8, 4, 2, 1 }) {
                if (w == 8 || fits(n, w)) {
                    byte[] b = new byte[w];
                    put(b, 0, n, w);
                    out.add(new Candidate(w == 1 ? "u8" : w == 2 ? "u16" : w == 4 ? "u32" : "u64", b));
                }
            }
        } else if (field.equalsIgnoreCase("dbi_dbname") && !v.isEmpty()) {
            out.add(new Candidate("nchar", v.getBytes(StandardCharsets.UTF_16LE)));
        }
        return out;
    }

    private static boolean fits(long n, int w) {
        if (n < 0) {
            return n >= -(1L << (8 * w - 1));
        }
        return w >= 8 || n < (1L << (8 * w));
    }

    private static void put(byte[] b, int off, long v, int w) {
        for (int i = 0; i < w; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> find(byte[] page, int start, int end, byte[] pat) {
        List<Integer> out = new ArrayList<>();
        outer: for (int i = start; i + pat.length <= end; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (page[i + j] != pat[j]) {
                    continue outer;
                }
            }
            out.add(i);
        }
        return out;
    }

    private static String layoutText(int version, int recLen, List<Match> matches, String sourceNote) {
        StringBuilder sb = new StringBuilder();
        sb.append("# PageLens calibrated boot page layout for dbi_version ").append(version).append('\n');
        sb.append("# ").append(sourceNote.replace('\n', ' ')).append('\n');
        sb.append("# Only fields whose value matched exactly one place in the record are listed (" + pagelens.core.Evidence.VERIFIED.tag() + " by that match).\n");
        sb.append("layout\t").append(version).append('\t').append(recLen).append("\tcalibrated dbi_version ").append(version).append('\n');
        for (Match m : matches) {
            if (!m.unique()) {
                continue;
            }
            String type = m.type().equals("nchar") ? "nchar" : m.type();
            int size = m.type().equals("nchar") ? 256 : m.size();
            String category = m.field().toLowerCase(Locale.ROOT).startsWith("dbi_hk") ? "hekaton" : "calibrated";
            sb.append("field\t").append(version).append('\t').append(String.format("0x%X", m.offset())).append('\t').append(size).append('\t')
                    .append(type).append('\t').append(category).append("\tVERIFIED\t").append(m.field()).append("\tcalibrated: value ")
                    .append(m.value()).append(" matched exactly one place").append('\n');
        }
        return sb.toString();
    }
}

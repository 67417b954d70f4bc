package pagelens.core.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pagelens.core.page.PageId;

/**
 * Pages a SQL Server named as damaged, read from what it printed: DBCC CHECKDB output (as text, "Msg 8928, Level 16 ..."
 * then the message, or WITH TABLERESULTS saved as tab- or comma-separated text), SQL Server error log lines (errors 823,
 * 824, 825 and 605: "... page (1:1234) ..."), or {@code msdb.dbo.suspect_pages} rows exported as CSV (file_id, page_id,
 * event_type). Read as text, at most {@value #MAX_BYTES} bytes; lines that name no page are skipped.
 */
public final class ServerMessages {
    public static final long MAX_BYTES = 64L << 20;
    private static final Pattern PAGE = Pattern.compile("\\((\\d{1,5}):(\\d{1,10})\\)");
    private static final Pattern MSG = Pattern.compile("^\\s*Msg\\s+(\\d+),\\s*Level\\s+\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERRORLOG = Pattern.compile("Error:\\s*(\\d+),\\s*Severity:", Pattern.CASE_INSENSITIVE);

    /**
     * One page a server message names.
     *
     * @param page    the page
     * @param error   the SQL Server error number (823, 824, 8928, ...), or 0 when the text gives none
     * @param source  CHECKDB, CHECKDB TABLERESULTS, error log, or suspect_pages
     * @param message the server's words (one line)
     * @param line    the 1-based line of the text it came from
     */
    public record Message(PageId page, int error, String source, String message, int line) {
        /**
         * Whether the server says the page is damaged or inconsistent (everything but suspect_pages rows that record a page
         * restored, repaired or deallocated: event types 4, 5 and 7).
         */
        public boolean claimsDamage() {
            return !(source.equals("suspect_pages") && (error == -4 || error == -5 || error == -7));
        }
    }

    private ServerMessages() {
    }

    /** Reads a file of server output (refuses anything over {@value #MAX_BYTES} bytes or not a regular file). */
    public static List<Message> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB: not server output PageLens reads");
        }
        byte[] b = Files.readAllBytes(file);
        String text = b.length >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE)
                : new String(b, StandardCharsets.UTF_8);
        return parse(text);
    }

    /** The pages a text names, in text order, each page once per message. */
    public static List<Message> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length && i < 5; i++) {
            String h = lines[i].toLowerCase(Locale.ROOT);
            if (h.contains("file_id") && h.contains("page_id")) {
                return table(lines, i, "suspect_pages");
            }
            if (h.contains("messagetext") && h.contains("error")) {
                return table(lines, i, "CHECKDB TABLERESULTS");
            }
        }
        List<Message> out = new ArrayList<>();
        int error = 0;
        String source = "CHECKDB";
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            Matcher msg = MSG.matcher(l);
            Matcher log = ERRORLOG.matcher(l);
            if (msg.find()) {
                error = Integer.parseInt(msg.group(1));
                source = "CHECKDB";
                continue;
            }
            if (log.find()) {
                error = Integer.parseInt(log.group(1));
                source = "error log";
                continue;
            }
            Matcher m = PAGE.matcher(l);
            java.util.Set<PageId> seen = new java.util.HashSet<>();
            boolean named = false;
            while (m.find()) {
                named = true;
                PageId p = page(m.group(1), m.group(2));
                if (p == null || !seen.add(p)) {
                    continue;
                }
                int e = error != 0 ? error : inline(l);
                out.add(new Message(p, e, error != 0 ? source : l.toLowerCase(Locale.ROOT).contains("error") ? "error log" : "CHECKDB", l.trim(), i + 1));
            }
            if (named || l.isBlank()) {
                error = 0; // a "Msg" or "Error:" line belongs to the message that follows it
            }
        }
        return out;
    }

    /** "error 824" or "Error: 824" inside a message line, else 0. */
    private static int inline(String l) {
        Matcher m = Pattern.compile("(?i)error:?\\s*(\\d{3,5})").matcher(l);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static PageId page(String f, String p) {
        try {
            long page = Long.parseLong(p);
            int file = Integer.parseInt(f);
            return file > 0 && file <= 0xFFFF && page <= 0xFFFF_FFFFL ? new PageId(file, page) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A table with a header row (tab-, comma- or semicolon-separated). */
    private static List<Message> table(String[] lines, int header, String source) {
        String h = lines[header];
        String sep = h.contains("\t") ? "\t" : h.contains(";") && !h.contains(",") ? ";" : ",";
        List<String> cols = new ArrayList<>();
        for (String c : h.split(Pattern.quote(sep), -1)) {
            cols.add(c.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        boolean suspect = source.equals("suspect_pages");
        int file = cols.indexOf(suspect ? "file_id" : "file");
        int page = cols.indexOf(suspect ? "page_id" : "page");
        int err = cols.indexOf(suspect ? "event_type" : "error");
        int text = cols.indexOf("messagetext");
        List<Message> out = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] v = split(lines[i], sep);
            PageId p = file >= 0 && page >= 0 && file < v.length && page < v.length ? page(v[file].trim(), v[page].trim()) : null;
            int e = 0;
            try {
                e = err >= 0 && err < v.length ? Integer.parseInt(v[err].trim()) : 0;
            } catch (NumberFormatException x) {
                e = 0;
            }
            String words = text >= 0 && text < v.length ? v[text].trim() : lines[i].trim();
            if (p == null || p.pageId() == 0 && !suspect) {
                // TABLERESULTS rows about no page carry page 0; their message may still name one
                Matcher m = PAGE.matcher(words);
                p = m.find() ? page(m.group(1), m.group(2)) : null;
            }
            if (p == null) {
                continue;
            }
            if (suspect) {
                words = "suspect_pages event_type " + e + " (" + SUSPECT.getOrDefault(e, "unknown") + "): " + lines[i].trim();
                e = -e; // event types are not error numbers
            }
            out.add(new Message(p, e, source, words, i + 1));
        }
        return out;
    }

    /** msdb.dbo.suspect_pages event_type ([DOC] "Manage the suspect_pages table"). */
    private static final Map<Integer, String> SUSPECT = new LinkedHashMap<>();
    static {
        SUSPECT.put(1, "823 error or an 824 error other than a bad checksum or torn page");
        SUSPECT.put(2, "bad checksum");
        SUSPECT.put(3, "torn page");
        SUSPECT.put(4, "restored");
        SUSPECT.put(5, "repaired");
        SUSPECT.put(7, "deallocated by DBCC");
    }

    /** Splits a CSV line, honouring double quotes. */
    private static String[] split(String line, String sep) {
        if (!sep.equals(",") || line.indexOf('"') < 0) {
            return line.split(Pattern.quote(sep), -1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (q && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    q = !q;
                }
            } else if (c == ',' && !q) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}

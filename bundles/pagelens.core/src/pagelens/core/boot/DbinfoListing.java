package pagelens.core.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pagelens.core.dbcc.DbccPageDump;

/**
 * Field/value pairs of {@code DBCC DBINFO WITH TABLERESULTS} (ParentObject, Object, Field, VALUE; tab- or
 * comma-separated as SSMS and sqlcmd export it) or of {@code DBCC PAGE(db, 1, 9, 3)} /
 * {@code DBCC DBINFO} text ({@code name = value} pairs, several per line).
 */
public final class DbinfoListing {
    /** One pair, in listing order. */
    public record Entry(String field, String value) {
    }

    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][\\w\\[\\]\\.]*)\\s=\\s(.*?)(?=\\s{2,}[A-Za-z_][\\w\\[\\]\\.]*\\s=\\s|$)");

    private final List<Entry> entries;

    private DbinfoListing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public String value(String field) {
        for (Entry e : entries) {
            if (e.field().equalsIgnoreCase(field)) {
                return e.value();
            }
        }
        return null;
    }

    public static DbinfoListing parse(Path path) throws IOException {
        if (Files.size(path) > (16 << 20)) {
            throw new IOException(path + ": too large for a DBCC DBINFO listing");
        }
        return parse(path.toString(), DbccPageDumpText.decode(Files.readAllBytes(path)));
    }

    public static DbinfoListing parse(String where, String text) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.contains("\t") ? line.split("\t", -1) : line.split(",", -1);
            if (cols.length >= 4 && cols[2].trim().matches("[A-Za-z_][\\w\\[\\]\\.]*") && !cols[2].trim().equalsIgnoreCase("Field")) {
                String v = String.join(cols.length > 4 ? (line.contains("\t") ? "\t" : ",") : "", java.util.Arrays.copyOfRange(cols, 3, cols.length)).trim();
                out.add(new Entry(cols[2].trim(), unquote(v)));
                continue;
            }
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("dbi_") || name.startsWith("Dbi_") || name.startsWith("m_")) {
                    out.add(new Entry(name, m.group(2).trim()));
                }
            }
        }
        if (out.stream().noneMatch(e -> e.field().equalsIgnoreCase("dbi_version"))) {
            throw new IOException(where + ": no dbi_version in this text: not DBCC DBINFO output, or a truncated listing");
        }
        return new DbinfoListing(out);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Text decoding shared with DBCC PAGE dumps (UTF-16 with BOM as SSMS saves, else Latin-1). */
    static final class DbccPageDumpText {
        private DbccPageDumpText() {
        }

        static String decode(byte[] raw) {
            return DbccPageDump.decodeText(raw);
        }
    }
}

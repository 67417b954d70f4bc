package pagelens.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary structure described once, as data: a TSV resource with one row per field (name, offset, size, type,
 * evidence, rule, source), like {@code boot-layouts.tsv} for the boot page. Decoders take their offsets from it,
 * structure trees list its fields with their evidence, and tests check the table is whole. Used for the page header,
 * the MTF descriptor block and stream headers and the In-Memory OLTP block header.
 */
public final class DeclaredLayout {

    /**
     * One field.
     *
     * @param name     field name as the format's sources call it
     * @param offset   offset from the start of the structure
     * @param size     bytes
     * @param type     u8, u16, u32, u64, i64, ascii4, pageid, lsn, bytes, ...
     * @param evidence how sure PageLens is of this field
     * @param rule     what a healthy structure holds there ("-" none)
     * @param source   where the fact comes from (a section of docs/formats.md or docs/xtp-evidence.md)
     */
    public record Field(String name, int offset, int size, String type, Evidence evidence, String rule, String source) {
    }

    private final String name;
    private final List<Field> fields;
    private final Map<String, Field> byName = new LinkedHashMap<>();

    private DeclaredLayout(String name, List<Field> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        fields.forEach(f -> byName.put(f.name(), f));
    }

    /** Loads {@code resource} next to {@code anchor}; a missing or malformed table is a build defect (thrown). */
    public static DeclaredLayout load(Class<?> anchor, String resource) {
        List<Field> f = new ArrayList<>();
        for (String[] c : rows(anchor, resource, 7)) {
            f.add(new Field(c[0], Integer.decode(c[1]), Integer.parseInt(c[2]), c[3], Evidence.valueOf(c[4]), c[5], c[6]));
        }
        return new DeclaredLayout(resource, f);
    }

    /**
     * The data rows of a TSV resource next to {@code anchor} (comment lines starting with '#', blank lines and the header
     * row skipped), each with exactly {@code columns} cells; a missing or malformed table is a build defect (thrown).
     */
    public static List<String[]> rows(Class<?> anchor, String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from " + anchor.getPackageName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != columns) {
                    throw new IllegalStateException(resource + ": a row needs " + columns + " columns: " + line);
                }
                out.add(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The table's resource name. */
    public String name() {
        return name;
    }

    /** Every field in table order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field called {@code n}; fails when the table has none (a typo is a bug, not a missing field). */
    public Field field(String n) {
        Field f = byName.get(n);
        if (f == null) {
            throw new IllegalArgumentException(name + " has no field " + n);
        }
        return f;
    }

    public int offset(String n) {
        return field(n).offset();
    }

    /** One past the last byte any field covers. */
    public int end() {
        return fields.stream().mapToInt(f -> f.offset() + f.size()).max().orElse(0);
    }
}

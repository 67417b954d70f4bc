package pagelens.core.specimen;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pagelens.core.catalog.BaseTables;
import pagelens.core.page.PageId;

/**
 * Encodes rows of the system base tables for specimens, from the same declared layouts the catalog reader decodes with
 * ({@code base-tables.tsv}): fixed columns at their packed offsets, a null bitmap over every column, the variable columns
 * with their end offsets (docs/catalog.md 4.1). The values are SYNTHETIC.
 */
final class CatalogRows {
    private CatalogRows() {
    }

    /** One FixedVar record of {@code table} with {@code values} by column name (absent = NULL). */
    static byte[] encode(BaseTables.Table table, Map<String, Object> values) {
        int fixedEnd = table.fixedEnd();
        List<BaseTables.Column> cols = table.columns();
        List<byte[]> vars = new ArrayList<>();
        for (BaseTables.Column c : cols) {
            if (!c.fixed()) {
                Object v = values.get(c.name());
                vars.add(v == null ? new byte[0] : bytes(c, v));
            }
        }
        int nbLen = (cols.size() + 7) / 8;
        int varArray = vars.isEmpty() ? 0 : 2 + 2 * vars.size();
        int varStart = fixedEnd + 2 + nbLen + varArray;
        int total = varStart + vars.stream().mapToInt(v -> v.length).sum();
        byte[] r = new byte[total];
        r[0] = (byte) (vars.isEmpty() ? 0x10 : 0x30);
        put(r, 2, fixedEnd, 2);
        put(r, fixedEnd, cols.size(), 2);
        for (BaseTables.Column c : cols) {
            Object v = values.get(c.name());
            if (v == null) {
                r[fixedEnd + 2 + (c.ordinal() - 1) / 8] |= (byte) (1 << ((c.ordinal() - 1) % 8));
            } else if (c.fixed()) {
                byte[] b = bytes(c, v);
                System.arraycopy(b, 0, r, c.leaf(), Math.min(b.length, c.size()));
            }
        }
        if (!vars.isEmpty()) {
            put(r, fixedEnd + 2 + nbLen, vars.size(), 2);
            int end = varStart;
            for (int k = 0; k < vars.size(); k++) {
                System.arraycopy(vars.get(k), 0, r, end, vars.get(k).length);
                end += vars.get(k).length;
                put(r, fixedEnd + 2 + nbLen + 2 + 2 * k, end, 2);
            }
        }
        return r;
    }

    private static byte[] bytes(BaseTables.Column c, Object v) {
        String type = c.type();
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof PageId p) {
            byte[] b = new byte[6];
            put(b, 0, p.pageId(), 4);
            put(b, 4, p.fileId(), 2);
            return b;
        }
        if (v instanceof LocalDateTime t) {
            LocalDateTime base = LocalDateTime.of(1900, 1, 1, 0, 0);
            long days = Duration.between(base, t.toLocalDate().atStartOfDay()).toDays();
            long ticks = Math.round(Duration.between(t.toLocalDate().atStartOfDay(), t).toMillis() * 0.3);
            byte[] b = new byte[8];
            put(b, 0, ticks, 4);
            put(b, 4, days, 4);
            return b;
        }
        if (v instanceof String s) {
            if (type.startsWith("char")) {
                byte[] b = new byte[c.size()];
                java.util.Arrays.fill(b, (byte) ' ');
                byte[] t = s.getBytes(Charset.forName("windows-1252"));
                System.arraycopy(t, 0, b, 0, Math.min(t.length, b.length));
                return b;
            }
            return s.getBytes(StandardCharsets.UTF_16LE);
        }
        long n = ((Number) v).longValue();
        byte[] b = new byte[c.size() > 0 ? c.size() : 8];
        put(b, 0, n, b.length);
        return b;
    }

    private static void put(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}

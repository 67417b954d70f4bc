package pagelens.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one text and JSON form of a decoded column value (pagelens.core.rows values), for the command line, the CSV and JSON
 * exports, the report and the workbench: numbers in plain notation (money with its 4 decimals), dates and times in ISO 8601
 * with the fraction SQL Server stores, bit as 1/0, binary as 0x hex, uniqueidentifier in upper case as SQL Server shows it.
 * NULL is null (the faces decide how to show it).
 */
public final class ValueText {
    private ValueText() {
    }

    /** The value as text, or null for NULL. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().withUpperCase().formatHex(b);
        }
        if (v instanceof java.util.UUID u) {
            return u.toString().toUpperCase(java.util.Locale.ROOT);
        }
        if (v instanceof LocalDateTime t) {
            return t.getNano() == 0 ? t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) : t.toString();
        }
        if (v instanceof LocalTime t) {
            return t.getNano() == 0 ? t.format(DateTimeFormatter.ofPattern("HH:mm:ss")) : t.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (v instanceof Float || v instanceof Double) {
            String t = v.toString();
            return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t; // 18.0 as SQL Server shows it: 18
        }
        return v.toString();
    }

    /** The value as JSON: numbers and booleans as JSON numbers and booleans, everything else as {@link #text}. */
    public static JsonNode json(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (v instanceof Integer i) {
            return f.numberNode(i);
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof Float x && Float.isFinite(x)) {
            return f.numberNode(x);
        }
        if (v instanceof Double x && Double.isFinite(x)) {
            return f.numberNode(x);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode(text(v));
    }
}

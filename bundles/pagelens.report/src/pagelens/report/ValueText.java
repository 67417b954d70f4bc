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
            return dateTime(t);
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

    /**
     * yyyy-MM-ddTHH:mm:ss with the fraction as LocalDateTime.toString gives it (3, 6 or 9 digits, none when zero), for years 0
     * to 9999 (SQL Server's range) written directly; other years through the JDK's formatter. (The JDK's own toString took 9 %
     * of a CSV export of 12 million rows.)
     */
    static String dateTime(LocalDateTime t) {
        int y = t.getYear();
        if (y < 0 || y > 9999) {
            String s = t.toString();
            return t.getSecond() == 0 && t.getNano() == 0 ? s + ":00" : s;
        }
        int nano = t.getNano();
        char[] c = new char[nano == 0 ? 19 : nano % 1_000_000 == 0 ? 23 : nano % 1000 == 0 ? 26 : 29];
        digits(c, 0, y, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        if (nano != 0) {
            c[19] = '.';
            int n = c.length - 20;
            digits(c, 20, n == 3 ? nano / 1_000_000 : n == 6 ? nano / 1000 : nano, n);
        }
        return new String(c);
    }

    private static void digits(char[] c, int at, int v, int n) {
        for (int i = at + n - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
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

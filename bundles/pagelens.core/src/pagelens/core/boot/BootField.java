package pagelens.core.boot;

import java.util.HexFormat;

/**
 * A decoded DBINFO field: its definition, raw bytes and value.
 *
 * @param def   the layout's definition (offset, size, type, category, evidence, source)
 * @param raw   the bytes
 * @param value the value as DBCC would print it
 */
public record BootField(FieldDef def, byte[] raw, String value) {

    public String name() {
        return def.name();
    }

    public int offset() {
        return def.offset();
    }

    public int size() {
        return def.size();
    }

    public String rawHex() {
        return HexFormat.of().formatHex(raw);
    }

    public boolean isZero() {
        for (byte x : raw) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}

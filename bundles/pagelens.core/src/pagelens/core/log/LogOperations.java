package pagelens.core.log;

import java.util.HashMap;
import java.util.Map;

import pagelens.core.DeclaredLayout;
import pagelens.core.Evidence;

/** The log record operations described once in {@code log-operations.tsv} (docs/log.md 7.1): name, evidence, source. */
public final class LogOperations {
    /** One operation code. */
    public record Operation(int code, String name, Evidence evidence, String source) {
    }

    private static final Map<Integer, Operation> BY_CODE = new HashMap<>();
    /** Names by code 0..255, worked out once (every code: the table's name or "op 0xNN"): a record listing asks per record. */
    private static final String[] NAMES = new String[256];

    static {
        for (String[] c : DeclaredLayout.rows(LogOperations.class, "log-operations.tsv", 4)) {
            Operation o = new Operation(Integer.decode(c[0]), c[1], Evidence.valueOf(c[2]), c[3]);
            BY_CODE.put(o.code(), o);
        }
        for (int i = 0; i < NAMES.length; i++) {
            Operation o = BY_CODE.get(i);
            NAMES[i] = o != null ? o.name() : String.format("op 0x%02X", i);
        }
    }

    private LogOperations() {
    }

    /** The operation of a code, or null when the table does not name it. */
    public static Operation of(int code) {
        return BY_CODE.get(code);
    }

    /** The name of a code, or "op 0xNN" when the table does not name it. */
    public static String name(int code) {
        if (code >= 0 && code < NAMES.length) {
            return NAMES[code];
        }
        Operation o = BY_CODE.get(code);
        return o != null ? o.name() : String.format("op 0x%02X", code & 0xFF);
    }
}

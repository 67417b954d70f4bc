package pagelens.core.log;

import java.util.ArrayList;
import java.util.List;

import pagelens.core.DeclaredLayout;
import pagelens.core.Evidence;
import pagelens.core.page.Bytes;

/**
 * The header fields of one log record (2005+ layout), described once in {@code log-record.tsv}: what the log editor shows
 * beside the record's bytes, each field with its offset, length and evidence level.
 */
public final class LogRecordFields {
    /** The record header layout. */
    public static final DeclaredLayout LAYOUT = DeclaredLayout.load(LogRecordFields.class, "log-record.tsv");

    /** One decoded field: record-relative offset and length, its value as text, how sure the layout is. */
    public record Field(String name, String value, int offset, int length, Evidence evidence, String meaning) {
    }

    private LogRecordFields() {
    }

    /**
     * The fields of a record's bytes (fixed up): the common header, then the page fields of a page operation, or the begin
     * or end time of a transaction record; only fields that lie inside the record.
     */
    public static List<Field> of(byte[] rec) {
        List<Field> out = new ArrayList<>();
        int op = rec.length > 0x16 ? rec[0x16] & 0xFF : -1;
        for (DeclaredLayout.Field f : LAYOUT.fields()) {
            String n = f.name();
            boolean applies = !n.contains(".") || n.startsWith("page.") && op >= 0 && op < 0x80 || n.startsWith("begin.") && op == 0x80
                    || n.startsWith("end.") && (op == 0x81 || op == 0x82);
            if (!applies || f.offset() + f.size() > rec.length) {
                continue;
            }
            out.add(new Field(n.contains(".") ? n.substring(n.indexOf('.') + 1) : n, value(rec, f), f.offset(), f.size(), f.evidence(), f.rule()));
        }
        return out;
    }

    private static String value(byte[] b, DeclaredLayout.Field f) {
        int at = f.offset();
        return switch (f.type()) {
            case "u8" -> f.name().equals("operation") ? LogOperations.name(b[at] & 0xFF) : String.format("0x%02X", b[at] & 0xFF);
            case "u16" -> Integer.toString(Bytes.u16(b, at));
            case "u32" -> Long.toString(Bytes.u32(b, at));
            case "u64" -> Long.toString(Bytes.i64(b, at));
            case "lsn" -> Lsn.read(b, at).toString();
            case "xact" -> LogFile.transactionText(Bytes.u32(b, at) | (long) Bytes.u16(b, at + 4) << 32);
            case "datetime" -> {
                java.time.LocalDateTime t = LogFile.datetime(b, at);
                yield t == null ? "(not a time)" : t.toString();
            }
            default -> throw new IllegalStateException("log-record.tsv: unknown type " + f.type());
        };
    }
}

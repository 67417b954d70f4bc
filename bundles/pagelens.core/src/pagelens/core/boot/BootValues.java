package pagelens.core.boot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;

import pagelens.core.page.Bytes;
import pagelens.core.page.Lsn;
import pagelens.core.page.PageId;

/** Turns DBINFO field bytes into the text DBCC would print (formats.md section 0 value types). */
public final class BootValues {
    private BootValues() {
    }

    public static String format(String type, byte[] b, int off, int size) {
        return switch (type) {
            case "u8" -> String.valueOf(Bytes.u8(b, off));
            case "u16" -> String.valueOf(Bytes.u16(b, off));
            case "u32" -> String.valueOf(Bytes.u32(b, off));
            case "u64" -> Long.toUnsignedString(Bytes.i64(b, off));
            case "hex16" -> String.format("0x%04X", Bytes.u16(b, off));
            case "hex32" -> String.format("0x%08X", Bytes.u32(b, off));
            case "lsn" -> Lsn.read(b, off).toString();
            case "pageid" -> "(" + PageId.read(b, off) + ")";
            case "guid" -> guid(b, off);
            case "datetime" -> datetime(b, off);
            case "nchar" -> nchar(b, off, size);
            case "recordheader" -> String.format("status A 0x%02X, status B 0x%02X, record length %d", Bytes.u8(b, off), Bytes.u8(b, off + 1),
                    Bytes.u16(b, off + 2));
            default -> HexFormat.of().formatHex(b, off, off + size);
        };
    }

    /** Microsoft mixed-endian GUID text. */
    public static String guid(byte[] b, int off) {
        return String.format("%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", Bytes.u32(b, off), Bytes.u16(b, off + 4),
                Bytes.u16(b, off + 6), b[off + 8] & 0xFF, b[off + 9] & 0xFF, b[off + 10] & 0xFF, b[off + 11] & 0xFF,
                b[off + 12] & 0xFF, b[off + 13] & 0xFF, b[off + 14] & 0xFF, b[off + 15] & 0xFF);
    }

    /** SQL datetime: int32 ticks of 1/300 s since midnight, then int32 days since 1900-01-01. */
    public static String datetime(byte[] b, int off) {
        long ticks = Bytes.i32(b, off);
        long days = Bytes.i32(b, off + 4);
        if (ticks == 0 && days == 0) {
            return "1900-01-01 00:00:00.000";
        }
        if (ticks < 0 || ticks > 300L * 86400 || days < -53690 || days > 2958463) {
            return "invalid datetime (" + days + " days, " + ticks + " ticks)";
        }
        long millis = Math.round(ticks * 10 / 3.0);
        LocalDateTime t = LocalDate.of(1900, 1, 1).plusDays(days).atStartOfDay().plusNanos(millis * 1_000_000);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%03d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    /** nchar: UTF-16LE, padded with 0x20 bytes (U+2020) or spaces, possibly NUL-terminated. */
    public static String nchar(byte[] b, int off, int size) {
        String s = new String(b, off, size, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\u2020' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }
}

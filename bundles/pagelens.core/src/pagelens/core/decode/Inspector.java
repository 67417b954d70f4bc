package pagelens.core.decode;

import pagelens.core.page.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.boot.BootValues;

/** What the bytes at an offset mean under each common interpretation (the data inspector). */
public final class Inspector {
    private Inspector() {
    }

    /** One interpretation: name and value, or "(past the end)". */
    public record Reading(String name, String value) {
    }

    public static List<Reading> read(byte[] b, int off) {
        List<Reading> out = new ArrayList<>();
        int left = b.length - off;
        out.add(new Reading("offset", String.format("0x%04X (%d)", off, off)));
        out.add(new Reading("u8 / i8", left >= 1 ? (b[off] & 0xFF) + " / " + b[off] : "-"));
        out.add(new Reading("u16 / i16", left >= 2 ? Bytes.u16(b, off) + " / " + (short) Bytes.u16(b, off) : "-"));
        out.add(new Reading("u32 / i32", left >= 4 ? Bytes.u32(b, off) + " / " + Bytes.i32(b, off) : "-"));
        out.add(new Reading("u64 / i64", left >= 8 ? Long.toUnsignedString(Bytes.i64(b, off)) + " / " + Bytes.i64(b, off) : "-"));
        out.add(new Reading("hex32", left >= 4 ? String.format("0x%08X", Bytes.u32(b, off)) : "-"));
        out.add(new Reading("LSN (u32:u32:u16)", left >= 10 ? Lsn.read(b, off).toString() : "-"));
        out.add(new Reading("page id (u32 page, u16 file)", left >= 6 ? "(" + PageId.read(b, off) + ")" : "-"));
        out.add(new Reading("datetime (ticks, days)", left >= 8 ? BootValues.datetime(b, off) : "-"));
        out.add(new Reading("GUID (mixed-endian)", left >= 16 ? BootValues.guid(b, off) : "-"));
        int n = Math.min(left / 2, 24);
        String utf16 = new String(b, off, n * 2, StandardCharsets.UTF_16LE).replaceAll("\\p{Cntrl}", ".");
        out.add(new Reading("UTF-16LE text", utf16));
        StringBuilder ascii = new StringBuilder();
        for (int i = off; i < Math.min(b.length, off + 24); i++) {
            int c = b[i] & 0xFF;
            ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        out.add(new Reading("ASCII text", ascii.toString()));
        return out;
    }
}

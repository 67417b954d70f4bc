package pagelens.core.boot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field-by-field differences between two boot pages, Hekaton changes first. */
public final class BootCompare {
    private BootCompare() {
    }

    /**
     * One difference.
     *
     * @param name     field name, or "bytes P+0x..." for bytes no field covers
     * @param offset   P+ offset
     * @param size     bytes
     * @param before   value in the first page (null when absent)
     * @param after    value in the second
     * @param hekaton  whether it is Hekaton state (a Dbi_hk* field or a byte of the Hekaton region)
     * @param category field category
     */
    public record Difference(String name, int offset, int size, String before, String after, boolean hekaton, String category) {
    }

    public static List<Difference> compare(BootPage a, BootPage b) {
        List<Difference> out = new ArrayList<>();
        Map<String, BootField> fb = new LinkedHashMap<>();
        b.fields().forEach(f -> fb.put(key(f), f));
        boolean[] fieldBytes = new boolean[8192];
        for (BootField f : a.fields()) {
            BootField g = fb.remove(key(f));
            for (int i = f.offset(); i < f.offset() + f.size(); i++) {
                fieldBytes[i] = true;
            }
            if (g == null) {
                out.add(new Difference(f.name(), f.offset(), f.size(), f.value(), null, f.def().isHekaton(), f.def().category()));
            } else if (!f.value().equals(g.value()) || !f.rawHex().equals(g.rawHex())) {
                out.add(new Difference(f.name(), f.offset(), f.size(), f.value(), g.value(), f.def().isHekaton(), f.def().category()));
            }
        }
        for (BootField g : fb.values()) {
            out.add(new Difference(g.name(), g.offset(), g.size(), null, g.value(), g.def().isHekaton(), g.def().category()));
            for (int i = g.offset(); i < g.offset() + g.size(); i++) {
                fieldBytes[i] = true;
            }
        }
        // bytes no field covers, in either record: runs of differing bytes
        int end = Math.max(0x60 + a.recordLength(), 0x60 + b.recordLength());
        int rs = Math.min(a.hekaton().regionStart() < 0 ? Integer.MAX_VALUE : a.hekaton().regionStart(),
                b.hekaton().regionStart() < 0 ? Integer.MAX_VALUE : b.hekaton().regionStart());
        int re = Math.max(a.hekaton().regionEnd(), b.hekaton().regionEnd());
        int i = 0x60;
        while (i < end) {
            if (fieldBytes[i] || byteAt(a, i) == byteAt(b, i)) {
                i++;
                continue;
            }
            int s = i;
            int last = i;
            // one run per cluster: differing bytes up to 8 equal bytes apart belong together (an LSN, a GUID)
            while (i < end && !fieldBytes[i] && i - last <= 8) {
                if (byteAt(a, i) != byteAt(b, i)) {
                    last = i;
                }
                i++;
            }
            i = last + 1;
            boolean hk = s < re && i > rs;
            out.add(new Difference(String.format("bytes P+0x%X..P+0x%X%s", s, i - 1, hk ? " (Hekaton region)" : " (no known field)"), s, i - s,
                    hex(a, s, i), hex(b, s, i), hk, hk ? "hekaton" : "unknown"));
        }
        out.sort(Comparator.comparing((Difference d) -> !d.hekaton()).thenComparingInt(Difference::offset));
        return out;
    }

    /** Unnamed fields share a name: the offset tells them apart. */
    private static String key(BootField f) {
        return f.name().startsWith("(") ? f.name() + "@" + f.offset() : f.name();
    }

    private static int byteAt(BootPage p, int i) {
        return i < 0x60 + p.recordLength() ? p.page()[i] & 0xFF : -1;
    }

    private static String hex(BootPage p, int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int i = s; i < e; i++) {
            int v = byteAt(p, i);
            sb.append(v < 0 ? "--" : String.format("%02x", v));
        }
        return sb.toString();
    }
}

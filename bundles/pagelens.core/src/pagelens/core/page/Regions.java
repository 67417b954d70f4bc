package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Which region each byte of a page belongs to (header, record n, slot array, free space, torn-bit
 * bytes), from a page's {@link PageStructure} tree. Views colour bytes by {@link #kind(int)}.
 */
public final class Regions {

    /** What a byte belongs to (surfaces choose how to show each kind). */
    public enum Kind {
        HEADER, RECORD, SLOT_ARRAY, FREE_SPACE, TORN_BITS, OTHER
    }

    private final Kind[] kinds = new Kind[Page.SIZE];
    private final String[] names = new String[Page.SIZE];
    /** For record bytes: the record's ordinal on the page (0, 1, 2, ...), else -1. */
    private final int[] ordinals = new int[Page.SIZE];

    private Regions() {
    }

    public static Regions of(Node tree, boolean tornEncoded) {
        Regions r = new Regions();
        java.util.Arrays.fill(r.ordinals, -1);
        for (Node n : tree.children()) {
            switch (n.role()) {
                case RECORDS -> {
                    int i = 0;
                    for (Node rec : n.children()) {
                        if (rec.length() > 0 && rec.role() == Node.Role.RECORD) {
                            r.fill(rec.offset(), rec.length(), Kind.RECORD, rec.name());
                            for (int k = Math.max(0, rec.offset()); k < Math.min(Page.SIZE, rec.offset() + rec.length()); k++) {
                                r.ordinals[k] = i;
                            }
                            i++;
                        }
                    }
                }
                case SLOT_ARRAY -> r.fill(n.offset(), n.length(), Kind.SLOT_ARRAY, n.name());
                case FREE_SPACE -> r.fill(n.offset(), n.length(), Kind.FREE_SPACE, n.name());
                default -> {
                }
            }
        }
        r.fill(0, Page.HEADER_SIZE, Kind.HEADER, "header");
        if (tornEncoded) {
            for (int k = 1; k < Page.SECTORS; k++) {
                int i = k * Page.SECTOR_SIZE + Page.SECTOR_SIZE - 1;
                r.kinds[i] = Kind.TORN_BITS;
                r.names[i] = "torn-page bits of sector " + k;
            }
        }
        for (int i = 0; i < Page.SIZE; i++) {
            if (r.kinds[i] == null) {
                r.kinds[i] = Kind.OTHER;
                r.names[i] = "";
            }
        }
        return r;
    }

    private void fill(int from, int len, Kind kind, String name) {
        for (int i = Math.max(0, from); i < Math.min(Page.SIZE, from + len); i++) {
            kinds[i] = kind;
            names[i] = name;
        }
    }

    public Kind kind(int offset) {
        return kinds[offset];
    }

    public String name(int offset) {
        return names[offset];
    }

    /** The ordinal of the record the byte belongs to (views alternate record shades by it), or -1. */
    public int recordOrdinal(int offset) {
        return ordinals[offset];
    }

    /** The deepest nodes of {@code tree} whose byte range holds {@code offset}, outermost first. */
    public static List<Node> path(Node tree, int offset) {
        List<Node> out = new ArrayList<>();
        Node cur = tree;
        out.add(cur);
        while (true) {
            Node next = null;
            for (Node c : cur.children()) {
                if (c.length() > 0 && offset >= c.offset() && offset < c.offset() + c.length() && !c.name().equals("verification")) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return out;
            }
            out.add(next);
            cur = next;
        }
    }
}

package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Which region each byte of a page belongs to (header, record n, slot array, free space, torn-bit
 * bytes), from a page's {@link PageStructure} tree. Views colour bytes by {@link #kind(int)}.
 */
public final class Regions {

    /** Region kinds, for colouring. */
    public enum Kind {
        HEADER, RECORD_EVEN, RECORD_ODD, SLOT_ARRAY, FREE_SPACE, TORN_BITS, OTHER
    }

    private final Kind[] kinds = new Kind[Page.SIZE];
    private final String[] names = new String[Page.SIZE];

    private Regions() {
    }

    public static Regions of(Node tree, boolean tornEncoded) {
        Regions r = new Regions();
        for (Node n : tree.children()) {
            switch (n.name()) {
                case "records" -> {
                    int i = 0;
                    for (Node rec : n.children()) {
                        if (rec.length() > 0 && rec.name().endsWith("record")) {
                            r.fill(rec.offset(), rec.length(), (i++ % 2 == 0) ? Kind.RECORD_EVEN : Kind.RECORD_ODD, rec.name().replace(" record", ""));
                        }
                    }
                }
                case "slot array" -> r.fill(n.offset(), n.length(), Kind.SLOT_ARRAY, "slot array");
                case "free space" -> r.fill(n.offset(), n.length(), Kind.FREE_SPACE, "free space");
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

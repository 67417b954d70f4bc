package pagelens.core.page;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a decoded structure, linked to its bytes: name, value, page offset and length (length 0
 * for a node that only groups others). Views (the outline, {@code pagelens page --struct}) render it.
 */
public record Node(String name, String value, int offset, int length, List<Node> children, Role role) {

    /** What a node is in a page, typed (surfaces name and colour it; nothing keys on the display name). */
    public enum Role {
        NONE, HEADER, RECORDS, RECORD, SLOT_ARRAY, FREE_SPACE
    }

    public Node {
        children = List.copyOf(children);
        role = role == null ? Role.NONE : role;
    }

    public Node(String name, String value, int offset, int length, List<Node> children) {
        this(name, value, offset, length, children, Role.NONE);
    }

    public static Node leaf(String name, String value, int offset, int length) {
        return new Node(name, value, offset, length, List.of());
    }

    /** A mutable builder for a group. */
    public static final class Group {
        private final String name;
        private final String value;
        private final int offset;
        private final int length;
        private final List<Node> children = new ArrayList<>();
        private Role role = Role.NONE;

        public Group(String name, String value, int offset, int length) {
            this.name = name;
            this.value = value;
            this.offset = offset;
            this.length = length;
        }

        /** Sets what this group is in the page. */
        public Group role(Role r) {
            role = r;
            return this;
        }

        public Group add(Node n) {
            children.add(n);
            return this;
        }

        public Group leaf(String name, String value, int offset, int length) {
            return add(Node.leaf(name, value, offset, length));
        }

        public Node build() {
            return new Node(name, value, offset, length, children, role);
        }
    }

    /** Appends an indented text rendering ({@code offset length name = value}). */
    public void render(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
        if (length > 0) {
            sb.append(String.format("[%04X +%d] ", offset, length));
        }
        sb.append(name);
        if (value != null && !value.isEmpty()) {
            sb.append(" = ").append(value);
        }
        sb.append('\n');
        for (Node c : children) {
            c.render(sb, depth + 1);
        }
    }
}

package dev.plimsoll.policies.yaml;

/**
 * A node of a parsed YAML or JSON document that knows where it was written and where it sits in its document.
 *
 * <p>Nodes are immutable once their document is built; each has exactly one parent (aliases are expanded into copies
 * that keep the position of the anchored original), so {@link #pointer()} is always the node's own path.
 */
public abstract sealed class Node permits MappingNode, SequenceNode, ScalarNode {

    // Line and column are kept as ints rather than a Position: a large manifest set holds millions of nodes. Both are 0
    // in a node read from a JSON tree rather than from text (WrittenPositions): its position is looked up when asked.
    private final int line;
    private final int column;
    private Node parent;
    /** The key in the parent mapping; {@code null} in a sequence, where {@link #index} says where. */
    private String key;

    private int index;

    Node(Position position) {
        this.line = position.line();
        this.column = position.column();
    }

    /** A node whose position is looked up in its document's text when asked (see {@link WrittenPositions}). */
    Node() {
        this.line = 0;
        this.column = 0;
    }

    /** Where the node starts in its source file. */
    public final Position position() {
        return line > 0 ? new Position(line, column) : WrittenPositions.of(this);
    }

    /** The 1-based line the node starts on. */
    public final int line() {
        return line > 0 ? line : position().line();
    }

    /** The 1-based column the node starts at. */
    public final int column() {
        return column > 0 ? column : position().column();
    }

    /** The key this node is under in its parent mapping, or {@code null}. */
    final String keyInParent() {
        return key;
    }

    /** The index of this node in its parent sequence (meaningless under a mapping). */
    final int indexInParent() {
        return index;
    }

    /** The enclosing mapping or sequence, or {@code null} for a document root. */
    public final Node parent() {
        return parent;
    }

    /** The RFC 6901 JSON pointer of this node within its document, {@code ""} for the root. */
    public final String pointer() {
        if (parent == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        appendPointer(out);
        return out.toString();
    }

    private void appendPointer(StringBuilder out) {
        if (parent == null) {
            return;
        }
        parent.appendPointer(out);
        out.append('/');
        if (key == null) {
            out.append(index);
        } else {
            out.append(key.replace("~", "~0").replace("/", "~1"));
        }
    }

    final void attach(MappingNode parent, String key) {
        attach(parent);
        this.key = key;
    }

    final void attach(SequenceNode parent, int index) {
        attach(parent);
        this.index = index;
    }

    private void attach(Node newParent) {
        if (this.parent != null) {
            throw new IllegalStateException("node already attached at " + pointer());
        }
        this.parent = newParent;
    }

    /** A copy of this subtree, detached, keeping every position; used to expand aliases. */
    public abstract Node copy();

    /** The number of nodes in this subtree, this one included. */
    public abstract int size();

    public final boolean isMapping() {
        return this instanceof MappingNode;
    }

    public final boolean isSequence() {
        return this instanceof SequenceNode;
    }

    public final boolean isScalar() {
        return this instanceof ScalarNode;
    }

    /** True for an explicit or implicit YAML null ({@code ~}, {@code null}, nothing). */
    public boolean isNull() {
        return false;
    }
}

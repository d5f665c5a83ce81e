package dev.plimsoll.policies.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sequence, in source order. */
public final class SequenceNode extends Node {

    private final List<Node> items = new ArrayList<>();
    /** Set on the root of a document read from a JSON tree, else {@code null}. */
    final WrittenPositions positions;

    public SequenceNode(Position position) {
        super(position);
        this.positions = null;
    }

    /**
     * A node read from a JSON tree, positioned when asked: by {@code positions} on a document root, by its root's
     * otherwise ({@code null}).
     */
    SequenceNode(WrittenPositions positions) {
        this.positions = positions;
    }

    public void add(Node item) {
        item.attach(this, items.size());
        items.add(item);
    }

    public List<Node> items() {
        return Collections.unmodifiableList(items);
    }

    /** The items that are mappings, in order; others are skipped. */
    public List<MappingNode> mappings() {
        List<MappingNode> out = new ArrayList<>(items.size());
        for (Node item : items) {
            if (item instanceof MappingNode mapping) {
                out.add(mapping);
            }
        }
        return out;
    }

    public int length() {
        return items.size();
    }

    @Override
    public SequenceNode copy() {
        SequenceNode copy = new SequenceNode(position());
        for (Node item : items) {
            copy.add(item.copy());
        }
        return copy;
    }

    @Override
    public int size() {
        int size = 1;
        for (Node item : items) {
            size += item.size();
        }
        return size;
    }
}

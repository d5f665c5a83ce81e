package dev.plimsoll.policies.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping whose keys are strings (as Kubernetes objects require), in source order. */
public final class MappingNode extends Node {

    /** One key/value pair; the key node keeps the key's own position. */
    public record Entry(ScalarNode key, Node value) {}

    /** Above this many entries, lookups go through a hash index; below it a scan is cheaper in time and memory. */
    private static final int INDEX_THRESHOLD = 8;

    private final List<Entry> entries = new ArrayList<>(4);
    private Map<String, Entry> byKey;
    /** Set on the root of a document read from a JSON tree, else {@code null}. */
    final WrittenPositions positions;

    public MappingNode(Position position) {
        super(position);
        this.positions = null;
    }

    /**
     * A node read from a JSON tree, positioned when asked: by {@code positions} on a document root, by its root's
     * otherwise ({@code null}).
     */
    MappingNode(WrittenPositions positions) {
        this.positions = positions;
    }

    /**
     * Adds an entry; a later entry with the same key replaces the earlier one (the caller reports the duplicate).
     */
    public void put(ScalarNode key, Node value) {
        Entry entry = new Entry(key, value);
        Entry previous = entry(key.value());
        if (previous != null) {
            entries.remove(previous);
        }
        entries.add(entry);
        if (byKey != null) {
            byKey.put(key.value(), entry);
        } else if (entries.size() > INDEX_THRESHOLD) {
            byKey = new HashMap<>();
            for (Entry each : entries) {
                byKey.put(each.key().value(), each);
            }
        }
        key.attach(this, key.value());
        value.attach(this, key.value());
    }

    private Entry entry(String key) {
        if (byKey != null) {
            return byKey.get(key);
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.key().value().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    /** The value under {@code key}, or {@code null}. */
    public Node get(String key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.value();
    }

    /** The key node of {@code key}, or {@code null}; findings about a key point here. */
    public ScalarNode key(String key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.key();
    }

    public Optional<MappingNode> mapping(String key) {
        return get(key) instanceof MappingNode mapping ? Optional.of(mapping) : Optional.empty();
    }

    public Optional<SequenceNode> sequence(String key) {
        return get(key) instanceof SequenceNode sequence ? Optional.of(sequence) : Optional.empty();
    }

    public Optional<ScalarNode> scalar(String key) {
        return get(key) instanceof ScalarNode scalar && !scalar.isNull() ? Optional.of(scalar) : Optional.empty();
    }

    /** The text of a non-null scalar under {@code key}. */
    public Optional<String> string(String key) {
        return scalar(key).map(ScalarNode::value);
    }

    /** Follows a path of mapping keys; empty when any step is missing or not a mapping. */
    public Optional<Node> path(String... keys) {
        Node current = this;
        for (String key : keys) {
            if (!(current instanceof MappingNode mapping) || (current = mapping.get(key)) == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The string values of a mapping of strings (labels, annotations); non-scalar values are left out. */
    public Map<String, String> stringMap(String key) {
        Optional<MappingNode> mapping = mapping(key);
        if (mapping.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry entry : mapping.get().entries) {
            if (entry.value() instanceof ScalarNode scalar && !scalar.isNull()) {
                out.put(entry.key().value(), scalar.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public int length() {
        return entries.size();
    }

    @Override
    public MappingNode copy() {
        MappingNode copy = new MappingNode(position());
        for (Entry entry : entries) {
            copy.put(entry.key().copy(), entry.value().copy());
        }
        return copy;
    }

    @Override
    public int size() {
        int size = 1;
        for (Entry entry : entries) {
            size += 1 + entry.value().size();
        }
        return size;
    }
}

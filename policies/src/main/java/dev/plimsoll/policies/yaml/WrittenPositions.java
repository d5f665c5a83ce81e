package dev.plimsoll.policies.yaml;

/**
 * The positions of a document that {@link CanonicalYaml#readWritten} built from a JSON tree instead of parsing its
 * text. The text is parsed only when a position is first asked for (usually because a rule reports a finding there);
 * a node's position is then its counterpart's in the parsed document, found by the node's path. Thread-safe: rules ask
 * from several threads.
 */
final class WrittenPositions {

    private final byte[] text;
    private volatile Node parsed;
    private volatile boolean unreadable;

    WrittenPositions(byte[] text) {
        this.text = text;
    }

    /** The position of {@code node}, a node of a document read from a JSON tree. */
    static Position of(Node node) {
        if (node.parent() == null) {
            // The text starts with the document (write prints no "---" before it); skipped objects point here.
            return Position.START;
        }
        Node root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        WrittenPositions positions = root instanceof MappingNode mapping
                ? mapping.positions
                : root instanceof SequenceNode sequence ? sequence.positions : null;
        return positions == null ? Position.START : positions.find(node);
    }

    /** The position of {@code node}'s counterpart, or of its nearest ancestor that has one. */
    private Position find(Node node) {
        for (Node at = node; at != null; at = at.parent()) {
            Node counterpart = counterpart(at);
            if (counterpart != null) {
                return counterpart.position();
            }
        }
        return Position.START;
    }

    private Node counterpart(Node node) {
        Node parent = node.parent();
        if (parent == null) {
            return parsedRoot();
        }
        Node parentCounterpart = counterpart(parent);
        if (parent instanceof MappingNode mapping) {
            String key = node.keyInParent();
            if (!(parentCounterpart instanceof MappingNode parsedMapping)) {
                return null;
            }
            // A key node and its value share a path; the key is the one the mapping holds as a key.
            return mapping.key(key) == node ? parsedMapping.key(key) : parsedMapping.get(key);
        }
        int index = node.indexInParent();
        return parentCounterpart instanceof SequenceNode parsedSequence && index < parsedSequence.length()
                ? parsedSequence.items().get(index)
                : null;
    }

    private Node parsedRoot() {
        Node root = parsed;
        if (root != null || unreadable) {
            return root;
        }
        synchronized (this) {
            if (parsed == null && !unreadable) {
                YamlReader.Result result = new YamlReader().read(text);
                if (result.documents().isEmpty() || result.documents().get(0).root() == null) {
                    unreadable = true;
                } else {
                    parsed = result.documents().get(0).root();
                }
            }
            return parsed;
        }
    }
}

package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;

/** Where rule findings point inside a document. */
final class Nodes {

    private Nodes() {}

    /**
     * The field at {@code path} under {@code parent}, or the deepest field on the way to it that exists (the parent
     * that should hold a missing field). A scalar field is its value; a mapping or sequence field is its key, the line
     * that names it, since a block collection itself starts on the line below.
     */
    static Node at(MappingNode parent, String... path) {
        Node found = parent;
        MappingNode current = parent;
        for (String key : path) {
            Node value = current.get(key);
            if (value == null) {
                return found;
            }
            found = value instanceof ScalarNode scalar && !scalar.isNull() ? value : current.key(key);
            if (!(value instanceof MappingNode next)) {
                return found;
            }
            current = next;
        }
        return found;
    }
}

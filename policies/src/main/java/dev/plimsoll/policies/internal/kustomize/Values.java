package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.CanonicalYaml;
import dev.plimsoll.policies.yaml.Node;

/** Value equality of built trees, as their JSON forms compare. */
final class Values {

    private Values() {}

    static boolean equal(KNode a, KNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return json(a).equals(json(b));
    }

    /**
     * A node's text as kyaml's {@code RNode.String()} trimmed gives it for matching: a scalar's text, a collection's
     * YAML (not needed for the matches Kustomize makes on scalars).
     */
    static String text(KNode node) {
        return node instanceof KScalar scalar ? scalar.value : json(node).toString();
    }

    static com.fasterxml.jackson.databind.JsonNode json(KNode node) {
        Node converted = Trees.toNode(node, node.file, Trees.newFileMap());
        return CanonicalYaml.toJson(converted);
    }
}

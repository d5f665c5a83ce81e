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

    static com.fasterxml.jackson.databind.JsonNode json(KNode node) {
        Node converted = Trees.toNode(node, node.file, Trees.newFileMap());
        return CanonicalYaml.toJson(converted);
    }
}

package dev.plimsoll.policies.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Writes Kubernetes objects as YAML byte-for-byte the way {@code kubectl kustomize} prints them: map keys sorted,
 * sequences not indented under their key, kustomize's scalar quoting and block styles, LF, documents joined by {@code
 * ---}. Emission is SnakeYAML's; this class only chooses styles and order.
 */
public final class CanonicalYaml {

    private CanonicalYaml() {}

    /** One document, ending with a single newline. */
    public static String write(JsonNode document) {
        throw new UnsupportedOperationException("canonical YAML is not built yet: " + document);
    }

    /** Several documents separated by {@code ---} lines, as a kustomize build prints a stream. */
    public static String writeAll(List<JsonNode> documents) {
        throw new UnsupportedOperationException("canonical YAML is not built yet: " + documents);
    }

    /** Our positioned node tree as a Jackson tree, keeping scalar types as the API server reads them. */
    public static JsonNode toJson(Node node) {
        throw new UnsupportedOperationException("canonical YAML is not built yet: " + node);
    }
}

package dev.plimsoll.policies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An input held in memory rather than on disk (stdin, a generated manifest, a test document). {@code name} stands for
 * the file in findings.
 *
 * @param document the one document {@code content} holds, as a JSON tree, when the caller wrote {@code content} from it
 *     with {@link CanonicalYaml#write}; the linter then reads the tree and parses {@code content} only to place a
 *     finding (see {@link CanonicalYaml#readWritten}). {@code null} otherwise: {@code content} is parsed.
 */
public record Source(String name, byte[] content, JsonNode document) {

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public Source(String name, byte[] content) {
        this(name, content, null);
    }

    /** A manifest the caller holds as a JSON tree, written as {@code kubectl kustomize} prints it. */
    public static Source ofDocument(String name, JsonNode document) {
        return new Source(name, CanonicalYaml.write(document).getBytes(StandardCharsets.UTF_8), document);
    }

    public static Source of(String name, String text) {
        return new Source(name, text.getBytes(StandardCharsets.UTF_8));
    }
}

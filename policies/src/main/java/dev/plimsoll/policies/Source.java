package dev.plimsoll.policies;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An input held in memory rather than on disk (stdin, a generated manifest, a test document). {@code name} stands for
 * the file in findings.
 */
public record Source(String name, byte[] content) {

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public static Source of(String name, String text) {
        return new Source(name, text.getBytes(StandardCharsets.UTF_8));
    }
}

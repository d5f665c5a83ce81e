package dev.plimsoll.policies.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.Source;
import java.nio.file.Path;

/**
 * One file or in-memory source to read.
 *
 * @param file the name findings show: relative to the lint root and {@code /}-separated, or the source's name
 * @param path the file on disk (absolute, normalized), or {@code null} for an in-memory source
 * @param content the bytes of an in-memory source, or {@code null} for a file
 * @param size the file's size as listed, the source's length, or -1 when unknown (not a regular file)
 * @param environment the environment the input belongs to, or {@code null}
 * @param document what {@code content} reads as, when the source came with it ({@link Source#document()})
 */
record Input(String file, Path path, byte[] content, long size, String environment, JsonNode document) {

    static Input ofFile(String file, Path path, long size, String environment) {
        return new Input(file, path, null, size, environment, null);
    }

    static Input ofSource(Source source, String environment) {
        return new Input(
                source.name(), null, source.content(), source.content().length, environment, source.document());
    }

    /** The last segment of {@link #file()}. */
    String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}

package dev.plimsoll.generator.internal.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.generator.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code .plimsoll/generated.json}: the files the generator wrote, path → SHA-256 of the bytes. A file is the
 * generator's to overwrite or prune only if it is listed here.
 */
final class OwnershipIndex {

    static final String PATH = ".plimsoll/generated.json";
    private static final int VERSION = 1;

    private final SortedMap<String, String> files;

    OwnershipIndex(Map<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    SortedMap<String, String> files() {
        return files;
    }

    boolean owns(String path) {
        return files.containsKey(path);
    }

    /** The index under {@code root}; empty when there is none yet. */
    static OwnershipIndex read(Path root) throws IOException {
        Path file = root.resolve(PATH);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new OwnershipIndex(Map.of());
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(PATH + " is not valid JSON (" + e.getOriginalMessage()
                    + "); restore it from version control, or delete it and move the generated files away");
        }
        if (json == null
                || json.path("version").asInt() != VERSION
                || !json.path("files").isObject()) {
            throw new IOException(PATH + " is not a plimsoll ownership index (version " + VERSION + ")");
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : json.get("files").properties()) {
            files.put(field.getKey(), field.getValue().asText());
        }
        return new OwnershipIndex(files);
    }

    /** Pretty JSON with sorted paths and a trailing newline, so that the index diffs well in review. */
    byte[] bytes() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("version", VERSION);
        ObjectNode entries = json.putObject("files");
        files.forEach(entries::put);
        try {
            String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
            return (text.replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.plimsoll.generator.internal.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The generated tree before serialization: relative path → the one YAML document of that file. */
public final class Layout {

    private final SortedMap<String, JsonNode> files = new TreeMap<>();

    void put(String path, JsonNode document) {
        if (files.putIfAbsent(path, document) != null) {
            throw new IllegalStateException("two documents for " + path);
        }
    }

    public SortedMap<String, JsonNode> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}

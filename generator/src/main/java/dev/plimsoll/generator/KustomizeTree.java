package dev.plimsoll.generator;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated files, in memory: path relative to the output directory ({@code /}-separated) → bytes (UTF-8 YAML,
 * LF, one trailing newline). Paths lie under the output roots {@code base/}, {@code overlays/} and, when hydrating,
 * {@code rendered/}.
 */
public final class KustomizeTree {

    /** The directories the generator writes and prunes; nothing outside them is ever touched. */
    public static final List<String> ROOTS = List.of("base", "overlays", "rendered");

    private final SortedMap<String, byte[]> files;

    public KustomizeTree(SortedMap<String, byte[]> files) {
        for (String path : files.keySet()) {
            if (!underRoots(path)) {
                throw new IllegalArgumentException("not under an output root: " + path);
            }
        }
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** True when {@code path} is a plain relative path inside one of the {@link #ROOTS}. */
    public static boolean underRoots(String path) {
        if (path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return ROOTS.stream().anyMatch(root -> path.startsWith(root + "/"));
    }

    /** Every file, sorted by path. The arrays are the tree's own: do not modify them. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }
}

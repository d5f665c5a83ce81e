package dev.plimsoll.generator;

import java.util.List;

/**
 * Files that the generator would write already exist but were not written by it (they are not in its ownership index):
 * hand-written files are never overwritten. Nothing was written.
 */
public final class UnownedFileException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> paths;

    public UnownedFileException(List<String> paths) {
        super("refusing to overwrite " + paths.size() + " file(s) that plimsoll did not generate: "
                + String.join(", ", paths) + " (move them away, or delete them if they are stale)");
        this.paths = List.copyOf(paths);
    }

    /** The files in the way, relative to the output directory. */
    public List<String> paths() {
        return paths;
    }
}

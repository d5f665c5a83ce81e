package dev.plimsoll.generator;

import java.util.List;

/**
 * What {@link Generator#write} did, paths relative to the output directory: files written (created or changed), files
 * already current, and owned files pruned because the render no longer produces them.
 */
public record WriteResult(List<String> written, List<String> unchanged, List<String> pruned) {

    public WriteResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        pruned = List.copyOf(pruned);
    }
}

package dev.plimsoll.policies;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a finding points: a file relative to the lint root ({@code /}-separated), a 1-based line and column, and the
 * RFC 6901 JSON pointer of the node inside its document ({@code ""} for the document or the whole file).
 */
public record Location(String file, int line, int column, String pointer) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column)
            .thenComparing(Location::pointer);

    public Location {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public static Location ofFile(String file) {
        return new Location(file, 1, 1, "");
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

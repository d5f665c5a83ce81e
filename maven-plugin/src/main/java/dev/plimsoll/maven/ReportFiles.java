package dev.plimsoll.maven;

import dev.plimsoll.policies.report.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files of the {@code lint} goal: which formats, and the file name each is written to. */
final class ReportFiles {

    private ReportFiles() {}

    /** The file a format is written to, in the report directory. */
    static String fileName(Format format) {
        return switch (format) {
            case TEXT -> "plimsoll.txt";
            case JSON -> "plimsoll.json";
            case SARIF -> "plimsoll.sarif";
            // The name CI test dashboards look for by default (Surefire's convention).
            case JUNIT -> "TEST-plimsoll.xml";
            case GITHUB -> "plimsoll.github.txt";
        };
    }

    /**
     * Reads format ids (case does not matter; blanks are ignored; duplicates count once).
     *
     * @throws IllegalArgumentException naming the first unknown id and the accepted ones
     */
    static List<Format> parse(List<String> ids) {
        Set<Format> formats = new LinkedHashSet<>();
        for (String id : ids) {
            String trimmed = id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            formats.add(Arrays.stream(Format.values())
                    .filter(format -> format.id().equals(trimmed.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + trimmed + "' is not a format (expected "
                            + Arrays.stream(Format.values()).map(Format::id).collect(Collectors.joining(", "))
                            + ")")));
        }
        return new ArrayList<>(formats);
    }
}

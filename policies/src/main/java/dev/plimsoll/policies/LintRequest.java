package dev.plimsoll.policies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to lint: files and directories on disk (directories recursively: {@code *.yaml}, {@code *.yml}, {@code
 * *.json}) and in-memory sources. Paths in findings are relative to {@code root}. {@code environment}, when set,
 * overrides the config's path-to-environment mapping for every input.
 */
public record LintRequest(Path root, List<Path> paths, List<Source> sources, String environment) {

    public LintRequest {
        Objects.requireNonNull(root, "root");
        paths = List.copyOf(paths);
        sources = List.copyOf(sources);
    }

    /** Lints {@code paths} (relative ones are resolved against {@code root}). */
    public static LintRequest of(Path root, Path... paths) {
        return new LintRequest(root, List.of(paths), List.of(), null);
    }

    /** Lints in-memory sources only, with findings relative to the working directory. */
    public static LintRequest ofSources(List<Source> sources) {
        return new LintRequest(Path.of(""), List.of(), sources, null);
    }

    public LintRequest withEnvironment(String newEnvironment) {
        return new LintRequest(root, paths, sources, newEnvironment);
    }

    public LintRequest withSources(List<Source> more) {
        List<Source> all = new ArrayList<>(sources);
        all.addAll(more);
        return new LintRequest(root, paths, all, environment);
    }
}

package dev.plimsoll.generator;

import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hydrated output of a generated tree on disk ({@code rendered/<env>/}, written when {@link
 * Generator.Builder#hydrate(boolean)} is on) as lint input: each environment's directory is linted as that environment,
 * so per-environment rule levels apply and no rule sees two environments' objects together — the way {@link
 * Generator} lints the same objects in memory.
 *
 * <pre>{@code
 * Report report = HydratedOutput.lint(linter, Path.of("."), Path.of("."), List.of());   // every environment
 * }</pre>
 */
public final class HydratedOutput {

    /** The directory, under the output directory, that holds one directory per environment. */
    public static final String ROOT = "rendered";

    private HydratedOutput() {}

    /** The environments that have hydrated output under {@code outputDirectory}, sorted; empty when there is none. */
    public static List<String> environments(Path outputDirectory) throws IOException {
        Path root = outputDirectory.resolve(ROOT);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(child -> child.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** The directory that holds {@code environment}'s hydrated objects. */
    public static Path directory(Path outputDirectory, String environment) {
        return outputDirectory.resolve(ROOT).resolve(environment);
    }

    /**
     * Lints the hydrated output of {@code environments} (all of them when empty) under {@code outputDirectory}, each
     * as its environment, into one report; paths in findings are relative to {@code root}.
     *
     * @throws IllegalArgumentException when a named environment has no hydrated output
     */
    public static Report lint(Linter linter, Path root, Path outputDirectory, List<String> environments)
            throws IOException {
        List<String> available = environments(outputDirectory);
        List<String> selected = environments.isEmpty() ? available : environments;
        List<String> missing =
                selected.stream().filter(env -> !available.contains(env)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no hydrated output for " + String.join(", ", missing) + " in "
                    + outputDirectory.resolve(ROOT) + " (it has: "
                    + (available.isEmpty() ? "nothing" : String.join(", ", available)) + ")");
        }
        List<Report> parts = new ArrayList<>();
        for (String environment : selected) {
            parts.add(linter.lint(LintRequest.of(root, directory(outputDirectory, environment))
                    .withEnvironment(environment)));
        }
        return parts.isEmpty() ? linter.lint(LintRequest.ofSources(List.of())) : Reports.concat(parts);
    }
}

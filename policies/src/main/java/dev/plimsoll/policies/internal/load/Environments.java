package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which environment an input belongs to: the request's override when set, else the first configured
 * environment with a {@link PathGlob} matching the input's path (an in-memory source's name), else none.
 */
final class Environments {

    private record Compiled(String name, List<PathGlob> globs) {}

    private final String override;
    private final List<Compiled> environments = new ArrayList<>();

    Environments(List<EnvironmentConfig> configs, String override) {
        this.override = override;
        for (EnvironmentConfig config : configs) {
            environments.add(new Compiled(
                    config.name(),
                    config.paths().stream().map(PathGlob::compile).toList()));
        }
    }

    /** The environment of the input shown as {@code file}, or {@code null}. */
    String of(String file) {
        if (override != null) {
            return override;
        }
        for (Compiled environment : environments) {
            for (PathGlob glob : environment.globs()) {
                if (glob.matches(file)) {
                    return environment.name();
                }
            }
        }
        return null;
    }
}

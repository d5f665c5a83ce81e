package dev.plimsoll.policies.config;

import java.util.List;
import java.util.Map;

/**
 * One entry under {@code environments:}: the environment's name, the path globs (relative to the lint root, {@code
 * **} spans directories) whose files belong to it, and rule levels that override the global ones there.
 */
public record EnvironmentConfig(String name, List<String> paths, Map<String, Level> rules) {

    public EnvironmentConfig {
        paths = List.copyOf(paths);
        rules = Map.copyOf(rules);
    }
}

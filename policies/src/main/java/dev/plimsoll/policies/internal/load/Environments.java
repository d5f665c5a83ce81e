package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which environment an input belongs to: the request's override when set, else the first configured
 * environment with a {@link PathGlob} matching the input's path (an in-memory source's name), else, for a file under
 * {@code rendered/<env>/} (the generator's hydrated output: each environment's objects, one file each), {@code <env>},
 * else none.
 */
final class Environments {

    /** The directory the generator writes each environment's hydrated objects under. */
    private static final String HYDRATED_ROOT = "rendered";

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
        return hydrated(file);
    }

    /**
     * {@code <env>} of a file {@code …/rendered/<env>/…}: linted together, the environments' copies of each object
     * would collide (every budget overlapping its twins), and none would get its environment's levels.
     */
    private static String hydrated(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? null : segmentAfter(file.substring(0, slash), HYDRATED_ROOT);
    }

    /**
     * The segment that follows the first {@code name} segment of {@code directory} ({@code overlays/prod} and {@code
     * eu/overlays/prod/patches} both give {@code prod} for {@code overlays}), or {@code null} when there is none.
     */
    static String segmentAfter(String directory, String name) {
        String[] segments = directory.split("/");
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equals(name)) {
                return segments[i + 1];
            }
        }
        return null;
    }
}

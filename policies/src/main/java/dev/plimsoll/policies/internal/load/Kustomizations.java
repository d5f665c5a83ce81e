package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the loader knows of Kustomize: which files are kustomizations (read by {@code kustomize build}, not applied),
 * and which files a kustomization (or a {@code kind: Component}) reads as something other than a resource: patches,
 * replacements, generator inputs, transformer and schema configuration. Those are not objects to lint.
 */
final class Kustomizations {

    /** The one name without an extension that Kustomize reads, and so that directory walks pick up. */
    static final String EXTENSIONLESS_FILE_NAME = "Kustomization";

    private static final Set<String> FILE_NAMES =
            Set.of("kustomization.yaml", "kustomization.yml", EXTENSIONLESS_FILE_NAME);

    /** Top-level fields whose value is a list of file paths (or of inline documents, which resolve to no file). */
    private static final List<String> PATH_LISTS =
            List.of("patchesStrategicMerge", "configurations", "crds", "transformers", "generators", "validators");

    /** Top-level fields whose value is a list of mappings with a {@code path}. */
    private static final List<String> PATH_ENTRIES = List.of("patches", "patchesJson6902", "replacements");

    private static final List<String> GENERATORS = List.of("configMapGenerator", "secretGenerator");

    private Kustomizations() {}

    static boolean isKustomizationFile(String fileName) {
        return FILE_NAMES.contains(fileName);
    }

    /** True for the {@code apiVersion} of Kustomize's own configuration (Kustomization, Component). */
    static boolean isKustomizeConfig(MappingNode document) {
        return document.string("apiVersion")
                .filter(v -> v.startsWith("kustomize.config.k8s.io/"))
                .isPresent();
    }

    /** The files {@code kustomization} reads as other than resources, resolved against its directory. */
    static void references(MappingNode kustomization, Path dir, Set<Path> out) {
        for (String field : PATH_LISTS) {
            kustomization.sequence(field).ifPresent(list -> paths(list, dir, false, out));
        }
        for (String field : PATH_ENTRIES) {
            kustomization.sequence(field).ifPresent(list -> {
                for (MappingNode entry : list.mappings()) {
                    path(entry.get("path"), dir, out);
                }
            });
        }
        for (String field : GENERATORS) {
            kustomization.sequence(field).ifPresent(list -> {
                for (MappingNode generator : list.mappings()) {
                    generator.sequence("files").ifPresent(files -> paths(files, dir, true, out));
                    generator.sequence("envs").ifPresent(envs -> paths(envs, dir, false, out));
                    path(generator.get("env"), dir, out);
                }
            });
        }
        kustomization.mapping("openapi").ifPresent(openapi -> path(openapi.get("path"), dir, out));
        kustomization.sequence("helmCharts").ifPresent(charts -> {
            for (MappingNode chart : charts.mappings()) {
                path(chart.get("valuesFile"), dir, out);
                chart.sequence("additionalValuesFiles").ifPresent(files -> paths(files, dir, false, out));
            }
        });
    }

    private static void paths(SequenceNode list, Path dir, boolean keyed, Set<Path> out) {
        for (Node item : list.items()) {
            if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                resolve(scalar.value(), dir, keyed).ifPresent(out::add);
            }
        }
    }

    private static void path(Node node, Path dir, Set<Path> out) {
        if (node instanceof ScalarNode scalar && !scalar.isNull()) {
            resolve(scalar.value(), dir, false).ifPresent(out::add);
        }
    }

    /** A path, or a generator's {@code key=path} when {@code keyed}, resolved; empty for inline documents and URLs. */
    private static Optional<Path> resolve(String entry, Path dir, boolean keyed) {
        if (entry.indexOf('\n') >= 0 || entry.contains("://")) {
            return Optional.empty();
        }
        String path = entry;
        int equals = entry.indexOf('=');
        if (keyed && equals >= 0) {
            path = entry.substring(equals + 1);
        }
        try {
            return Optional.of(dir.resolve(path.trim()).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one kustomization directory the way {@code kustomize build} does (kustomize {@code
 * api/internal/target/kusttarget.go}): resources and bases, configurations, generators, components, then the built-in
 * transformers in Kustomize's order; at the top level also hash suffixes, name references, vars, dropping local
 * config, and the legacy output order.
 */
final class KustTarget {

    private final Workspace workspace;
    private final Kustomization kustomization;
    /** The directories being built, innermost last: a base may not contain any of them (kustomize's cycle check). */
    private final List<Path> visiting;

    private KustTarget(Workspace workspace, Kustomization kustomization, List<Path> visiting) {
        this.workspace = workspace;
        this.kustomization = kustomization;
        this.visiting = visiting;
    }

    /** Loads the kustomization of {@code dir}; {@code file} and {@code at} say who asked, for errors. */
    static KustTarget load(Workspace workspace, Path dir, List<Path> visiting, String file, KNode at) {
        Path kustomizationFile = workspace.kustomizationFile(dir, file, at);
        if (kustomizationFile == null) {
            throw KustomizeError.failed(
                    file,
                    at,
                    "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '"
                            + workspace.display(dir) + "'");
        }
        String shown = workspace.display(kustomizationFile);
        Workspace.Parsed parsed = workspace.configYaml(kustomizationFile, file, at);
        List<Path> chain = new ArrayList<>(visiting);
        chain.add(dir);
        return new KustTarget(
                workspace, Kustomization.parse(dir, kustomizationFile, shown, parsed), List.copyOf(chain));
    }

    Kustomization kustomization() {
        return kustomization;
    }

    /** The whole build ({@code MakeCustomizedResMap}), in Kustomize's output order, build bookkeeping removed. */
    List<Resource> build() {
        Accumulator ra = accumulateTarget(new Accumulator());
        Hashes.addHashSuffixes(ra.resMap);
        NameReferences.fix(ra.resMap, ra.config);
        Vars.resolve(ra, kustomization.file);
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : ra.resMap.all()) {
            if (!isLocalConfig(resource)) {
                kept.add(resource);
            }
        }
        SortOrder.sort(kept, kustomization);
        for (Resource resource : kept) {
            resource.finishAnnotations();
        }
        return kept;
    }

    private static boolean isLocalConfig(Resource resource) {
        KMap metadata = resource.metadata();
        KMap annotations = metadata == null ? null : metadata.map("annotations");
        return annotations != null && "true".equals(annotations.string("config.kubernetes.io/local-config"));
    }

    /** {@code accumulateTarget}: {@code ra} is empty for a kustomization, the parent's for a component. */
    Accumulator accumulateTarget(Accumulator ra) {
        String file = kustomization.file;
        List<ScalarNode> resources = new ArrayList<>(kustomization.strings("resources"));
        resources.addAll(kustomization.strings("bases"));
        for (ScalarNode entry : resources) {
            accumulateResource(ra, entry);
        }
        TransformerConfig config = TransformerConfig.DEFAULT;
        for (ScalarNode entry : kustomization.strings("configurations")) {
            KScalar at = Kustomization.origin(file, entry);
            Path path = workspace.resolve(kustomization.dir, entry.value(), file, at);
            workspace.confine(path, file, at, entry.value());
            restrict(path, entry.value(), at);
            Workspace.Parsed parsed = workspace.configYaml(path, file, at);
            for (YamlReader.Document document : parsed.yaml().documents()) {
                if (document.root() instanceof MappingNode mapping) {
                    config = config.merge(TransformerConfig.parse(mapping, parsed.file()), parsed.file());
                }
            }
        }
        ra.mergeConfig(config, file);
        Generators.run(ra, kustomization, workspace);
        for (ScalarNode entry : kustomization.strings("components")) {
            accumulateComponent(ra, entry);
        }
        runTransformers(ra);
        Vars.merge(ra, kustomization);
        return ra;
    }

    private void runTransformers(Accumulator ra) {
        Patches.strategicMergeFiles(ra.resMap, kustomization, workspace);
        Patches.patches(ra.resMap, kustomization, workspace, "patches");
        Namespaces.transform(ra.resMap, kustomization, ra.config);
        PrefixSuffix.transform(ra.resMap, kustomization, ra.config);
        Labels.transform(ra.resMap, kustomization, ra.config);
        Annotations.transform(ra.resMap, kustomization, ra.config);
        Patches.patches(ra.resMap, kustomization, workspace, "patchesJson6902");
        Replicas.transform(ra.resMap, kustomization, ra.config);
        Images.transform(ra.resMap, kustomization, ra.config);
        Replacements.transform(ra.resMap, kustomization, workspace);
        Transformers.run(ra.resMap, kustomization, workspace);
    }

    private void accumulateResource(Accumulator ra, ScalarNode entry) {
        String file = kustomization.file;
        String value = entry.value();
        KScalar at = Kustomization.origin(file, entry);
        if (isRemote(value)) {
            throw new KustomizeError(
                    KustomizeError.Kind.UNSUPPORTED,
                    file,
                    entry.line(),
                    entry.column(),
                    "remote resource '" + value + "' is not supported by the embedded Kustomize renderer");
        }
        Path path = workspace.resolve(kustomization.dir, value, file, at);
        workspace.confine(path, file, at, value);
        if (workspace.isFile(path)) {
            restrict(path, value, at);
            for (Resource resource : Loading.resources(workspace, path, file, at)) {
                ra.resMap.append(resource, file);
            }
            return;
        }
        if (!workspace.isDirectory(path)) {
            throw KustomizeError.failed(
                    file, at, "accumulating resources: '" + value + "' is neither a file nor a directory");
        }
        KustTarget sub = subTarget(path, at, value);
        if (sub.kustomization.component) {
            throw KustomizeError.failed(
                    file, at, "expected kind != 'Component' for path '" + workspace.display(path) + "'");
        }
        Accumulator subRa = sub.accumulateTarget(new Accumulator());
        ra.mergeAccumulator(subRa, file);
    }

    private void accumulateComponent(Accumulator ra, ScalarNode entry) {
        String file = kustomization.file;
        String value = entry.value();
        KScalar at = Kustomization.origin(file, entry);
        if (isRemote(value)) {
            throw new KustomizeError(
                    KustomizeError.Kind.UNSUPPORTED,
                    file,
                    entry.line(),
                    entry.column(),
                    "remote component '" + value + "' is not supported by the embedded Kustomize renderer");
        }
        Path path = workspace.resolve(kustomization.dir, value, file, at);
        workspace.confine(path, file, at, value);
        if (!workspace.isDirectory(path)) {
            throw KustomizeError.failed(file, at, "component '" + value + "' is not a directory");
        }
        KustTarget sub = subTarget(path, at, value);
        if (!sub.kustomization.component) {
            throw KustomizeError.failed(
                    file,
                    at,
                    "expected kind 'Component' for path '" + workspace.display(path) + "' but got '"
                            + sub.kustomization.string("kind") + "'");
        }
        sub.accumulateTarget(ra);
    }

    private KustTarget subTarget(Path dir, KScalar at, String entry) {
        for (Path visited : visiting) {
            if (visited.startsWith(dir)) {
                throw KustomizeError.failed(
                        kustomization.file,
                        at,
                        "cycle detected: candidate root '" + workspace.display(dir) + "' contains visited root '"
                                + workspace.display(visited) + "'");
            }
        }
        return load(workspace, dir, visiting, kustomization.file, at);
    }

    /** Kustomize's load restrictor: a file must be in or below the kustomization's own directory. */
    void restrict(Path path, String entry, KNode at) {
        if (!path.startsWith(kustomization.dir)) {
            throw KustomizeError.failed(
                    kustomization.file,
                    at,
                    "security; file '" + workspace.display(path) + "' is not in or below '"
                            + workspace.display(kustomization.dir) + "'");
        }
    }

    static boolean isRemote(String value) {
        return value.contains("://")
                || value.startsWith("github.com/")
                || value.startsWith("gitlab.com/")
                || value.startsWith("bitbucket.org/")
                || value.startsWith("git@")
                || value.startsWith("git::");
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode sequence ? sequence.items() : List.of();
    }
}

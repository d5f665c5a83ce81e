package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code transformers:} with built-in plugin configurations ({@code apiVersion: builtin}), run after the
 * kustomization's own transformers (kustomize {@code configureExternalTransformers}): {@code LabelTransformer}, {@code
 * AnnotationsTransformer}, {@code NamespaceTransformer}, {@code PrefixTransformer}, {@code SuffixTransformer}, {@code
 * ImageTagTransformer} and {@code ReplicaCountTransformer}. Any other plugin is reported as unsupported.
 */
final class Transformers {

    private static final Set<String> COMMON = Set.of("apiVersion", "kind", "metadata");

    private Transformers() {}

    static void run(ResMap resMap, Kustomization kustomization, Workspace workspace) {
        String file = kustomization.file;
        for (ScalarNode entry : kustomization.strings("transformers")) {
            for (Config config : configs(entry, kustomization, workspace)) {
                apply(resMap, config.root(), config.file());
            }
        }
    }

    private record Config(MappingNode root, String file) {}

    private static List<Config> configs(ScalarNode entry, Kustomization kustomization, Workspace workspace) {
        String file = kustomization.file;
        List<Config> out = new ArrayList<>();
        if (entry.value().indexOf('\n') >= 0) {
            YamlReader.Result inline = Workspace.parseConfigText(entry.value());
            Loading.failOnProblems(inline, file);
            for (YamlReader.Document document : inline.documents()) {
                if (document.root() instanceof MappingNode mapping) {
                    out.add(new Config(mapping, file));
                }
            }
            return out;
        }
        KScalar at = Kustomization.origin(file, entry);
        if (KustTarget.isRemote(entry.value())) {
            throw unsupported(file, entry, "remote transformer configuration '" + entry.value() + "'");
        }
        Path path = workspace.resolve(kustomization.dir, entry.value(), file, at);
        workspace.confine(path, file, at, entry.value());
        if (!workspace.isFile(path)) {
            throw unsupported(file, entry, "transformer configuration '" + entry.value() + "' that is not a file");
        }
        if (!path.startsWith(kustomization.dir)) {
            throw KustomizeError.failed(
                    file,
                    at,
                    "security; file '" + workspace.display(path) + "' is not in or below '"
                            + workspace.display(kustomization.dir) + "'");
        }
        Workspace.Parsed parsed = workspace.configYaml(path, file, at);
        Loading.failOnProblems(parsed.yaml(), parsed.file());
        for (YamlReader.Document document : parsed.yaml().documents()) {
            if (document.root() instanceof MappingNode mapping) {
                out.add(new Config(mapping, parsed.file()));
            }
        }
        return out;
    }

    private static void apply(ResMap resMap, MappingNode config, String file) {
        String apiVersion = Kustomization.stringOf(config, "apiVersion", file);
        String kind = Kustomization.stringOf(config, "kind", file);
        if (!"builtin".equals(apiVersion)) {
            throw unsupported(file, config, "transformer plugin " + apiVersion + "/" + kind);
        }
        List<FieldSpec> specs = TransformerConfig.specs(config.get("fieldSpecs"), file);
        switch (kind == null ? "" : kind) {
            case "LabelTransformer" -> {
                known(config, Set.of("labels", "fieldSpecs"), file);
                Labels.setEntries(resMap, Kustomization.stringMapOf(config.get("labels"), "labels", file), specs, file);
            }
            case "AnnotationsTransformer" -> {
                known(config, Set.of("annotations", "fieldSpecs"), file);
                Labels.setEntries(
                        resMap, Kustomization.stringMapOf(config.get("annotations"), "annotations", file), specs, file);
            }
            case "NamespaceTransformer" -> {
                known(config, Set.of("fieldSpecs"), file);
                Node namespaceNode = config.path("metadata", "namespace").orElse(null);
                String namespace = namespaceNode instanceof ScalarNode scalar ? scalar.value() : "";
                if (namespace.isEmpty()) {
                    return;
                }
                KScalar origin = KScalar.string(namespace, file, namespaceNode.line(), namespaceNode.column());
                for (Resource resource : new ArrayList<>(resMap.all())) {
                    if (resource.root.isEmpty()) {
                        continue;
                    }
                    resource.storePreviousId();
                    Namespaces.apply(resource, namespace, origin, specs);
                    ResId id = resource.curId();
                    if (resMap.matchingCurrentId(id::equalsId).size() != 1) {
                        throw KustomizeError.failed(
                                file, origin, "namespace transformation produces ID conflict: " + id);
                    }
                }
            }
            case "PrefixTransformer", "SuffixTransformer" -> {
                boolean prefix = kind.equals("PrefixTransformer");
                String field = prefix ? "prefix" : "suffix";
                known(config, Set.of(field, "fieldSpecs"), file);
                String affix = Kustomization.stringOf(config, field, file);
                if (affix != null && !affix.isEmpty()) {
                    PrefixSuffix.apply(resMap, affix, prefix, specs);
                }
            }
            case "ImageTagTransformer" -> {
                known(config, Set.of("imageTag", "fieldSpecs"), file);
                if (config.get("imageTag") instanceof MappingNode image) {
                    Images.apply(resMap, image, file, specs);
                }
            }
            case "ReplicaCountTransformer" -> {
                known(config, Set.of("replica", "fieldSpecs"), file);
                if (config.get("replica") instanceof MappingNode replica) {
                    Replicas.apply(resMap, replica, file, specs);
                }
            }
            default -> throw unsupported(file, config, "built-in transformer " + kind);
        }
    }

    private static void known(MappingNode config, Set<String> fields, String file) {
        for (Map.Entry<String, Node> entry : entries(config)) {
            if (!COMMON.contains(entry.getKey()) && !fields.contains(entry.getKey())) {
                Node key = config.key(entry.getKey());
                throw unsupported(file, key, "'" + entry.getKey() + "' of this built-in transformer");
            }
        }
    }

    private static List<Map.Entry<String, Node>> entries(MappingNode node) {
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        for (MappingNode.Entry entry : node.entries()) {
            out.add(Map.entry(entry.key().value(), entry.value()));
        }
        return out;
    }

    private static KustomizeError unsupported(String file, Node at, String what) {
        return new KustomizeError(
                KustomizeError.Kind.UNSUPPORTED,
                file,
                at.line(),
                at.column(),
                what + " is not supported by the embedded Kustomize renderer");
    }
}

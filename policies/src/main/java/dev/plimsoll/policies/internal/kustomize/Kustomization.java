package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomization file (or {@code kind: Component}) as read by Kustomize: YAML typed as sigs.k8s.io/yaml reads it,
 * unknown fields rejected (kustomize {@code api/types/kustomization.go}). Accessors check each field's type and report
 * problems at the field's position.
 */
final class Kustomization {

    static final String KUSTOMIZATION_API = "kustomize.config.k8s.io/v1beta1";
    static final String COMPONENT_API = "kustomize.config.k8s.io/v1alpha1";

    private static final Set<String> KNOWN = Set.of(
            "apiVersion",
            "kind",
            "metadata",
            "openapi",
            "namePrefix",
            "nameSuffix",
            "namespace",
            "commonLabels",
            "labels",
            "commonAnnotations",
            "patchesStrategicMerge",
            "patchesJson6902",
            "patches",
            "images",
            "imageTags",
            "replacements",
            "replicas",
            "vars",
            "sortOptions",
            "resources",
            "components",
            "crds",
            "bases",
            "configMapGenerator",
            "secretGenerator",
            "helmGlobals",
            "helmCharts",
            "helmChartInflationGenerator",
            "generatorOptions",
            "configurations",
            "generators",
            "transformers",
            "validators",
            "buildMetadata");

    /** Fields the embedded renderer does not build; a kustomization that sets one is reported, not guessed at. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "openapi",
            "crds",
            "helmGlobals",
            "helmCharts",
            "helmChartInflationGenerator",
            "generators",
            "validators",
            "buildMetadata");

    final Path dir;
    /** The kustomization file on disk. */
    final Path path;
    /** The kustomization file as findings show it. */
    final String file;

    final MappingNode root;
    final boolean component;

    private Kustomization(Path dir, Path path, String file, MappingNode root, boolean component) {
        this.dir = dir;
        this.path = path;
        this.file = file;
        this.root = root;
        this.component = component;
    }

    static Kustomization parse(Path dir, Path path, String file, Workspace.Parsed parsed) {
        if (!parsed.yaml().problems().isEmpty()) {
            var problem = parsed.yaml().problems().get(0);
            throw new KustomizeError(
                    KustomizeError.Kind.FAILED,
                    file,
                    problem.position().line(),
                    problem.position().column(),
                    "invalid Kustomization: " + problem.message());
        }
        MappingNode root = null;
        for (var document : parsed.yaml().documents()) {
            if (document.root() instanceof MappingNode mapping) {
                root = mapping;
                break;
            }
            if (document.root() != null && !document.root().isNull()) {
                throw new KustomizeError(
                        KustomizeError.Kind.FAILED,
                        file,
                        document.root().line(),
                        document.root().column(),
                        "invalid Kustomization: not a mapping");
            }
        }
        if (root == null || root.length() == 0) {
            throw KustomizeError.failed(file, "kustomization.yaml is empty");
        }
        for (MappingNode.Entry entry : root.entries()) {
            String key = entry.key().value();
            if (!KNOWN.contains(key)) {
                throw at(file, entry.key(), "invalid Kustomization: json: unknown field \"" + key + "\"");
            }
        }
        String kind = stringOf(root, "kind", file);
        String apiVersion = stringOf(root, "apiVersion", file);
        boolean component = "Component".equals(kind);
        if (kind != null && !kind.isEmpty() && !kind.equals("Kustomization") && !component) {
            throw at(file, root.get("kind"), "kind should be Kustomization or Component");
        }
        String required = component ? COMPONENT_API : KUSTOMIZATION_API;
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(required)) {
            throw at(file, root.get("apiVersion"), "apiVersion for " + kind + " should be " + required);
        }
        Kustomization kustomization = new Kustomization(dir, path, file, root, component);
        for (MappingNode.Entry entry : root.entries()) {
            String key = entry.key().value();
            if (UNSUPPORTED.contains(key) && !isEmpty(entry.value())) {
                throw new KustomizeError(
                        KustomizeError.Kind.UNSUPPORTED,
                        file,
                        entry.key().line(),
                        entry.key().column(),
                        "'" + key + "' is not supported by the embedded Kustomize renderer");
            }
        }
        return kustomization;
    }

    private static boolean isEmpty(Node node) {
        return node == null
                || node.isNull()
                || (node instanceof SequenceNode sequence && sequence.length() == 0)
                || (node instanceof MappingNode mapping && mapping.length() == 0);
    }

    Node get(String key) {
        return root.get(key);
    }

    String string(String key) {
        String value = stringOf(root, key, file);
        return value == null ? "" : value;
    }

    /** A list of strings; each item with its node, for positions. */
    List<ScalarNode> strings(String key) {
        return stringsOf(root.get(key), key, file);
    }

    /** A map of strings to strings, in file order. */
    Map<String, ScalarNode> stringMap(String key) {
        return stringMapOf(root.get(key), key, file);
    }

    List<MappingNode> mappings(String key) {
        return mappingsOf(root.get(key), key, file);
    }

    // ---- typed reading of any part of a kustomization ----

    static String stringOf(MappingNode mapping, String key, String file) {
        Node value = mapping.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || !scalar.isString()) {
            throw at(file, value, "invalid Kustomization: " + key + " must be a string");
        }
        return scalar.value();
    }

    static boolean boolOf(MappingNode mapping, String key, String file) {
        Node value = mapping.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.BOOL) {
            throw at(file, value, "invalid Kustomization: " + key + " must be true or false");
        }
        return scalar.isTrue();
    }

    static List<ScalarNode> stringsOf(Node node, String key, String file) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw at(file, node, "invalid Kustomization: " + key + " must be a list");
        }
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : sequence.items()) {
            if (!(item instanceof ScalarNode scalar) || !scalar.isString()) {
                throw at(file, item, "invalid Kustomization: " + key + " must be a list of strings");
            }
            out.add(scalar);
        }
        return out;
    }

    static Map<String, ScalarNode> stringMapOf(Node node, String key, String file) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw at(file, node, "invalid Kustomization: " + key + " must be a map");
        }
        Map<String, ScalarNode> out = new LinkedHashMap<>();
        for (MappingNode.Entry entry : mapping.entries()) {
            Node value = entry.value();
            if (value.isNull()) {
                out.put(entry.key().value(), new ScalarNode(value.position(), "", ScalarNode.Type.STRING, false));
                continue;
            }
            if (!(value instanceof ScalarNode scalar) || !scalar.isString()) {
                throw at(file, value, "invalid Kustomization: values of " + key + " must be strings");
            }
            out.put(entry.key().value(), scalar);
        }
        return out;
    }

    static List<MappingNode> mappingsOf(Node node, String key, String file) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw at(file, node, "invalid Kustomization: " + key + " must be a list");
        }
        List<MappingNode> out = new ArrayList<>();
        for (Node item : sequence.items()) {
            if (!(item instanceof MappingNode mapping)) {
                throw at(file, item, "invalid Kustomization: items of " + key + " must be mappings");
            }
            out.add(mapping);
        }
        return out;
    }

    static KustomizeError at(String file, Node node, String message) {
        return new KustomizeError(
                KustomizeError.Kind.FAILED,
                file,
                node == null ? 1 : node.line(),
                node == null ? 1 : node.column(),
                message);
    }

    /** The origin of a kustomization node, for values it sets on resources. */
    static KScalar origin(String file, Node node) {
        return KScalar.string("", file, node == null ? 1 : node.line(), node == null ? 1 : node.column());
    }
}

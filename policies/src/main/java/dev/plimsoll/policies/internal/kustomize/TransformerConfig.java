package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The field specs each built-in transformer works on, as merged from Kustomize's defaults and the {@code
 * configurations:} files (kustomize {@code api/internal/plugins/builtinconfig/transformerconfig.go}). Immutable.
 */
final class TransformerConfig {

    /** Which fields of which types refer to objects of type {@code target} by name. */
    record NameBackReference(Gvk target, List<FieldSpec> referrers) {}

    private static final Set<String> FIELDS = Set.of(
            "namePrefix",
            "nameSuffix",
            "namespace",
            "commonLabels",
            "templateLabels",
            "commonAnnotations",
            "varReference",
            "nameReference",
            "images",
            "replicas");

    static final TransformerConfig EMPTY = new TransformerConfig(
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    static final TransformerConfig DEFAULT = loadDefault();

    final List<FieldSpec> namePrefix;
    final List<FieldSpec> nameSuffix;
    final List<FieldSpec> namespace;
    final List<FieldSpec> commonLabels;
    final List<FieldSpec> templateLabels;
    final List<FieldSpec> commonAnnotations;
    final List<FieldSpec> varReference;
    final List<FieldSpec> images;
    final List<FieldSpec> replicas;
    final List<NameBackReference> nameReference;

    private TransformerConfig(
            List<FieldSpec> namePrefix,
            List<FieldSpec> nameSuffix,
            List<FieldSpec> namespace,
            List<FieldSpec> commonLabels,
            List<FieldSpec> templateLabels,
            List<FieldSpec> commonAnnotations,
            List<FieldSpec> varReference,
            List<FieldSpec> images,
            List<FieldSpec> replicas,
            List<NameBackReference> nameReference) {
        this.namePrefix = namePrefix;
        this.nameSuffix = nameSuffix;
        this.namespace = namespace;
        this.commonLabels = commonLabels;
        this.templateLabels = templateLabels;
        this.commonAnnotations = commonAnnotations;
        this.varReference = varReference;
        this.images = images;
        this.replicas = replicas;
        this.nameReference = nameReference;
    }

    private static TransformerConfig loadDefault() {
        String resource = "/dev/plimsoll/policies/kustomize/default-fieldspecs.yaml";
        try (InputStream in = TransformerConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            YamlReader.Result read = new YamlReader().read(in.readAllBytes());
            return parse((MappingNode) read.documents().get(0).root(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a transformer configuration file ({@code configurations:}); unknown fields are an error. */
    static TransformerConfig parse(MappingNode root, String file) {
        for (MappingNode.Entry entry : root.entries()) {
            if (!FIELDS.contains(entry.key().value())) {
                throw error(file, entry.key(), "unknown field \"" + entry.key().value() + "\" in transformer config");
            }
        }
        List<NameBackReference> references = new ArrayList<>();
        for (MappingNode reference : mappings(root.get("nameReference"), file)) {
            Gvk target = gvk(reference, file);
            references.add(new NameBackReference(target, specs(reference.get("fieldSpecs"), file)));
        }
        return new TransformerConfig(
                specs(root.get("namePrefix"), file),
                specs(root.get("nameSuffix"), file),
                specs(root.get("namespace"), file),
                specs(root.get("commonLabels"), file),
                specs(root.get("templateLabels"), file),
                specs(root.get("commonAnnotations"), file),
                specs(root.get("varReference"), file),
                specs(root.get("images"), file),
                specs(root.get("replicas"), file),
                references);
    }

    /** This config with {@code other} merged in ({@code TransformerConfig.Merge}). */
    TransformerConfig merge(TransformerConfig other, String file) {
        List<NameBackReference> references = new ArrayList<>(nameReference);
        for (NameBackReference incoming : other.nameReference) {
            boolean merged = false;
            for (int i = 0; i < references.size(); i++) {
                NameBackReference existing = references.get(i);
                if (existing.target().equals(incoming.target())) {
                    references.set(
                            i,
                            new NameBackReference(
                                    existing.target(),
                                    FieldSpec.mergeAll(existing.referrers(), incoming.referrers(), file)));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                references.add(incoming);
            }
        }
        return new TransformerConfig(
                FieldSpec.mergeAll(namePrefix, other.namePrefix, file),
                FieldSpec.mergeAll(nameSuffix, other.nameSuffix, file),
                FieldSpec.mergeAll(namespace, other.namespace, file),
                FieldSpec.mergeAll(commonLabels, other.commonLabels, file),
                FieldSpec.mergeAll(templateLabels, other.templateLabels, file),
                FieldSpec.mergeAll(commonAnnotations, other.commonAnnotations, file),
                FieldSpec.mergeAll(varReference, other.varReference, file),
                FieldSpec.mergeAll(images, other.images, file),
                FieldSpec.mergeAll(replicas, other.replicas, file),
                List.copyOf(references));
    }

    static List<FieldSpec> specs(Node node, String file) {
        List<FieldSpec> out = new ArrayList<>();
        for (MappingNode spec : mappings(node, file)) {
            String path = string(spec, "path", file);
            out.add(new FieldSpec(gvk(spec, file), path == null ? "" : path, bool(spec, "create", file)));
        }
        return List.copyOf(out);
    }

    static Gvk gvk(MappingNode spec, String file) {
        return new Gvk(string(spec, "group", file), string(spec, "version", file), string(spec, "kind", file));
    }

    private static List<MappingNode> mappings(Node node, String file) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(file, node, "expected a list");
        }
        List<MappingNode> out = new ArrayList<>();
        for (Node item : sequence.items()) {
            if (!(item instanceof MappingNode mapping)) {
                throw error(file, item, "expected a mapping");
            }
            out.add(mapping);
        }
        return out;
    }

    private static String string(MappingNode mapping, String key, String file) {
        Node value = mapping.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || !scalar.isString()) {
            throw error(file, value, key + " must be a string");
        }
        return scalar.value();
    }

    private static boolean bool(MappingNode mapping, String key, String file) {
        Node value = mapping.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.BOOL) {
            throw error(file, value, key + " must be true or false");
        }
        return scalar.isTrue();
    }

    private static KustomizeError error(String file, Node at, String message) {
        return new KustomizeError(KustomizeError.Kind.FAILED, file, at.line(), at.column(), message);
    }
}

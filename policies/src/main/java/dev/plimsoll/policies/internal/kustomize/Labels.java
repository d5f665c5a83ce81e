package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code labels:} and {@code commonLabels:} (kustomize {@code LabelTransformer}, {@code api/filters/labels}): each
 * {@code labels} entry on metadata (plus templates with {@code includeTemplates}, or every selector with {@code
 * includeSelectors}, plus its own {@code fields}), then {@code commonLabels} on every label and selector field spec.
 * Keys are set in sorted order, values as strings.
 */
final class Labels {

    private Labels() {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        String file = kustomization.file;
        for (MappingNode label : kustomization.mappings("labels")) {
            Map<String, ScalarNode> pairs = Kustomization.stringMapOf(label.get("pairs"), "labels.pairs", file);
            List<FieldSpec> specs = TransformerConfig.specs(label.get("fields"), file);
            if (Kustomization.boolOf(label, "includeSelectors", file)) {
                specs = FieldSpec.mergeAll(specs, config.commonLabels, file);
            } else {
                if (Kustomization.boolOf(label, "includeTemplates", file)) {
                    specs = FieldSpec.mergeAll(specs, config.templateLabels, file);
                }
                specs = FieldSpec.mergeOne(specs, new FieldSpec(Gvk.ANY, "metadata/labels", true), file);
            }
            setEntries(resMap, pairs, specs, file);
        }
        setEntries(resMap, kustomization.stringMap("commonLabels"), config.commonLabels, file);
    }

    /** Sets each pair (in key order) at every field spec of every object; the label and annotation filters. */
    static void setEntries(ResMap resMap, Map<String, ScalarNode> pairs, List<FieldSpec> specs, String file) {
        if (pairs.isEmpty()) {
            return;
        }
        Map<String, ScalarNode> sorted = new TreeMap<>(pairs);
        for (Resource resource : resMap.all()) {
            for (Map.Entry<String, ScalarNode> pair : sorted.entrySet()) {
                ScalarNode value = pair.getValue();
                for (FieldSpec spec : new ArrayList<>(specs)) {
                    FieldSpecs.apply(
                            resource,
                            spec,
                            FieldSpecs.Create.MAP,
                            Kustomization.origin(file, value),
                            slot -> setEntry(slot, pair.getKey(), value, file, resource));
                }
            }
        }
    }

    private static void setEntry(Slot slot, String key, ScalarNode value, String file, Resource resource) {
        KNode node = slot.get();
        KScalar scalar = KScalar.string(value.value(), file, value.line(), value.column());
        if (node instanceof KMap map) {
            KNode old = map.get(key);
            if (old != null) {
                scalar.keyLine = old.keyLine;
                scalar.keyColumn = old.keyColumn;
            }
            map.put(key, scalar);
            return;
        }
        if (node instanceof KScalar nullScalar && nullScalar.isNull()) {
            // kyaml appends the entry to a null scalar, which then prints as null: nothing visible changes.
            return;
        }
        throw KustomizeError.failed(
                resource.file, node, "wrong node kind: expected a mapping for " + key + " in " + resource);
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code replicas:} (kustomize {@code ReplicaCountTransformer}, {@code api/filters/replicacount}): for each entry, the
 * objects named so (now or before) whose type a replicas field spec selects get the count; no such object is an error.
 */
final class Replicas {

    private Replicas() {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        for (MappingNode replica : kustomization.mappings("replicas")) {
            apply(resMap, replica, kustomization.file, config.replicas);
        }
    }

    /** One replicas entry ({@code ReplicaCountTransformer} with {@code specs}). */
    static void apply(ResMap resMap, MappingNode replica, String file, List<FieldSpec> specs) {
        {
            String name = Kustomization.stringOf(replica, "name", file);
            Node countNode = replica.get("count");
            if (countNode != null
                    && !countNode.isNull()
                    && !(countNode instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.INT)) {
                throw Kustomization.at(file, countNode, "invalid Kustomization: replicas count must be an integer");
            }
            long count = countNode == null || countNode.isNull()
                    ? 0
                    : ((ScalarNode) countNode).asLong().orElse(0);
            boolean found = false;
            for (FieldSpec spec : specs) {
                List<Resource> matches = resMap.matchingAnyId(id ->
                        id.name().equals(name == null ? "" : name) && id.gvk().isSelectedBy(spec.gvk()));
                if (matches.isEmpty()) {
                    continue;
                }
                found = true;
                KNode origin =
                        countNode == null ? Kustomization.origin(file, replica) : Kustomization.origin(file, countNode);
                for (Resource resource : matches) {
                    FieldSpecs.apply(resource, spec, FieldSpecs.Create.SCALAR, origin, slot -> {
                        KScalar value = new KScalar(
                                origin.file, origin.line, origin.column, Long.toString(count), ScalarNode.Type.INT);
                        slot.set(value);
                    });
                    resource.touchedBy.add(file);
                }
            }
            if (!found) {
                List<String> gvks = new ArrayList<>();
                for (FieldSpec spec : specs) {
                    gvks.add(spec.gvk().toString());
                }
                throw Kustomization.at(
                        file,
                        replica,
                        "resource with name " + name + " does not match a config with the following GVK " + gvks);
            }
        }
    }
}

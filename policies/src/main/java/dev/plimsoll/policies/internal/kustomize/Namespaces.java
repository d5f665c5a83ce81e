package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code namespace:} (kustomize {@code NamespaceTransformer} and {@code api/filters/namespace}): records each object's
 * id, sets {@code metadata.namespace} on namespaced types only, the namespace of (cluster) role binding subjects named
 * {@code default}, then every other namespace field spec (a Namespace's own name among them).
 */
final class Namespaces {

    private Namespaces() {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        String namespace = kustomization.string("namespace");
        if (namespace.isEmpty()) {
            return;
        }
        Node node = kustomization.get("namespace");
        KScalar origin = KScalar.string(namespace, kustomization.file, node.line(), node.column());
        for (Resource resource : new ArrayList<>(resMap.all())) {
            if (resource.root.isEmpty()) {
                continue;
            }
            resource.storePreviousId();
            apply(resource, namespace, origin, config.namespace);
            ResId id = resource.curId();
            if (resMap.matchingCurrentId(id::equalsId).size() != 1) {
                throw KustomizeError.failed(
                        kustomization.file, origin, "namespace transformation produces ID conflict: " + id);
            }
        }
    }

    static void apply(Resource resource, String namespace, KScalar origin, List<FieldSpec> specs) {
        Gvk gvk = resource.gvk();
        if (!gvk.isClusterScoped()) {
            FieldSpecs.apply(
                    resource,
                    new FieldSpec(Gvk.ANY, "metadata/namespace", true),
                    FieldSpecs.Create.SCALAR,
                    origin,
                    slot -> set(slot, namespace, origin, resource));
        }
        boolean roleBinding = gvk.kind().equals("RoleBinding") || gvk.kind().equals("ClusterRoleBinding");
        if (roleBinding) {
            KList subjects = resource.root.list("subjects");
            if (subjects != null) {
                for (KNode subject : subjects.items) {
                    if (subject instanceof KMap map && "default".equals(map.string("name"))) {
                        KNode existing = map.get("namespace");
                        if (existing == null) {
                            map.put("namespace", KScalar.string(namespace, origin));
                        } else {
                            set(Slot.of(map, "namespace"), namespace, origin, resource);
                        }
                    }
                }
            }
        }
        for (FieldSpec spec : specs) {
            if (spec.path().equals("metadata/namespace")) {
                continue;
            }
            boolean subjectsSpec = spec.path().equals("subjects") || spec.path().equals("subjects/namespace");
            if (roleBinding && subjectsSpec) {
                continue;
            }
            FieldSpecs.apply(
                    resource, spec, FieldSpecs.Create.SCALAR, origin, slot -> set(slot, namespace, origin, resource));
        }
    }

    private static void set(Slot slot, String namespace, KScalar origin, Resource resource) {
        KNode node = slot.get();
        if (!(node instanceof KScalar scalar)) {
            throw KustomizeError.failed(
                    resource.file, node, "namespace field specs must target scalar nodes, in " + resource.curId());
        }
        scalar.value = namespace;
        scalar.type = ScalarNode.Type.STRING;
        scalar.taggedNull = false;
        scalar.file = origin.file;
        scalar.line = origin.line;
        scalar.column = origin.column;
    }
}

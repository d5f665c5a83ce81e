package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Namespaces;
import dev.plimsoll.policies.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace that runs pods (a workload names it in {@code metadata.namespace}) or that a Namespace object declares,
 * as namespace-level rules see it. {@code name} is {@code ""} for workloads whose namespace is left to the deploy tool.
 *
 * @param namespaceObject the Namespace object, or {@code null} when the input has none
 * @param workloads the pod-bearing objects in the namespace, in load order
 */
record PodNamespace(String name, Manifest namespaceObject, List<Manifest> workloads) {

    PodNamespace {
        workloads = List.copyOf(workloads);
    }

    /** Every such namespace that the config does not ignore, sorted by name. */
    static List<PodNamespace> of(ManifestSet objects, Namespaces config) {
        Map<String, List<Manifest>> workloads = new TreeMap<>();
        for (Manifest workload : objects.workloads()) {
            workloads
                    .computeIfAbsent(workload.namespace(), k -> new ArrayList<>())
                    .add(workload);
        }
        for (String name : objects.namespaces()) {
            if (!name.isEmpty() && objects.namespaceObject(name).isPresent()) {
                workloads.computeIfAbsent(name, k -> new ArrayList<>());
            }
        }
        List<PodNamespace> out = new ArrayList<>();
        for (Map.Entry<String, List<Manifest>> entry : workloads.entrySet()) {
            if (!config.isIgnored(entry.getKey())) {
                Manifest namespaceObject =
                        objects.namespaceObject(entry.getKey()).orElse(null);
                out.add(new PodNamespace(entry.getKey(), namespaceObject, entry.getValue()));
            }
        }
        return out;
    }

    /** The object a finding about the namespace is reported on: the Namespace object, else its first workload. */
    Manifest anchor() {
        return namespaceObject != null ? namespaceObject : workloads.get(0);
    }

    /** Where such a finding points: the anchor's {@code metadata}. */
    Node anchorNode() {
        return Nodes.at(anchor().root(), "metadata");
    }

    /** {@code namespace 'shop'}, or a phrase saying that the manifests leave the namespace unset. */
    String display() {
        return display(name);
    }

    static String display(String namespace) {
        return namespace.isEmpty()
                ? "the namespace these objects are deployed to (namespace not set in the manifest)"
                : "namespace '" + namespace + "'";
    }
}

package dev.plimsoll.policies.manifest;

import dev.plimsoll.policies.yaml.MappingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All objects of one environment, with the indexes cross-resource rules look them up by: by kind, by namespace, and
 * the pods a label selector selects. Immutable; iteration order is the order the objects were loaded in.
 */
public final class ManifestSet {

    private final String environment;
    private final List<Manifest> all;
    private final Map<String, List<Manifest>> byKind = new LinkedHashMap<>();
    private final Map<String, List<Manifest>> byNamespace = new TreeMap<>();
    private final Map<String, Manifest> namespaceObjects = new TreeMap<>();
    private final List<Manifest> workloads = new ArrayList<>();
    private final Map<Manifest, Map<String, String>> podLabels = new IdentityHashMap<>();
    private final Map<String, List<Manifest>> workloadsByNamespace = new HashMap<>();
    private final Map<String, Map<String, List<Manifest>>> workloadsByLabel = new HashMap<>();
    private final Map<String, Manifest> autoscalers = new HashMap<>();

    public ManifestSet(String environment, List<Manifest> objects) {
        this.environment = environment;
        this.all = List.copyOf(objects);
        for (Manifest object : all) {
            byKind.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
            if (object.is("", "Namespace")) {
                namespaceObjects.putIfAbsent(object.name(), object);
            } else {
                byNamespace
                        .computeIfAbsent(object.namespace(), k -> new ArrayList<>())
                        .add(object);
            }
            index(object);
        }
    }

    /** The environment these objects belong to, or {@code null}. */
    public String environment() {
        return environment;
    }

    public List<Manifest> all() {
        return all;
    }

    public List<Manifest> ofKind(String kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    /** The non-Namespace objects whose {@code metadata.namespace} is {@code namespace} ({@code ""}: unset). */
    public List<Manifest> inNamespace(String namespace) {
        return Collections.unmodifiableList(byNamespace.getOrDefault(namespace, List.of()));
    }

    /** Every namespace named by an object's {@code metadata.namespace} or by a Namespace object, sorted. */
    public SortedSet<String> namespaces() {
        SortedSet<String> names = new TreeSet<>(byNamespace.keySet());
        names.addAll(namespaceObjects.keySet());
        return Collections.unmodifiableSortedSet(names);
    }

    public Optional<Manifest> namespaceObject(String name) {
        return Optional.ofNullable(namespaceObjects.get(name));
    }

    /** The pod-bearing objects (see {@link Workloads#isPodBearing}). */
    public List<Manifest> workloads() {
        return Collections.unmodifiableList(workloads);
    }

    /**
     * The HorizontalPodAutoscaler in {@code workload}'s namespace whose {@code scaleTargetRef} names it (kind and name),
     * if any; the first one when several do.
     */
    public Optional<Manifest> autoscalerFor(Manifest workload) {
        return Optional.ofNullable(autoscalers.get(targetKey(workload.namespace(), workload.kind(), workload.name())));
    }

    /** The pod-bearing objects in {@code namespace} whose pod labels {@code selector} matches. */
    public List<Manifest> workloadsSelectedBy(String namespace, LabelSelector selector) {
        // Candidates come from the rarest required label, so budgets and policies in a namespace with many workloads
        // are matched in time proportional to what they select, not to the namespace's size.
        List<Manifest> candidates = workloadsByNamespace.getOrDefault(namespace, List.of());
        Map<String, List<Manifest>> byLabel = workloadsByLabel.getOrDefault(namespace, Map.of());
        for (Map.Entry<String, String> label : selector.matchLabels().entrySet()) {
            List<Manifest> labelled = byLabel.getOrDefault(labelKey(label.getKey(), label.getValue()), List.of());
            if (labelled.size() < candidates.size()) {
                candidates = labelled;
            }
        }
        List<Manifest> out = new ArrayList<>();
        for (Manifest workload : candidates) {
            if (selector.matches(podLabels.get(workload))) {
                out.add(workload);
            }
        }
        return out;
    }

    private void index(Manifest object) {
        if (Workloads.isPodBearing(object)) {
            workloads.add(object);
            Map<String, String> labels = Workloads.podLabels(object);
            podLabels.put(object, labels);
            workloadsByNamespace
                    .computeIfAbsent(object.namespace(), k -> new ArrayList<>())
                    .add(object);
            Map<String, List<Manifest>> byLabel =
                    workloadsByLabel.computeIfAbsent(object.namespace(), k -> new HashMap<>());
            labels.forEach((key, value) -> byLabel.computeIfAbsent(labelKey(key, value), k -> new ArrayList<>())
                    .add(object));
        }
        if (object.kind().equals("HorizontalPodAutoscaler") && object.group().equals("autoscaling")) {
            object.root()
                    .path("spec", "scaleTargetRef")
                    .filter(MappingNode.class::isInstance)
                    .map(MappingNode.class::cast)
                    .ifPresent(ref -> autoscalers.putIfAbsent(
                            targetKey(
                                    object.namespace(),
                                    ref.string("kind").orElse(""),
                                    ref.string("name").orElse("")),
                            object));
        }
    }

    private static String labelKey(String key, String value) {
        return key + '\u0000' + value;
    }

    private static String targetKey(String namespace, String kind, String name) {
        return namespace + '\u0000' + kind + '\u0000' + name;
    }
}

package dev.plimsoll.policies.manifest;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import java.util.ArrayList;
import java.util.Collections;
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
            if (Workloads.isPodBearing(object)) {
                workloads.add(object);
            }
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
        for (Manifest autoscaler : ofKind("HorizontalPodAutoscaler")) {
            if (!autoscaler.group().equals("autoscaling")
                    || !autoscaler.namespace().equals(workload.namespace())) {
                continue;
            }
            Optional<Node> target = autoscaler.root().path("spec", "scaleTargetRef");
            if (target.isPresent()
                    && target.get() instanceof MappingNode ref
                    && ref.string("kind").orElse("").equals(workload.kind())
                    && ref.string("name").orElse("").equals(workload.name())) {
                return Optional.of(autoscaler);
            }
        }
        return Optional.empty();
    }

    /** The pod-bearing objects in {@code namespace} whose pod labels {@code selector} matches. */
    public List<Manifest> workloadsSelectedBy(String namespace, LabelSelector selector) {
        List<Manifest> out = new ArrayList<>();
        for (Manifest object : byNamespace.getOrDefault(namespace, List.of())) {
            if (Workloads.isPodBearing(object) && selector.matches(Workloads.podLabels(object))) {
                out.add(object);
            }
        }
        return out;
    }
}

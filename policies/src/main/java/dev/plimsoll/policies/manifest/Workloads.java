package dev.plimsoll.policies.manifest;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Where pod-bearing kinds keep their pod template, containers and replica count. */
public final class Workloads {

    /** The container lists of a pod spec, in the order rules report them. */
    public static final List<String> CONTAINER_FIELDS = List.of("initContainers", "containers", "ephemeralContainers");

    /** One container of a pod spec, with the list it sits in. */
    public record Container(String field, MappingNode node) {

        public Optional<String> name() {
            return node.string("name");
        }

        /** How findings name the container: {@code container 'app'}, {@code init container 'setup'}. */
        public String display() {
            String list =
                    switch (field) {
                        case "initContainers" -> "init container";
                        case "ephemeralContainers" -> "ephemeral container";
                        default -> "container";
                    };
            return list + name().map(name -> " '" + name + "'").orElse(" without a name");
        }
    }

    private Workloads() {}

    /** True for Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and CronJob. */
    public static boolean isPodBearing(Manifest object) {
        return templatePath(object) != null;
    }

    /** The pod template mapping (with {@code metadata} and {@code spec}); for a Pod, the Pod itself. */
    public static Optional<MappingNode> podTemplate(Manifest object) {
        String[] path = templatePath(object);
        if (path == null) {
            return Optional.empty();
        }
        return object.root().path(path).filter(Node::isMapping).map(MappingNode.class::cast);
    }

    public static Optional<MappingNode> podSpec(Manifest object) {
        return podTemplate(object).flatMap(template -> template.mapping("spec"));
    }

    /** The labels the object's pods get. */
    public static Map<String, String> podLabels(Manifest object) {
        return podTemplate(object)
                .flatMap(template -> template.mapping("metadata"))
                .map(metadata -> metadata.stringMap("labels"))
                .orElse(Map.of());
    }

    /** Every container of a pod spec: init containers, containers, ephemeral containers, in source order. */
    public static List<Container> containers(MappingNode podSpec) {
        List<Container> out = new ArrayList<>();
        for (String field : CONTAINER_FIELDS) {
            podSpec.sequence(field).ifPresent(list -> {
                for (MappingNode container : list.mappings()) {
                    out.add(new Container(field, container));
                }
            });
        }
        return out;
    }

    /**
     * The declared replica count of a Deployment, StatefulSet, ReplicaSet or ReplicationController: {@code
     * spec.replicas}, 1 when unset (the API default); empty for other kinds or a value that is not an integer.
     */
    public static OptionalLong replicas(Manifest object) {
        switch (object.kind()) {
            case "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController" -> {}
            default -> {
                return OptionalLong.empty();
            }
        }
        Optional<Node> replicas = object.root().path("spec", "replicas");
        if (replicas.isEmpty() || replicas.get().isNull()) {
            return OptionalLong.of(1);
        }
        return replicas.get() instanceof ScalarNode scalar ? scalar.asLong() : OptionalLong.empty();
    }

    private static String[] templatePath(Manifest object) {
        return switch (object.kind()) {
            case "Pod" -> object.apiVersion().equals("v1") ? new String[0] : null;
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                new String[] {"spec", "template"};
            case "CronJob" -> new String[] {"spec", "jobTemplate", "spec", "template"};
            default -> null;
        };
    }
}

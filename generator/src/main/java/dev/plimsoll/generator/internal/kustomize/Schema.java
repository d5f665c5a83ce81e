package dev.plimsoll.generator.internal.kustomize;

import dev.plimsoll.generator.internal.json.ObjectId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lists Kustomize's strategic merge treats as maps keyed by a merge key, for one object, by field path. Only the
 * built-in lists whose keys are certain are listed (containers, init containers and volumes by {@code name}; env by
 * {@code name}; container ports by {@code containerPort}; volume mounts by {@code mountPath}; Service ports by
 * {@code port}). Every other list — in particular every list of a custom resource — is treated as one value that a
 * patch replaces whole, which is correct whichever way Kustomize reads it, because the factoring never leaves a list
 * in the base that an overlay has to change.
 */
final class Schema {

    private static final List<String> POD = List.of("spec");
    private static final List<String> TEMPLATE = List.of("spec", "template", "spec");
    private static final List<String> JOB_TEMPLATE = List.of("spec", "jobTemplate", "spec", "template", "spec");

    /** Where the pod spec sits, by {@code apiVersion/kind} of the built-in workload kinds. */
    private static final Map<String, List<String>> POD_SPECS = Map.of(
            "v1/Pod", POD,
            "v1/ReplicationController", TEMPLATE,
            "apps/v1/Deployment", TEMPLATE,
            "apps/v1/StatefulSet", TEMPLATE,
            "apps/v1/DaemonSet", TEMPLATE,
            "apps/v1/ReplicaSet", TEMPLATE,
            "batch/v1/Job", TEMPLATE,
            "batch/v1/CronJob", JOB_TEMPLATE);

    private static final List<String> NAME = List.of("name");

    private final Map<String, List<String>> keyed;
    private final String path;

    private Schema(Map<String, List<String>> keyed, String path) {
        this.keyed = keyed;
        this.path = path;
    }

    static Schema of(ObjectId id) {
        Map<String, List<String>> keyed = new HashMap<>();
        List<String> podSpec = POD_SPECS.get(id.apiVersion() + "/" + id.kind());
        if (podSpec != null) {
            String spec = String.join("/", podSpec);
            keyed.put(spec + "/volumes", NAME);
            for (String containers : List.of("containers", "initContainers")) {
                String list = spec + "/" + containers;
                keyed.put(list, NAME);
                keyed.put(list + "/env", NAME);
                keyed.put(list + "/ports", List.of("containerPort", "protocol"));
                keyed.put(list + "/volumeMounts", List.of("mountPath"));
            }
        }
        if (id.apiVersion().equals("v1") && id.kind().equals("Service")) {
            keyed.put("spec/ports", List.of("port", "protocol"));
        }
        return new Schema(Map.copyOf(keyed), "");
    }

    /** The schema of field {@code name} of this (mapping) node, or of the items of this list's field. */
    Schema field(String name) {
        return new Schema(keyed, path.isEmpty() ? name : path + "/" + name);
    }

    /** The merge keys of the list at this path, the first one required; {@code null} when the list has none. */
    List<String> keys() {
        return keyed.get(path);
    }
}

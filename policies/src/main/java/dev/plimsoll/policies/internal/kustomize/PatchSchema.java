package dev.plimsoll.policies.internal.kustomize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a strategic merge needs of the OpenAPI schema Kustomize builds with (kyaml's default, Kubernetes 1.21.2): for
 * each built-in type, the way down to every list that has a patch strategy, with its merge keys ({@code
 * x-kubernetes-patch-strategy}, {@code x-kubernetes-patch-merge-key}, {@code x-kubernetes-list-map-keys}). Lists
 * without a strategy, and every field of a type the schema does not know (custom resources), are replaced by a patch
 * rather than merged, so they need no entry.
 */
final class PatchSchema {

    /** A type's fields that lead to strategic lists; {@link #field} is null for any other field. */
    private final Map<String, PatchSchema> fields = new HashMap<>();

    /** For a list: its patch strategy ({@code merge}, {@code merge,retainKeys}) and merge keys; else null. */
    final String strategy;

    final List<String> keys;
    private PatchSchema elements;

    private PatchSchema(String strategy, List<String> keys) {
        this.strategy = strategy;
        this.keys = keys;
    }

    private static PatchSchema type() {
        return new PatchSchema(null, List.of());
    }

    private static PatchSchema list(String strategy, List<String> keys, PatchSchema elements) {
        PatchSchema list = new PatchSchema(strategy, keys);
        list.elements = elements;
        return list;
    }

    private PatchSchema with(String field, PatchSchema schema) {
        fields.put(field, schema);
        return this;
    }

    PatchSchema field(String name) {
        return fields.get(name);
    }

    PatchSchema elements() {
        return elements;
    }

    /** True when the list merges by key ({@code schemaHasMergeStrategy}: "merge" among its strategies). */
    boolean mergesByKey() {
        if (strategy == null) {
            return false;
        }
        for (String each : strategy.split(",")) {
            if (each.equals("merge")) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, PatchSchema> BY_TYPE = new HashMap<>();

    static {
        PatchSchema objectMeta = type().with("finalizers", list("merge", List.of(), null))
                .with("ownerReferences", list("merge", List.of("uid"), null));
        PatchSchema conditions = list("merge", List.of("type"), null);
        PatchSchema statusWithConditions = type().with("conditions", conditions);

        PatchSchema container = type().with("env", list("merge", List.of("name"), null))
                .with("ports", list("merge", List.of("containerPort", "protocol"), null))
                .with("volumeDevices", list("merge", List.of("devicePath"), null))
                .with("volumeMounts", list("merge", List.of("mountPath"), null));
        PatchSchema ephemeralContainer = type().with("env", list("merge", List.of("name"), null))
                .with("volumeDevices", list("merge", List.of("devicePath"), null))
                .with("volumeMounts", list("merge", List.of("mountPath"), null));
        PatchSchema pvcTemplate = type().with("metadata", objectMeta);
        PatchSchema volume = type().with("ephemeral", type().with("volumeClaimTemplate", pvcTemplate));
        PatchSchema podSpec = type().with("containers", list("merge", List.of("name"), container))
                .with("ephemeralContainers", list("merge", List.of("name"), ephemeralContainer))
                .with("hostAliases", list("merge", List.of("ip"), null))
                .with("imagePullSecrets", list("merge", List.of("name"), null))
                .with("initContainers", list("merge", List.of("name"), container))
                .with("topologySpreadConstraints", list("merge", List.of("topologyKey", "whenUnsatisfiable"), null))
                .with("volumes", list("merge,retainKeys", List.of("name"), volume));
        PatchSchema podTemplateSpec = type().with("metadata", objectMeta).with("spec", podSpec);
        PatchSchema templated = type().with("template", podTemplateSpec);
        PatchSchema jobTemplateSpec = type().with("metadata", objectMeta).with("spec", templated);

        PatchSchema workload =
                type().with("metadata", objectMeta).with("spec", templated).with("status", statusWithConditions);
        for (String kind : List.of("DaemonSet", "Deployment", "ReplicaSet", "StatefulSet")) {
            BY_TYPE.put("apps/v1/" + kind, workload);
        }
        BY_TYPE.put("v1/ReplicationController", workload);
        BY_TYPE.put("batch/v1/Job", workload);
        PatchSchema cronJob =
                type().with("metadata", objectMeta).with("spec", type().with("jobTemplate", jobTemplateSpec));
        BY_TYPE.put("batch/v1/CronJob", cronJob);
        BY_TYPE.put("batch/v1beta1/CronJob", cronJob);
        BY_TYPE.put(
                "v1/Pod",
                type().with("metadata", objectMeta)
                        .with("spec", podSpec)
                        .with(
                                "status",
                                type().with("conditions", conditions)
                                        .with("podIPs", list("merge", List.of("ip"), null))));
        BY_TYPE.put("v1/PodTemplate", type().with("metadata", objectMeta).with("template", podTemplateSpec));
        BY_TYPE.put(
                "v1/Service",
                type().with("metadata", objectMeta)
                        .with("spec", type().with("ports", list("merge", List.of("port", "protocol"), null)))
                        .with("status", statusWithConditions));
        BY_TYPE.put(
                "v1/ServiceAccount",
                type().with("metadata", objectMeta).with("secrets", list("merge", List.of("name"), null)));
        BY_TYPE.put(
                "v1/Node",
                type().with("metadata", objectMeta)
                        .with("spec", type().with("podCIDRs", list("merge", List.of(), null)))
                        .with(
                                "status",
                                type().with("addresses", list("merge", List.of("type"), null))
                                        .with("conditions", conditions)));
        PatchSchema withStatusConditions = type().with("metadata", objectMeta).with("status", statusWithConditions);
        BY_TYPE.put("v1/Namespace", withStatusConditions);
        BY_TYPE.put("v1/PersistentVolumeClaim", withStatusConditions);
        BY_TYPE.put("policy/v1/PodDisruptionBudget", withStatusConditions);
        BY_TYPE.put("policy/v1beta1/PodDisruptionBudget", withStatusConditions);
        BY_TYPE.put("apiregistration.k8s.io/v1/APIService", withStatusConditions);
        BY_TYPE.put("apiregistration.k8s.io/v1beta1/APIService", withStatusConditions);
        BY_TYPE.put("v1/ComponentStatus", type().with("metadata", objectMeta).with("conditions", conditions));
        PatchSchema webhooks =
                type().with("metadata", objectMeta).with("webhooks", list("merge", List.of("name"), null));
        for (String version : List.of("v1", "v1beta1")) {
            BY_TYPE.put("admissionregistration.k8s.io/" + version + "/MutatingWebhookConfiguration", webhooks);
            BY_TYPE.put("admissionregistration.k8s.io/" + version + "/ValidatingWebhookConfiguration", webhooks);
            BY_TYPE.put(
                    "storage.k8s.io/" + version + "/CSINode",
                    type().with("metadata", objectMeta)
                            .with("spec", type().with("drivers", list("merge", List.of("name"), null))));
        }
        PatchSchema plain = type().with("metadata", objectMeta);
        String[][] plainTypes = {
            {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
            {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"},
            {"apps/v1", "ControllerRevision"},
            {"authentication.k8s.io/v1", "TokenRequest", "TokenReview"},
            {"authentication.k8s.io/v1beta1", "TokenReview"},
            {
                "authorization.k8s.io/v1",
                "LocalSubjectAccessReview",
                "SelfSubjectAccessReview",
                "SelfSubjectRulesReview",
                "SubjectAccessReview"
            },
            {
                "authorization.k8s.io/v1beta1",
                "LocalSubjectAccessReview",
                "SelfSubjectAccessReview",
                "SelfSubjectRulesReview",
                "SubjectAccessReview"
            },
            {"autoscaling/v1", "HorizontalPodAutoscaler", "Scale"},
            {"autoscaling/v2beta1", "HorizontalPodAutoscaler"},
            {"autoscaling/v2beta2", "HorizontalPodAutoscaler"},
            {"certificates.k8s.io/v1", "CertificateSigningRequest"},
            {"certificates.k8s.io/v1beta1", "CertificateSigningRequest"},
            {"coordination.k8s.io/v1", "Lease"},
            {"coordination.k8s.io/v1beta1", "Lease"},
            {"discovery.k8s.io/v1", "EndpointSlice"},
            {"discovery.k8s.io/v1beta1", "EndpointSlice"},
            {"events.k8s.io/v1", "Event"},
            {"events.k8s.io/v1beta1", "Event"},
            {"extensions/v1beta1", "Ingress"},
            {"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "PriorityLevelConfiguration"},
            {"networking.k8s.io/v1", "Ingress", "IngressClass", "NetworkPolicy"},
            {"networking.k8s.io/v1beta1", "Ingress", "IngressClass"},
            {"node.k8s.io/v1", "RuntimeClass"},
            {"node.k8s.io/v1beta1", "RuntimeClass"},
            {"policy/v1beta1", "Eviction", "PodSecurityPolicy"},
            {"rbac.authorization.k8s.io/v1", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"},
            {"rbac.authorization.k8s.io/v1beta1", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"},
            {"scheduling.k8s.io/v1", "PriorityClass"},
            {"scheduling.k8s.io/v1beta1", "PriorityClass"},
            {"storage.k8s.io/v1", "CSIDriver", "StorageClass", "VolumeAttachment"},
            {"storage.k8s.io/v1beta1", "CSIDriver", "CSIStorageCapacity", "StorageClass", "VolumeAttachment"},
            {
                "v1",
                "Binding",
                "ConfigMap",
                "Endpoints",
                "Event",
                "LimitRange",
                "PersistentVolume",
                "ResourceQuota",
                "Secret"
            }
        };
        for (String[] group : plainTypes) {
            for (int i = 1; i < group.length; i++) {
                BY_TYPE.putIfAbsent(group[0] + "/" + group[i], plain);
            }
        }
    }

    /** The schema of a built-in type, or null for a type the schema does not know. */
    static PatchSchema forType(String apiVersion, String kind) {
        return BY_TYPE.get(apiVersion + "/" + kind);
    }
}

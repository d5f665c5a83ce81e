package dev.plimsoll.generator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.kustomize.LegacyOrder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who an object is, as Kustomize matches patches and resources: apiVersion, kind, namespace ({@code ""} when unset),
 * name. {@link #KUSTOMIZE_ORDER} is the order {@code kustomize build} prints objects in (its default "legacy" sort).
 * Immutable; equal when all four parts are.
 */
public final class ObjectId {

    private static final List<String> ORDER_FIRST = LegacyOrder.FIRST;
    private static final List<String> ORDER_LAST = LegacyOrder.LAST;

    private static final Map<String, Integer> TYPE_ORDER = typeOrder();

    /**
     * The kinds Kustomize knows to be cluster-scoped: those of its built-in schema (Kubernetes 1.21, kyaml's
     * {@code precomputedIsNamespaceScoped}). Every other kind, custom resources included, it treats as namespaced.
     */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration",
            "apiextensions.k8s.io/v1/CustomResourceDefinition",
            "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
            "apiregistration.k8s.io/v1/APIService",
            "apiregistration.k8s.io/v1beta1/APIService",
            "certificates.k8s.io/v1/CertificateSigningRequest",
            "certificates.k8s.io/v1beta1/CertificateSigningRequest",
            "flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema",
            "flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration",
            "networking.k8s.io/v1/IngressClass",
            "networking.k8s.io/v1beta1/IngressClass",
            "node.k8s.io/v1/RuntimeClass",
            "node.k8s.io/v1beta1/RuntimeClass",
            "policy/v1beta1/PodSecurityPolicy",
            "rbac.authorization.k8s.io/v1/ClusterRole",
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
            "rbac.authorization.k8s.io/v1beta1/ClusterRole",
            "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
            "scheduling.k8s.io/v1/PriorityClass",
            "scheduling.k8s.io/v1beta1/PriorityClass",
            "storage.k8s.io/v1/CSIDriver",
            "storage.k8s.io/v1/CSINode",
            "storage.k8s.io/v1/StorageClass",
            "storage.k8s.io/v1/VolumeAttachment",
            "storage.k8s.io/v1beta1/CSIDriver",
            "storage.k8s.io/v1beta1/CSINode",
            "storage.k8s.io/v1beta1/StorageClass",
            "storage.k8s.io/v1beta1/VolumeAttachment",
            "v1/ComponentStatus",
            "v1/Namespace",
            "v1/Node",
            "v1/NodeProxyOptions",
            "v1/PersistentVolume");

    /**
     * Kustomize's legacy order: by kind rank, then by {@code group_version_kind}, then by the string
     * {@code namespace|name} (so {@code a-b|x} sorts before {@code a|x}), exactly as kyaml compares them.
     */
    public static final Comparator<ObjectId> KUSTOMIZE_ORDER = Comparator.comparing(id -> id.sortKey);

    private final String apiVersion;
    private final String kind;
    private final String namespace;
    private final String name;
    /** The three parts of the legacy order in one string whose natural order is theirs ({@code \0} separates). */
    private final String sortKey;

    public ObjectId(String apiVersion, String kind, String namespace, String name) {
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.namespace = namespace == null ? "" : namespace;
        this.name = Objects.requireNonNull(name, "name");
        this.sortKey = (char) ('0' + ORDER_FIRST.size() + TYPE_ORDER.getOrDefault(kind, 0))
                + gvkSortString()
                + '\0'
                + legacySortString();
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectId id
                && id.apiVersion.equals(apiVersion)
                && id.kind.equals(kind)
                && id.namespace.equals(namespace)
                && id.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiVersion, kind, namespace, name);
    }

    @Override
    public String toString() {
        return apiVersion + "/" + kind + " " + display();
    }

    public static ObjectId of(JsonNode object) {
        return new ObjectId(
                nonNull(Json.text(object, "apiVersion")),
                nonNull(Json.text(object, "kind")),
                Json.text(object, "metadata", "namespace"),
                nonNull(Json.text(object, "metadata", "name")));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    private String gvkSortString() {
        return (group().isEmpty() ? "~G" : group()) + "_" + (version().isEmpty() ? "~V" : version()) + "_"
                + (kind.isEmpty() ? "~K" : kind);
    }

    private String legacySortString() {
        return (namespace.isEmpty() ? "~X" : namespace) + "|" + (name.isEmpty() ? "~N" : name);
    }

    /** True when Kustomize knows this kind to be cluster-scoped. */
    public boolean kustomizeClusterScoped() {
        return CLUSTER_SCOPED.contains(apiVersion + "/" + kind);
    }

    /**
     * The namespace as Kustomize groups objects by it: {@code default} for a namespaced object without one, {@code
     * null} for a cluster-scoped object.
     */
    public String kustomizeNamespace() {
        if (kustomizeClusterScoped()) {
            return null;
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    /** The file name {@code kustomize build -o DIR} gives this object: {@code group_version_kind_name.yaml}, lower case. */
    public String kustomizeFileName() {
        String gvk =
                Stream.of(group(), version(), kind).filter(p -> !p.isEmpty()).collect(Collectors.joining("_"));
        return (gvk + "_" + name).toLowerCase(Locale.ROOT) + ".yaml";
    }

    /** {@code Kind namespace/name} for messages. */
    public String display() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    private static Map<String, Integer> typeOrder() {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < ORDER_FIRST.size(); i++) {
            order.put(ORDER_FIRST.get(i), i - ORDER_FIRST.size());
        }
        for (int i = 0; i < ORDER_LAST.size(); i++) {
            order.put(ORDER_LAST.get(i), i + 1);
        }
        return Map.copyOf(order);
    }
}

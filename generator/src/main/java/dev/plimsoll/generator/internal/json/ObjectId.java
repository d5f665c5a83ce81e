package dev.plimsoll.generator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who an object is, as Kustomize matches patches and resources: apiVersion, kind, namespace ({@code ""} when unset),
 * name. {@link #KUSTOMIZE_ORDER} is the order {@code kustomize build} prints objects in (its default "legacy" sort).
 * Immutable; equal when all four parts are.
 */
public final class ObjectId {

    /** Kinds that {@code kustomize build} prints first, in this order (kyaml {@code resid.orderFirst}). */
    private static final List<String> ORDER_FIRST = List.of(
            "Namespace",
            "ResourceQuota",
            "StorageClass",
            "CustomResourceDefinition",
            "ServiceAccount",
            "PodSecurityPolicy",
            "Role",
            "ClusterRole",
            "RoleBinding",
            "ClusterRoleBinding",
            "ConfigMap",
            "Secret",
            "Endpoints",
            "Service",
            "LimitRange",
            "PriorityClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "Deployment",
            "StatefulSet",
            "CronJob",
            "PodDisruptionBudget");

    /** Kinds printed last (kyaml {@code resid.orderLast}). */
    private static final List<String> ORDER_LAST =
            List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    private static final Map<String, Integer> TYPE_ORDER = typeOrder();

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

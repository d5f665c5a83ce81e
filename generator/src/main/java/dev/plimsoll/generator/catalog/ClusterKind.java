package dev.plimsoll.generator.catalog;

import java.util.Comparator;
import java.util.Objects;

/**
 * A cluster-scoped kind, by API group ({@code ""} for the core group) and kind: what an Argo CD {@code AppProject}'s
 * {@code clusterResourceWhitelist} lists. Components declare the ones they create ({@link
 * CatalogComponent#clusterKinds()}); Argo CD's {@code platform} project whitelists exactly those.
 */
public record ClusterKind(String group, String kind) implements Comparable<ClusterKind> {

    public static final ClusterKind NAMESPACE = new ClusterKind("", "Namespace");
    public static final ClusterKind CUSTOM_RESOURCE_DEFINITION =
            new ClusterKind("apiextensions.k8s.io", "CustomResourceDefinition");
    public static final ClusterKind CLUSTER_ROLE = new ClusterKind("rbac.authorization.k8s.io", "ClusterRole");
    public static final ClusterKind CLUSTER_ROLE_BINDING =
            new ClusterKind("rbac.authorization.k8s.io", "ClusterRoleBinding");
    public static final ClusterKind MUTATING_WEBHOOK =
            new ClusterKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration");
    public static final ClusterKind VALIDATING_WEBHOOK =
            new ClusterKind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration");
    public static final ClusterKind PRIORITY_CLASS = new ClusterKind("scheduling.k8s.io", "PriorityClass");
    public static final ClusterKind STORAGE_CLASS = new ClusterKind("storage.k8s.io", "StorageClass");
    public static final ClusterKind CSI_DRIVER = new ClusterKind("storage.k8s.io", "CSIDriver");
    public static final ClusterKind INGRESS_CLASS = new ClusterKind("networking.k8s.io", "IngressClass");

    private static final Comparator<ClusterKind> ORDER =
            Comparator.comparing(ClusterKind::group).thenComparing(ClusterKind::kind);

    public ClusterKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kind of an object with this {@code apiVersion} ({@code v1}, {@code cert-manager.io/v1}). */
    public static ClusterKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return new ClusterKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }

    @Override
    public int compareTo(ClusterKind other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return group + "/" + kind;
    }
}

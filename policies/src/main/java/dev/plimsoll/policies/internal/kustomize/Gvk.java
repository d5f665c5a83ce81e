package dev.plimsoll.policies.internal.kustomize;

import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes API type: group, version, kind (kyaml {@code resid/gvk.go}). Empty parts select anything when the
 * Gvk is used as a selector.
 */
record Gvk(String group, String version, String kind) {

    /**
     * The cluster-scoped types of the OpenAPI schema Kustomize builds with (Kubernetes 1.21.2, kyaml's default), by
     * apiVersion and kind; a type not listed is namespaced as far as Kustomize knows (kyaml {@code
     * openapi.IsCertainlyClusterScoped}).
     */
    private static final Map<String, Set<String>> CLUSTER_SCOPED = Map.ofEntries(
            Map.entry("v1", Set.of("Namespace", "Node", "PersistentVolume", "ComponentStatus")),
            Map.entry(
                    "admissionregistration.k8s.io/v1",
                    Set.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")),
            Map.entry(
                    "admissionregistration.k8s.io/v1beta1",
                    Set.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")),
            Map.entry("apiextensions.k8s.io/v1", Set.of("CustomResourceDefinition")),
            Map.entry("apiextensions.k8s.io/v1beta1", Set.of("CustomResourceDefinition")),
            Map.entry("apiregistration.k8s.io/v1", Set.of("APIService")),
            Map.entry("apiregistration.k8s.io/v1beta1", Set.of("APIService")),
            Map.entry("authentication.k8s.io/v1", Set.of("TokenReview")),
            Map.entry("authentication.k8s.io/v1beta1", Set.of("TokenReview")),
            Map.entry(
                    "authorization.k8s.io/v1",
                    Set.of("SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview")),
            Map.entry(
                    "authorization.k8s.io/v1beta1",
                    Set.of("SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview")),
            Map.entry("certificates.k8s.io/v1", Set.of("CertificateSigningRequest")),
            Map.entry("certificates.k8s.io/v1beta1", Set.of("CertificateSigningRequest")),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta1", Set.of("FlowSchema", "PriorityLevelConfiguration")),
            Map.entry("networking.k8s.io/v1", Set.of("IngressClass")),
            Map.entry("networking.k8s.io/v1beta1", Set.of("IngressClass")),
            Map.entry("node.k8s.io/v1", Set.of("RuntimeClass")),
            Map.entry("node.k8s.io/v1beta1", Set.of("RuntimeClass")),
            Map.entry("policy/v1beta1", Set.of("PodSecurityPolicy")),
            Map.entry("rbac.authorization.k8s.io/v1", Set.of("ClusterRole", "ClusterRoleBinding")),
            Map.entry("rbac.authorization.k8s.io/v1beta1", Set.of("ClusterRole", "ClusterRoleBinding")),
            Map.entry("scheduling.k8s.io/v1", Set.of("PriorityClass")),
            Map.entry("scheduling.k8s.io/v1beta1", Set.of("PriorityClass")),
            Map.entry("storage.k8s.io/v1", Set.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment")),
            Map.entry("storage.k8s.io/v1beta1", Set.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment")));

    static final Gvk ANY = new Gvk("", "", "");

    Gvk {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        kind = kind == null ? "" : kind;
    }

    static Gvk of(String apiVersion, String kind) {
        String group = "";
        String version = apiVersion == null ? "" : apiVersion;
        int slash = version.indexOf('/');
        if (slash >= 0) {
            group = version.substring(0, slash);
            version = version.substring(slash + 1);
        }
        return new Gvk(group, version, kind);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    boolean isClusterScoped() {
        Set<String> kinds = CLUSTER_SCOPED.get(apiVersion());
        return kinds != null && kinds.contains(kind);
    }

    /** True when {@code selector} selects this type: each non-empty part of the selector must equal ours. */
    boolean isSelectedBy(Gvk selector) {
        if (selector == null) {
            return true;
        }
        return (selector.group.isEmpty() || selector.group.equals(group))
                && (selector.version.isEmpty() || selector.version.equals(version))
                && (selector.kind.isEmpty() || selector.kind.equals(kind));
    }

    /** {@code Kind.version.group} with {@code [noKind]}, {@code [noVer]}, {@code [noGrp]} for empty parts (api/resid). */
    String display() {
        return (kind.isEmpty() ? "[noKind]" : kind) + "." + (version.isEmpty() ? "[noVer]" : version) + "."
                + (group.isEmpty() ? "[noGrp]" : group);
    }

    /** {@code group_version_kind} with {@code ~G}, {@code ~V}, {@code ~K} for empty parts (kyaml {@code Gvk.String}). */
    @Override
    public String toString() {
        return (group.isEmpty() ? "~G" : group) + "_" + (version.isEmpty() ? "~V" : version) + "_"
                + (kind.isEmpty() ? "~K" : kind);
    }
}

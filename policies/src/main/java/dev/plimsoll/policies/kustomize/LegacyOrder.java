package dev.plimsoll.policies.kustomize;

import java.util.List;

/**
 * The kinds {@code kustomize build} prints first and last in its default "legacy" order (kyaml {@code
 * resid.orderFirst} / {@code orderLast}); everything else sorts between them. Shared by the renderer and the generator,
 * which must both print objects exactly as kustomize does.
 */
public final class LegacyOrder {

    /** Kinds printed first, in this order. */
    public static final List<String> FIRST = List.of(
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

    /** Kinds printed last, in this order. */
    public static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    private LegacyOrder() {}
}

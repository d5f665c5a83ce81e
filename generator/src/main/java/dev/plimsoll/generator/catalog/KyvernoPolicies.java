package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Set;

/**
 * The admission side of plimsoll's gate, as Kyverno {@code ClusterPolicy}s for tenant pods: no {@code :latest}
 * (enforced), images by digest (enforced in prod, audited elsewhere), cpu and memory requests on every container
 * (enforced). Pods in platform namespaces are audited against the same rules, never refused (see {@link #policy}).
 * Per-rule {@code failureAction} needs Kyverno 1.13 or later (chart 3.3).
 */
public final class KyvernoPolicies implements CatalogComponent {

    public static KyvernoPolicies create() {
        return new KyvernoPolicies();
    }

    @Override
    public String name() {
        return "kyverno-policies";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("kyverno");
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(new ClusterKind("kyverno.io", "ClusterPolicy"));
    }

    @Override
    public void render(Environment environment, Output output) {
        boolean prod = environment.tier() == Environment.Tier.PROD;
        output.add(policy(
                "disallow-latest-tag",
                "Enforce",
                "Images must name a tag or digest other than latest.",
                map("spec", containers(map("image", "!*:latest")))));
        output.add(policy(
                "require-image-digest",
                prod ? "Enforce" : "Audit",
                "Images must be pinned by sha256 digest.",
                map("spec", containers(map("image", "*@sha256:*")))));
        output.add(policy(
                "require-requests",
                "Enforce",
                "Every container requests cpu and memory.",
                map("spec", containers(map("resources", map("requests", map("cpu", "?*", "memory", "?*")))))));
    }

    private static Map<String, Object> containers(Map<String, Object> pattern) {
        return map(
                "=(initContainers)", list(pattern),
                "containers", list(pattern));
    }

    /**
     * One policy, two rules: the tenants' pods get {@code action}, the platform namespaces' pods are only audited. The
     * platform's pods come from upstream charts pinned by chart version, rendered by Helm inside the cluster where
     * plimsoll's gate never sees them; enforcing there would refuse, for example, every chart image not pinned by
     * digest. Audited, their violations still show in Kyverno's policy reports.
     */
    private static GenericKubernetesResource policy(
            String name, String action, String message, Map<String, Object> pattern) {
        Map<String, Object> platform = map("matchLabels", map(Tenancy.TIER_LABEL, "platform"));
        Map<String, Object> tenants = map(
                "name",
                name,
                "match",
                map("any", list(map("resources", map("kinds", list("Pod"))))),
                "exclude",
                map(
                        "any",
                        list(
                                map("resources", map("namespaces", list("kube-system"))),
                                map("resources", map("namespaceSelector", platform)))),
                "validate",
                validate(action, message, pattern));
        Map<String, Object> platformPods = map(
                "name",
                name + "-platform",
                "match",
                map("any", list(map("resources", map("kinds", list("Pod"), "namespaceSelector", platform)))),
                "validate",
                validate("Audit", message, pattern));
        return Kube.object(
                "kyverno.io/v1",
                "ClusterPolicy",
                null,
                name,
                map("spec", map("background", true, "rules", list(tenants, platformPods))));
    }

    private static Map<String, Object> validate(String action, String message, Map<String, Object> pattern) {
        return map("failureAction", action, "message", message, "pattern", pattern);
    }
}

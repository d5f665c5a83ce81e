package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.Map;
import java.util.Objects;

/** Kyverno, on the system pool; three admission controller replicas outside dev (an HA webhook). */
public final class Kyverno extends HelmComponent<Kyverno> {

    private final NodePools pools;

    private Kyverno(NodePools pools) {
        super(
                "kyverno",
                HelmChart.of("https://kyverno.github.io/kyverno", "kyverno", "3.3.4"),
                "kyverno",
                "namespaces",
                "node-pools");
        this.pools = Objects.requireNonNull(pools);
        clusterKinds(ClusterKind.MUTATING_WEBHOOK, ClusterKind.VALIDATING_WEBHOOK);
        allow(NetworkAllow.webhook(9443));
    }

    public static Kyverno on(NodePools pools) {
        return new Kyverno(pools);
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        Map<String, Object> controller = map(
                "replicas",
                environment.tier() == Environment.Tier.DEV ? 1 : 3,
                "priorityClassName",
                NodePools.PLATFORM_CRITICAL);
        controller.putAll(pools.placement(NodePools.Pool.SYSTEM));
        return map("admissionController", controller);
    }
}

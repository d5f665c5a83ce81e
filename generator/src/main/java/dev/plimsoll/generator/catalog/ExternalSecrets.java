package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.Map;
import java.util.Objects;

/** External Secrets Operator, with its CRDs, on the system pool. */
public final class ExternalSecrets extends HelmComponent<ExternalSecrets> {

    private final NodePools pools;

    private ExternalSecrets(NodePools pools) {
        super(
                "external-secrets",
                HelmChart.of("https://charts.external-secrets.io", "external-secrets", "0.11.0"),
                "external-secrets",
                "namespaces",
                "node-pools");
        this.pools = Objects.requireNonNull(pools);
        clusterKinds(ClusterKind.VALIDATING_WEBHOOK);
        allow(NetworkAllow.webhook(10250));
    }

    public static ExternalSecrets on(NodePools pools) {
        return new ExternalSecrets(pools);
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        Map<String, Object> values = map(
                "installCRDs",
                true,
                "replicaCount",
                environment.tier() == Environment.Tier.DEV ? 1 : 2,
                "priorityClassName",
                NodePools.PLATFORM_CRITICAL,
                "resources",
                map("requests", map("cpu", "50m", "memory", "128Mi"), "limits", map("memory", "256Mi")),
                "serviceMonitor",
                map("enabled", true));
        values.putAll(pools.placement(NodePools.Pool.SYSTEM));
        return values;
    }
}

package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** cert-manager with its CRDs, on the system pool, two replicas of each part outside dev. */
public final class CertManager extends HelmComponent<CertManager> {

    private final NodePools pools;

    private CertManager(NodePools pools) {
        super(
                "cert-manager",
                HelmChart.of("https://charts.jetstack.io", "cert-manager", "v1.16.2"),
                "cert-manager",
                "namespaces",
                "node-pools");
        this.pools = Objects.requireNonNull(pools);
        clusterKinds(ClusterKind.MUTATING_WEBHOOK, ClusterKind.VALIDATING_WEBHOOK);
        // ACME and the DNS provider's API over HTTPS; DNS-01 self-checks ask the authoritative nameservers.
        allow(NetworkAllow.httpsEgress(), NetworkAllow.dnsEgressAnywhere(), NetworkAllow.webhook(10250));
    }

    public static CertManager on(NodePools pools) {
        return new CertManager(pools);
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        int replicas = environment.tier() == Environment.Tier.DEV ? 1 : 2;
        // The chart takes one priority class for all its pods, under global; a top-level one is not a key of the chart.
        Map<String, Object> webhook = map("replicaCount", replicas);
        Map<String, Object> cainjector = map("replicaCount", replicas);
        Map<String, Object> startupapicheck = map();
        Map<String, Object> values = map(
                "global",
                map("priorityClassName", NodePools.PLATFORM_CRITICAL),
                "crds",
                map("enabled", true, "keep", true),
                "replicaCount",
                replicas,
                "resources",
                map("requests", map("cpu", "50m", "memory", "128Mi"), "limits", map("memory", "256Mi")),
                "prometheus",
                map("enabled", true, "servicemonitor", map("enabled", true)),
                "webhook",
                webhook,
                "cainjector",
                cainjector,
                "startupapicheck",
                startupapicheck);
        // Each part of the chart has its own placement; the top-level one is the controller's only.
        for (Map<String, Object> part : List.of(values, webhook, cainjector, startupapicheck)) {
            part.putAll(pools.placement(NodePools.Pool.SYSTEM));
        }
        return values;
    }
}

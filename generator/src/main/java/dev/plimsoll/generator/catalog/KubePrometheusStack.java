package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import java.util.Map;
import java.util.Objects;

/**
 * kube-prometheus-stack (Prometheus, Alertmanager, Grafana) in {@code monitoring}: short in-cluster retention
 * (default 15 days in prod, 3 days elsewhere; long-term data belongs in a central store), on the system pool, with
 * requests and limits like any tenant. Prometheus and Alertmanager run two replicas outside dev.
 */
public final class KubePrometheusStack extends HelmComponent<KubePrometheusStack> {

    private final NodePools pools;
    private PerEnv<String> retention = PerEnv.by(env -> env.tier() == Environment.Tier.PROD ? "15d" : "3d");
    private PerEnv<String> storage = PerEnv.by(env -> env.tier() == Environment.Tier.PROD ? "100Gi" : "20Gi");

    private KubePrometheusStack(NodePools pools) {
        super(
                "kube-prometheus-stack",
                HelmChart.of("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "66.3.1"),
                Tenancy.MONITORING,
                "namespaces",
                "storage",
                "ingress-nginx");
        this.pools = Objects.requireNonNull(pools);
        clusterKinds(ClusterKind.MUTATING_WEBHOOK, ClusterKind.VALIDATING_WEBHOOK);
        // Prometheus scrapes pods in every namespace (the scraped side allows its metrics ports) and the kubelets and
        // node exporters on the nodes; Alertmanager notifies over HTTPS; Grafana is served through the ingress tier.
        allow(
                NetworkAllow.withinNamespace(),
                NetworkAllow.egressToAllNamespaces(),
                NetworkAllow.egressAnywhere(10250, 9100),
                NetworkAllow.httpsEgress(),
                NetworkAllow.webhook(10250),
                NetworkAllow.ingressFromNamespace("ingress-nginx", 3000));
    }

    public static KubePrometheusStack on(NodePools pools) {
        return new KubePrometheusStack(pools);
    }

    /** Prometheus retention per environment, as a Prometheus duration ({@code 15d}). */
    public KubePrometheusStack retention(PerEnv<String> value) {
        this.retention = Objects.requireNonNull(value);
        return this;
    }

    public KubePrometheusStack storage(PerEnv<String> value) {
        this.storage = Objects.requireNonNull(value);
        return this;
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        int replicas = environment.tier() == Environment.Tier.DEV ? 1 : 2;
        Map<String, Object> prometheusSpec = map(
                "replicas",
                replicas,
                "retention",
                retention.in(environment).orElseThrow(),
                "priorityClassName",
                NodePools.PLATFORM,
                "ruleSelectorNilUsesHelmValues",
                false,
                "serviceMonitorSelectorNilUsesHelmValues",
                false,
                "resources",
                map("requests", map("cpu", "500m", "memory", "2Gi"), "limits", map("memory", "4Gi")),
                "storageSpec",
                map(
                        "volumeClaimTemplate",
                        map(
                                "spec",
                                map(
                                        "accessModes",
                                        java.util.List.of("ReadWriteOnce"),
                                        "resources",
                                        map(
                                                "requests",
                                                map(
                                                        "storage",
                                                        storage.in(environment).orElseThrow()))))));
        prometheusSpec.putAll(pools.placement(NodePools.Pool.SYSTEM));
        Map<String, Object> alertmanagerSpec = map(
                "replicas",
                replicas,
                "priorityClassName",
                NodePools.PLATFORM,
                "resources",
                map("requests", map("cpu", "50m", "memory", "128Mi"), "limits", map("memory", "256Mi")));
        alertmanagerSpec.putAll(pools.placement(NodePools.Pool.SYSTEM));
        return map(
                "prometheus",
                map("prometheusSpec", prometheusSpec),
                "alertmanager",
                map("alertmanagerSpec", alertmanagerSpec),
                "grafana",
                map(
                        "ingress",
                        environment.domain() == null
                                ? null
                                : map(
                                        "enabled",
                                        true,
                                        "ingressClassName",
                                        "nginx-internal",
                                        "hosts",
                                        java.util.List.of("grafana." + environment.domain())),
                        "resources",
                        map("requests", map("cpu", "100m", "memory", "256Mi"), "limits", map("memory", "512Mi"))),
                "prometheus-node-exporter",
                map("priorityClassName", NodePools.PLATFORM_CRITICAL));
    }
}

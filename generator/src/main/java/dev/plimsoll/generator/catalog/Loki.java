package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loki in {@code logging}, chunks and indexes in S3-compatible object storage outside the cluster (a bucket per
 * environment, credentials from an ExternalSecret named {@code loki-object-storage}); single binary in dev, simple
 * scalable elsewhere.
 */
public final class Loki extends HelmComponent<Loki> {

    private static final String OBJECT_STORAGE_SECRET = "loki-object-storage";

    /**
     * The port of the gateway's pods (the chart's {@code gateway.containerPort}); its Service listens on 80 and targets
     * it, and NetworkPolicies see the pod's port.
     */
    public static final int GATEWAY_PORT = 8080;

    private final String endpoint;
    private PerEnv<String> bucket = PerEnv.by(env -> "loki-" + env.name());

    private Loki(String endpoint) {
        super(
                "loki",
                HelmChart.of("https://grafana.github.io/helm-charts", "loki", "6.24.1"),
                "logging",
                "namespaces",
                "vault-secret-store",
                "storage");
        this.endpoint = Objects.requireNonNull(endpoint);
        allow(NetworkAllow.withinNamespace(), NetworkAllow.httpsEgress());
    }

    /** Loki storing in the S3-compatible endpoint {@code endpoint}. */
    public static Loki storingIn(String endpoint) {
        return new Loki(endpoint);
    }

    public Loki bucket(PerEnv<String> value) {
        this.bucket = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Where log shippers push: the chart's gateway Service ({@code <release>-gateway}, port 80), which routes to every
     * deployment mode's writers.
     */
    public String pushUrl() {
        return "http://" + name() + "-gateway." + namespace() + ".svc.cluster.local/loki/api/v1/push";
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        boolean dev = environment.tier() == Environment.Tier.DEV;
        String name = bucket.in(environment).orElseThrow();
        return map(
                "deploymentMode",
                dev ? "SingleBinary" : "SimpleScalable",
                "loki",
                map(
                        "auth_enabled",
                        false,
                        "storage",
                        map(
                                "type",
                                "s3",
                                "bucketNames",
                                map("chunks", name, "ruler", name, "admin", name),
                                "s3",
                                map("endpoint", endpoint, "s3ForcePathStyle", true)),
                        "schemaConfig",
                        map(
                                "configs",
                                List.of(map(
                                        "from",
                                        "2024-04-01",
                                        "store",
                                        "tsdb",
                                        "object_store",
                                        "s3",
                                        "schema",
                                        "v13",
                                        "index",
                                        map("prefix", "index_", "period", "24h"))))),
                "singleBinary",
                workload(dev ? 1 : 0),
                "read",
                workload(dev ? 0 : 2),
                "write",
                workload(dev ? 0 : 3),
                "backend",
                workload(dev ? 0 : 2));
    }

    /**
     * One of the chart's workloads with the object-storage credentials: chart 6.24.1 has no {@code global.extraEnvFrom}
     * (later charts do), so each workload that talks to the bucket gets them itself.
     */
    private static Map<String, Object> workload(int replicas) {
        return map("replicas", replicas, "extraEnvFrom", List.of(map("secretRef", map("name", OBJECT_STORAGE_SECRET))));
    }
}

package dev.plimsoll.examples.reference;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Autoscaling;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.Probe;
import dev.plimsoll.generator.Quota;
import dev.plimsoll.generator.catalog.AcmeIssuers;
import dev.plimsoll.generator.catalog.AlertRules;
import dev.plimsoll.generator.catalog.Alloy;
import dev.plimsoll.generator.catalog.ArgoCd;
import dev.plimsoll.generator.catalog.Catalog;
import dev.plimsoll.generator.catalog.CertManager;
import dev.plimsoll.generator.catalog.ExternalSecrets;
import dev.plimsoll.generator.catalog.IngressNginx;
import dev.plimsoll.generator.catalog.KubePrometheusStack;
import dev.plimsoll.generator.catalog.Kyverno;
import dev.plimsoll.generator.catalog.KyvernoPolicies;
import dev.plimsoll.generator.catalog.Loki;
import dev.plimsoll.generator.catalog.NodePools;
import dev.plimsoll.generator.catalog.Rbac;
import dev.plimsoll.generator.catalog.Storage;
import dev.plimsoll.generator.catalog.Tenancy;
import dev.plimsoll.generator.catalog.Tenancy.PlatformNamespace;
import dev.plimsoll.generator.catalog.VaultSecretStore;
import dev.plimsoll.generator.catalog.Velero;

/**
 * The seeds' production platform: dev, staging and prod (dev at lab scale, prod highly available), every platform
 * component from the catalog, three tenant apps and the checkout API's database. Generated into {@code base/} and
 * {@code overlays/} at the repository root.
 */
public final class ReferencePlatform implements PlatformDefinition {

    public static final String REPO = "https://git.example.com/platform/manifests.git";

    public static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV)
            .withCluster("dev")
            .withDomain("dev.example.com")
            .withLabel("platform.example.com/environment", "dev");
    public static final Environment STAGING = Environment.of("staging", 2, Environment.Tier.STAGING)
            .withCluster("staging")
            .withDomain("staging.example.com")
            .withLabel("platform.example.com/environment", "staging");
    public static final Environment PROD = Environment.of("prod", 3, Environment.Tier.PROD)
            .withCluster("prod")
            .withDomain("example.com")
            .withLabel("platform.example.com/environment", "prod");

    // Promotion: prod runs exactly what ran in staging.
    static final String STOREFRONT_DEV = "sha256:" + "a1".repeat(32);
    static final String STOREFRONT_STAGING = "sha256:" + "b2".repeat(32);
    static final String CHECKOUT_DEV = "sha256:" + "c3".repeat(32);
    static final String CHECKOUT_STAGING = "sha256:" + "d4".repeat(32);
    static final String WORKER_DEV = "sha256:" + "e5".repeat(32);
    static final String WORKER_STAGING = "sha256:" + "f6".repeat(32);

    /**
     * The official image {@code postgres:17.10}, its multi-platform index as docker-library/repo-info records it
     * (repos/postgres/remote/17.10.md at 4875f6a00ca3f34f168107e0850205af75ddbf23).
     */
    static final String POSTGRES_17_10 = "sha256:ccb771565a9685249a794529986c6f6eb007c676dd4169d84d3f1c46a280e696";

    /** The checkout database's data directory: a volume, with the cluster and the dumps below it. */
    static final String CHECKOUT_DB_DATA = "/var/lib/postgresql/data";

    @Override
    public Platform define() {
        return platform("reference", NodePools.production());
    }

    /** The platform on the given node pools; the lab variant passes {@link NodePools#lab()}. */
    public static Platform platform(String name, NodePools pools) {
        Platform platform = Platform.named(name).environments(DEV, STAGING, PROD);
        Storage storage = Storage.longhorn();
        Loki loki = Loki.storingIn("https://s3.backup.example.com");
        Catalog catalog = Catalog.of(
                pools,
                tenancy(),
                Rbac.create().developers("shop", "team-shop").developers("orders", "team-orders"),
                ArgoCd.following(REPO).tenantNamespaces("shop", "orders"),
                CertManager.on(pools),
                AcmeIssuers.cloudflare("platform@example.com"),
                ExternalSecrets.on(pools),
                VaultSecretStore.at("https://vault.example.com:8200")
                        .externalSecret("shop", "checkout-payments", "shop/checkout", "PAYMENTS_API_KEY")
                        .externalSecret("shop", "checkout-db", "shop/checkout-db", "POSTGRES_PASSWORD")
                        .externalSecret("orders", "worker-database", "orders/worker", "DATABASE_URL")
                        .externalSecret(
                                "logging",
                                "loki-object-storage",
                                "platform/loki",
                                "AWS_ACCESS_KEY_ID",
                                "AWS_SECRET_ACCESS_KEY")
                        .externalSecret("velero", "velero-object-storage", "platform/velero", "cloud")
                        .externalSecret("cert-manager", "cloudflare-api-token", "platform/cloudflare", "api-token"),
                Kyverno.on(pools),
                KyvernoPolicies.create(),
                storage,
                // bare metal, as the seeds' clusters: the internal controller's addresses come from a private pool
                IngressNginx.on(pools).internalLoadBalancer(IngressNginx.InternalLoadBalancer.metalLb("internal")),
                KubePrometheusStack.on(pools),
                AlertRules.create(),
                loki,
                Alloy.shippingTo(loki, pools),
                Velero.on(pools),
                Velero.VeleroSchedules.storingIn("https://s3.backup.example.com")
                        .critical("shop", "orders"));
        String[] tenantNeeds = {"ingress-nginx", "vault-secret-store", "kyverno-policies"};
        App checkout = checkout();
        App database = checkoutDatabase(storage).allowFrom(checkout);
        catalog.tenant(storefront(), tenantNeeds)
                .tenant(checkout.allowEgressTo(database), tenantNeeds)
                .tenant(database, "storage", "vault-secret-store", "kyverno-policies")
                .tenant(worker(), tenantNeeds);
        return catalog.addTo(platform);
    }

    static Tenancy tenancy() {
        return Tenancy.create()
                .platform(
                        PlatformNamespace.named("argocd").apiServerEgress().metricsPorts(8082, 8083, 8084),
                        PlatformNamespace.named("cert-manager")
                                .apiServerEgress()
                                .metricsPorts(9402),
                        PlatformNamespace.named("external-secrets")
                                .apiServerEgress()
                                .metricsPorts(8080),
                        PlatformNamespace.named("kyverno").apiServerEgress().metricsPorts(8000),
                        PlatformNamespace.named("ingress-nginx")
                                .apiServerEgress()
                                .metricsPorts(10254)
                                .publicPorts(80, 443),
                        PlatformNamespace.named("longhorn-system")
                                .privileged("Longhorn manages block devices on the host: privileged pods and host"
                                        + " paths.")
                                .apiServerEgress()
                                .metricsPorts(9500),
                        PlatformNamespace.named(Tenancy.MONITORING)
                                .privileged("node-exporter reads the host: host network, host PID and host paths.")
                                .apiServerEgress()
                                .metricsPorts(9090, 9093, 3000),
                        PlatformNamespace.named("logging").apiServerEgress().metricsPorts(3100),
                        PlatformNamespace.named("alloy")
                                .privileged("Alloy tails the log files of every pod on its node: a host path"
                                        + " (/var/log), which baseline forbids.")
                                .apiServerEgress()
                                .metricsPorts(Alloy.HTTP_PORT),
                        PlatformNamespace.named("velero")
                                .privileged("The node agent backs up volumes by reading pods' host paths.")
                                .apiServerEgress()
                                .metricsPorts(8085))
                .tenant(
                        "shop",
                        PerEnv.of(DEV, Quota.of("2", "4Gi", 20))
                                .and(STAGING, Quota.of("4", "8Gi", 40))
                                .and(PROD, Quota.of("16", "32Gi", 100)))
                .tenant(
                        "orders",
                        PerEnv.of(DEV, Quota.of("1", "2Gi", 10))
                                .and(STAGING, Quota.of("2", "4Gi", 20))
                                .and(PROD, Quota.of("8", "16Gi", 50)));
    }

    static App storefront() {
        return App.named("storefront")
                .namespace("shop")
                .image(
                        "ghcr.io/example/storefront",
                        PerEnv.of(DEV, STOREFRONT_DEV)
                                .and(STAGING, STOREFRONT_STAGING)
                                .and(PROD, STOREFRONT_STAGING))
                .port("http", 8080)
                .compute(PerEnv.of(DEV, Compute.of("50m", "128Mi"))
                        .and(STAGING, Compute.of("100m", "256Mi"))
                        .and(PROD, Compute.of("250m", "512Mi")))
                .replicas(PerEnv.of(DEV, 1))
                .autoscaling(PerEnv.of(STAGING, Autoscaling.between(2, 4)).and(PROD, Autoscaling.between(3, 12)))
                .ingress(PerEnv.by(env -> "shop." + env.domain()))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http"))
                .allowFromNamespace(Tenancy.MONITORING)
                .allowEgressToDns();
    }

    static App checkout() {
        return App.named("checkout-api")
                .namespace("shop")
                .image(
                        "ghcr.io/example/checkout-api",
                        PerEnv.of(DEV, CHECKOUT_DEV)
                                .and(STAGING, CHECKOUT_STAGING)
                                .and(PROD, CHECKOUT_STAGING))
                .port("http", 8080)
                .compute(PerEnv.of(DEV, Compute.of("50m", "128Mi"))
                        .and(STAGING, Compute.of("100m", "256Mi"))
                        .and(PROD, Compute.of("500m", "512Mi").withMemoryLimit("768Mi")))
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2).and(PROD, 3))
                .env("LOG_LEVEL", PerEnv.of(DEV, "debug").and(STAGING, "info").and(PROD, "info"))
                .env("DATABASE_HOST", "checkout-db")
                .ingress(PerEnv.by(env -> "api." + env.domain()))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http"))
                .allowFromNamespace(Tenancy.MONITORING)
                .allowEgressToDns();
    }

    /**
     * The checkout API's PostgreSQL: one pod (a StatefulSet) on a Longhorn volume sized per environment, reachable
     * only from the API, in {@code shop}, which the 6-hourly Velero schedule covers. Before each backup Velero runs
     * {@code pg_dump} into the volume, so the backup holds a consistent dump beside the data directory.
     */
    static App checkoutDatabase(Storage storage) {
        return App.named("checkout-db")
                .namespace("shop")
                .image("docker.io/library/postgres", PerEnv.all(POSTGRES_17_10))
                .port("postgres", 5432)
                .compute(PerEnv.of(DEV, Compute.of("100m", "256Mi"))
                        .and(STAGING, Compute.of("250m", "512Mi"))
                        .and(PROD, Compute.of("1", "2Gi")))
                .env("POSTGRES_DB", "checkout")
                .env("PGDATA", CHECKOUT_DB_DATA + "/pgdata")
                .secretEnv("POSTGRES_PASSWORD", "checkout-db", "POSTGRES_PASSWORD")
                .runAs(999, 999)
                .persistentVolume(
                        "data",
                        CHECKOUT_DB_DATA,
                        storage.className(),
                        PerEnv.of(DEV, "5Gi").and(STAGING, "20Gi").and(PROD, "100Gi"))
                .scratchVolume("run", "/var/run/postgresql")
                .podAnnotations(Velero.pgDumpHook("checkout-db", "checkout", CHECKOUT_DB_DATA + "/dumps/checkout.dump"))
                .readiness(Probe.tcp("postgres"));
    }

    static App worker() {
        return App.named("order-worker")
                .namespace("orders")
                .image(
                        "ghcr.io/example/order-worker",
                        PerEnv.of(DEV, WORKER_DEV).and(STAGING, WORKER_STAGING).and(PROD, WORKER_STAGING))
                .port("metrics", 9090)
                .compute(PerEnv.of(DEV, Compute.of("50m", "128Mi"))
                        .and(STAGING, Compute.of("100m", "256Mi"))
                        .and(PROD, Compute.of("250m", "512Mi")))
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2).and(PROD, 2))
                .readiness(Probe.tcp("metrics"))
                .allowFromNamespace(Tenancy.MONITORING)
                .allowEgressToDns();
    }
}

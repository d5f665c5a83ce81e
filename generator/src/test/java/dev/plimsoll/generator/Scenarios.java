package dev.plimsoll.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.catalog.Velero;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The platforms the golden, Kustomize-proof and safety tests render; each name is a golden directory. */
public final class Scenarios {

    static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV)
            .withCluster("dev-eu-1")
            .withDomain("dev.acme.test")
            .withLabel("acme.test/environment", "dev");
    static final Environment STAGING = Environment.of("staging", 2, Environment.Tier.STAGING)
            .withCluster("staging-eu-1")
            .withDomain("staging.acme.test")
            .withLabel("acme.test/environment", "staging");
    static final Environment PROD = Environment.of("prod", 3, Environment.Tier.PROD)
            .withCluster("prod-eu-1")
            .withDomain("acme.test")
            .withLabel("acme.test/environment", "prod");

    public static final String DIGEST_1 = "sha256:" + "1".repeat(64);
    public static final String DIGEST_2 = "sha256:" + "2".repeat(64);
    public static final String DIGEST_3 = "sha256:" + "3".repeat(64);

    private Scenarios() {}

    /** The object of {@code kind} named {@code name} that {@code environment} runs. */
    public static JsonNode object(PlatformModel model, Environment environment, String kind, String name) {
        return model.objects(environment).stream()
                .filter(o -> o.path("kind").asText().equals(kind)
                        && o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(environment + " runs no " + kind + " " + name));
    }

    /** Every scenario by its golden directory name. */
    public static Map<String, Supplier<Platform>> all() {
        Map<String, Supplier<Platform>> all = new LinkedHashMap<>();
        all.put("one-app", Scenarios::oneApp);
        all.put("prod-only-app", Scenarios::prodOnlyApp);
        all.put("patches", Scenarios::patches);
        all.put("custom-resource", Scenarios::customResource);
        all.put("raw-yaml", Scenarios::rawYaml);
        all.put("pod-annotations", Scenarios::podAnnotations);
        all.put("database", Scenarios::database);
        return all;
    }

    static PerEnv<String> promoted() {
        return PerEnv.of(DEV, DIGEST_3).and(STAGING, DIGEST_2).and(PROD, DIGEST_1);
    }

    /** A tenant app as a team would write it: the same in shape everywhere, different in size and version. */
    static App checkout() {
        return App.named("checkout")
                .namespace("shop")
                .image("ghcr.io/acme/checkout", promoted())
                .port("http", 8080)
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2).and(PROD, 3))
                .compute(PerEnv.of(DEV, Compute.of("50m", "128Mi"))
                        .and(STAGING, Compute.of("100m", "256Mi"))
                        .and(PROD, Compute.of("250m", "512Mi").withMemoryLimit("768Mi")))
                .env("LOG_LEVEL", PerEnv.of(DEV, "debug").and(STAGING, "info").and(PROD, "warn"))
                .env("PAYMENTS_URL", PerEnv.by(env -> "https://payments." + env.domain()))
                .env("HTTP_PORT", "8080")
                .ingress(PerEnv.by(env -> "checkout." + env.domain()))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http").withPeriodSeconds(20))
                .allowFromNamespace("monitoring")
                .allowEgressToDns();
    }

    static Platform oneApp() {
        return Platform.named("acme").environments(DEV, STAGING, PROD).app(checkout());
    }

    static Platform prodOnlyApp() {
        App audit = App.named("audit")
                .image("ghcr.io/acme/audit", PerEnv.all(DIGEST_1))
                .port("http", 8080)
                .replicas(PerEnv.all(2))
                .compute(Compute.of("100m", "256Mi"))
                .readiness(Probe.tcp("http"))
                .allowEgressToDns()
                .onlyIn(PROD);
        return Platform.named("acme")
                .environments(DEV, STAGING, PROD)
                .app(checkout())
                .app(audit);
    }

    /** Patches on containers (a prod-only sidecar, resources), env vars (added, changed, dropped) and ports. */
    static Platform patches() {
        App api = App.named("api")
                .namespace("shop")
                .image("ghcr.io/acme/api", promoted())
                .port("http", 8080)
                .port("debug", 5005, DEV)
                .port("metrics", 9090, STAGING, PROD)
                .autoscaling(PerEnv.of(PROD, Autoscaling.between(3, 10).targetCpu(60)))
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2))
                .compute(Compute.of("100m", "256Mi"))
                .env("FEATURE_FLAGS", PerEnv.of(DEV, "all").and(STAGING, "beta"))
                .env("TRACING", PerEnv.of(PROD, "on"))
                .env("HTTP_PORT", "8080")
                .readiness(Probe.http("/ready", "http"))
                .allowFromIngressTier()
                .allowEgressToDns();
        Manifests worker = Manifests.named("worker")
                .add(PerEnv.by(Scenarios::worker))
                .add(new PodDisruptionBudgetBuilder()
                        .withNewMetadata()
                        .withName("worker")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withMaxUnavailable(new IntOrString(1))
                        .withNewSelector()
                        .addToMatchLabels("app.kubernetes.io/name", "worker")
                        .endSelector()
                        .endSpec()
                        .build());
        return Platform.named("acme").environments(DEV, STAGING, PROD).app(api).manifests(worker);
    }

    /** A hand-built Deployment whose containers, env and ports differ per environment. */
    private static Deployment worker(Environment env) {
        boolean prod = env.equals(PROD);
        var main = new ContainerBuilder()
                .withName("worker")
                .withImage((prod ? "registry.acme.test/mirror/worker@" + DIGEST_1 : "ghcr.io/acme/worker@" + DIGEST_2))
                .addNewEnv()
                .withName("QUEUE")
                .withValue("jobs-" + env.name())
                .endEnv()
                .addNewEnv()
                .withName("BATCH")
                .withValue("50")
                .endEnv()
                .addNewPort()
                .withName("metrics")
                .withContainerPort(9100)
                .endPort()
                .withNewResources()
                .addToRequests("cpu", new Quantity(prod ? "500m" : "100m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("memory", new Quantity("256Mi"))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("scratch")
                .withMountPath("/scratch")
                .endVolumeMount();
        if (!env.equals(DEV)) {
            main.addNewPort().withName("health").withContainerPort(8081).endPort();
        }
        var builder = new DeploymentBuilder()
                .withNewMetadata()
                .withName("worker")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withReplicas(prod ? 2 : 1)
                .withNewSelector()
                .addToMatchLabels("app.kubernetes.io/name", "worker")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app.kubernetes.io/name", "worker")
                .endMetadata()
                .withNewSpec()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addToContainers(main.build())
                .addNewVolume()
                .withName("scratch")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec();
        if (prod) {
            builder.editSpec()
                    .editTemplate()
                    .editSpec()
                    .addNewContainer()
                    .withName("log-shipper")
                    .withImage("ghcr.io/acme/log-shipper@" + DIGEST_3)
                    .withArgs("--target", "loki.monitoring:3100")
                    .withNewResources()
                    .addToRequests("cpu", new Quantity("10m"))
                    .addToRequests("memory", new Quantity("32Mi"))
                    .addToLimits("memory", new Quantity("32Mi"))
                    .endResources()
                    .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withNewCapabilities()
                    .withDrop("ALL")
                    .endCapabilities()
                    .endSecurityContext()
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec();
        }
        return builder.build();
    }

    /** A cert-manager Certificate whose DNS names and duration differ per environment, and a prod-only issuer. */
    static Platform customResource() {
        Manifests certificates = Manifests.named("certificates")
                .add(PerEnv.by(Scenarios::certificate))
                .add(issuer(), STAGING, PROD);
        return Platform.named("acme")
                .environments(DEV, STAGING, PROD)
                .app(checkout())
                .manifests(certificates);
    }

    private static GenericKubernetesResource certificate(Environment env) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", "shop-wildcard-tls");
        spec.put("dnsNames", env.equals(PROD) ? List.of("acme.test", "*.acme.test") : List.of("*." + env.domain()));
        spec.put("duration", env.equals(PROD) ? "2160h" : "720h");
        spec.put("issuerRef", Map.of("kind", "ClusterIssuer", "name", env.equals(DEV) ? "selfsigned" : "letsencrypt"));
        spec.put("privateKey", Map.of("algorithm", "ECDSA", "size", 256));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("cert-manager.io/v1")
                .withKind("Certificate")
                .withNewMetadata()
                .withName("shop-wildcard")
                .withNamespace("shop")
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    private static HasMetadata issuer() {
        Map<String, Object> acme = new LinkedHashMap<>();
        acme.put("server", "https://acme-v02.api.letsencrypt.org/directory");
        acme.put("privateKeySecretRef", Map.of("name", "letsencrypt-account"));
        acme.put(
                "solvers",
                List.of(Map.of(
                        "dns01",
                        Map.of(
                                "cloudflare",
                                Map.of("apiTokenSecretRef", Map.of("name", "cloudflare-token", "key", "token"))))));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("cert-manager.io/v1")
                .withKind("ClusterIssuer")
                .withNewMetadata()
                .withName("letsencrypt")
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("acme", acme))
                .build();
    }

    /** Raw YAML: a ConfigMap everywhere whose data differs per environment, and a prod-only ResourceQuota. */
    static Platform rawYaml() {
        Manifests raw = Manifests.named("shop-config")
                .yaml(PerEnv.by(env -> """
                        # Settings the shop reads at start-up.
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: shop-settings
                          namespace: shop
                        data:
                          currency: EUR
                          "retries": "3"
                          maintenance: "no"
                          region: %s
                        """.formatted(env.cluster())))
                .yaml("""
                        apiVersion: v1
                        kind: ResourceQuota
                        metadata:
                          name: shop
                          namespace: shop
                        spec:
                          hard:
                            requests.cpu: "8"
                            requests.memory: 16Gi
                            pods: "50"
                        """, PROD);
        return Platform.named("acme")
                .environments(DEV, STAGING, PROD)
                .app(checkout())
                .manifests(raw);
    }

    /** Pod annotations: one in every environment, one in staging and prod only, one whose value differs. */
    static Platform podAnnotations() {
        Map<String, String> onCall = Map.of("acme.test/on-call", "shop-oncall");
        App api = App.named("api")
                .namespace("shop")
                .image("ghcr.io/acme/api", promoted())
                .port("http", 8080)
                .compute(Compute.of("100m", "256Mi"))
                .readiness(Probe.http("/ready", "http"))
                .podAnnotations(Map.of("acme.test/team", "shop"))
                .podAnnotations(PerEnv.of(STAGING, onCall).and(PROD, onCall))
                .podAnnotations(PerEnv.by(env -> Map.of("acme.test/cost-center", "shop-" + env.name())));
        return Platform.named("acme").environments(DEV, STAGING, PROD).app(api);
    }

    /**
     * A database and the app that uses it: a StatefulSet whose claim grows per environment, with a scratch directory, a
     * fixed user, a password from a Secret and a backup hook in staging and prod, reachable only from the app.
     */
    static Platform database() {
        Map<String, String> hook =
                Velero.pgDumpHook("orders-db", "orders", "/var/lib/postgresql/data/dumps/orders.dump");
        App api = App.named("orders-api")
                .namespace("orders")
                .image("ghcr.io/acme/orders-api", promoted())
                .port("http", 8080)
                .compute(Compute.of("100m", "256Mi"))
                .readiness(Probe.http("/ready", "http"));
        App database = App.named("orders-db")
                .namespace("orders")
                .image("docker.io/library/postgres", PerEnv.all(DIGEST_1))
                .port("postgres", 5432)
                .compute(PerEnv.of(DEV, Compute.of("100m", "256Mi"))
                        .and(STAGING, Compute.of("250m", "512Mi"))
                        .and(PROD, Compute.of("500m", "1Gi")))
                .env("PGDATA", "/var/lib/postgresql/data/pgdata")
                .secretEnv("POSTGRES_PASSWORD", "orders-db", "password")
                .runAs(999, 999)
                .persistentVolume(
                        "data",
                        "/var/lib/postgresql/data",
                        "longhorn",
                        PerEnv.of(DEV, "1Gi").and(STAGING, "10Gi").and(PROD, "50Gi"))
                .scratchVolume("run", "/var/run/postgresql")
                .podAnnotations(PerEnv.of(STAGING, hook).and(PROD, hook))
                .readiness(Probe.tcp("postgres"))
                .allowFrom(api);
        api.allowEgressTo(database);
        return Platform.named("acme").environments(DEV, STAGING, PROD).app(api).app(database);
    }
}

package dev.plimsoll.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Helm values the catalog renders use only keys the pinned chart has. Helm ignores an unknown key silently, so a
 * typo or a key the chart renamed would ship; each pinned chart version has a key snapshot of its upstream {@code
 * values.yaml} in {@code charts/} (how to make one: {@code charts/README.md}), and every values tree of every
 * component, in every environment, with the reference platform's settings and the non-default options, is walked
 * against it.
 */
class ChartValuesTest {

    /** Besides the catalog tests' environments, one without a domain (no ingress hosts, no Argo CD URL). */
    static final Environment NO_DOMAIN = Environment.of("edge", 4, Environment.Tier.PROD);

    /**
     * Free-form maps, per chart: the path itself must be in the snapshot, what the platform puts below it is the
     * chart's passthrough content (Kubernetes fields, ConfigMap data, selectors) and is not checked. Reviewed against
     * the chart's values.yaml and templates; keep it short.
     */
    static final Map<String, Set<String>> PASSTHROUGH = Map.of(
            "cert-manager",
            Set.of(
                    // Kubernetes ResourceRequirements ({} in the chart)
                    "resources",
                    // Kubernetes nodeSelectors; the chart's defaults hold kubernetes.io/os
                    "nodeSelector",
                    "webhook.nodeSelector",
                    "cainjector.nodeSelector",
                    "startupapicheck.nodeSelector"),
            "velero",
            Set.of(
                    // Kubernetes ResourceRequirements and nodeSelector ({} in the chart)
                    "resources", "nodeSelector", "nodeAgent.resources"),
            "ingress-nginx",
            Set.of(
                    // ConfigMap data of the controller (keys are nginx settings, not chart values)
                    "controller.config",
                    // a Kubernetes nodeSelector; the chart's default holds kubernetes.io/os
                    "controller.nodeSelector",
                    // a Kubernetes ResourceRequirements; the chart's default holds requests only
                    "controller.resources",
                    // the internal Service's annotations ({} in the chart)
                    "controller.service.internal.annotations"),
            "loki",
            Set.of(
                    // Loki's own schema_config ({} in the chart), written into the config file as it is
                    "loki.schemaConfig"),
            "alloy",
            Set.of(
                    // Kubernetes ResourceRequirements ({} in the chart)
                    "alloy.resources"));

    /**
     * Pinned versions whose own values.yaml was not in the stored copy of the chart's repository, with the snapshot that
     * stands in for them and why it is close enough. A bump of one of these versions fails {@link
     * #everyPinnedChart_hasASnapshot} until it gets a snapshot of its own or a new entry here.
     */
    static final Map<String, StandIn> STAND_INS = Map.of(
            "cert-manager v1.16.2",
            new StandIn(
                    "cert-manager-main-001eb00d",
                    "the chart's Chart.yaml in the repository carries no release version, so no stored values.yaml"
                            + " can be tied to v1.16.2; this one is of the v1.17 line, the next minor"),
            "velero 12.1.0",
            new StandIn(
                    "velero-7.2.0",
                    "the stored copy pairs a Chart.yaml with its values.yaml for 7.2.0 and 10.1.0 only (12.1.0 is"
                            + " pinned because velero-plugin-for-aws v1.14.0 needs Velero 1.18); keys that 12.x renamed"
                            + " since 7.2.0 would go unnoticed until 12.1.0 gets a snapshot of its own"));

    /** Pinned versions that could not be checked at all: no values.yaml of the same release line was readable. */
    static final Map<String, String> UNVERIFIED = Map.of(
            "argo-cd 7.7.11",
            "argoproj/argo-helm: Chart.yaml 7.7.14 is stored without its values.yaml; the values.yaml versions"
                    + " that pair with a Chart.yaml are 3.27.0 and 5.21.1 (and a fork's 9.5.18)",
            "external-secrets 0.11.0",
            "external-secrets/external-secrets: no stored values.yaml has its Chart.yaml beside it",
            "kube-prometheus-stack 66.3.1",
            "prometheus-community/helm-charts: Chart.yaml 67.8.0 is stored without its values.yaml, and no stored"
                    + " values.yaml has its Chart.yaml beside it (a fork pairs them for 80.11.1)",
            "kyverno 3.3.4",
            "kyverno/kyverno: Chart.yaml 3.3.2 is stored without its values.yaml; the stored values.yaml"
                    + " versions have no Chart.yaml beside them",
            "longhorn 1.7.2",
            "longhorn/longhorn: the only values.yaml tied to a release is 1.1.1's");

    record StandIn(String snapshot, String reason) {}

    /** One rendered Application that installs a chart. */
    record Install(
            String platform, String environment, String application, String chart, String version, JsonNode values) {

        String pin() {
            return chart + " " + version;
        }

        String where() {
            return platform + "/" + environment + " " + application + " (" + chart + " " + version + ")";
        }
    }

    /** The catalog with the reference platform's settings, on production and on lab pools, and with other options. */
    static List<Platform> platforms() {
        List<Platform> platforms = new ArrayList<>();
        for (NodePools pools : List.of(NodePools.production(), NodePools.lab())) {
            Loki loki = Loki.storingIn("https://s3.acme.test");
            platforms.add(platform(
                    pools.dedicated() ? "reference" : "lab",
                    ArgoCd.following("https://git.acme.test/manifests.git").tenantNamespaces("shop"),
                    CertManager.on(pools),
                    ExternalSecrets.on(pools),
                    Kyverno.on(pools),
                    Storage.longhorn(),
                    IngressNginx.on(pools),
                    KubePrometheusStack.on(pools),
                    loki,
                    Alloy.shippingTo(loki, pools),
                    Velero.on(pools)));
        }
        NodePools pools = NodePools.production();
        platforms.add(platform(
                "options",
                ArgoCd.following("https://git.acme.test/manifests.git").replicas(PerEnv.all(3)),
                Storage.longhorn().replicas(PerEnv.all(2)),
                IngressNginx.on(pools)
                        .clientIp(IngressNginx.ClientIp.FORWARDED_HEADERS)
                        .replicas(PerEnv.all(3)),
                KubePrometheusStack.on(pools).retention(PerEnv.all("30d")).storage(PerEnv.all("50Gi")),
                Loki.storingIn("https://s3.acme.test").bucket(PerEnv.all("logs"))));
        return platforms;
    }

    private static Platform platform(String name, CatalogComponent... components) {
        Platform platform =
                Platform.named(name).environments(CatalogTest.DEV, CatalogTest.STAGING, CatalogTest.PROD, NO_DOMAIN);
        for (CatalogComponent component : components) {
            platform.component(component);
        }
        return platform;
    }

    static List<Install> installs() {
        List<Install> installs = new ArrayList<>();
        for (Platform platform : platforms()) {
            PlatformModel model = ModelBuilder.build(platform);
            for (Environment environment : model.environments()) {
                for (JsonNode object : model.objects(environment)) {
                    JsonNode source = object.path("spec").path("source");
                    if (object.path("kind").asText().equals("Application") && source.has("chart")) {
                        installs.add(new Install(
                                model.platform(),
                                environment.name(),
                                object.path("metadata").path("name").asText(),
                                source.path("chart").asText(),
                                source.path("targetRevision").asText(),
                                source.path("helm").path("valuesObject")));
                    }
                }
            }
        }
        return installs;
    }

    /** The snapshot name for a pinned chart, or null when it has none (stand-ins count, unverified pins do not). */
    static String snapshotFor(String chart, String version) {
        String own = chart + "-" + version;
        if (!ChartKeys.load(own).isEmpty()) {
            return own;
        }
        StandIn standIn = STAND_INS.get(chart + " " + version);
        return standIn == null ? null : standIn.snapshot();
    }

    @Test
    void renderedValues_everyKeyIsInThePinnedChart() {
        // given
        List<Install> installs = installs();
        List<String> findings = new ArrayList<>();

        // when
        for (Install install : installs) {
            String snapshot = snapshotFor(install.chart(), install.version());
            if (snapshot == null) {
                continue;
            }
            for (String path : ChartKeys.unknown(
                    install.values(), ChartKeys.load(snapshot), PASSTHROUGH.getOrDefault(install.chart(), Set.of()))) {
                findings.add(install.where() + ": " + path + " is not a key of the chart (snapshot " + snapshot + ")");
            }
        }

        // then
        assertThat(installs).isNotEmpty();
        assertThat(findings).isEmpty();
    }

    @Test
    void everyPinnedChart_hasASnapshot() {
        // given
        SortedSet<String> missing = new TreeSet<>();

        // when
        for (Install install : installs()) {
            if (snapshotFor(install.chart(), install.version()) == null && !UNVERIFIED.containsKey(install.pin())) {
                missing.add(install.pin() + " (" + install.application() + "): no charts/" + install.chart() + "-"
                        + install.version() + ".keys, no stand-in and not declared unverified");
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

    @Test
    void declaredGaps_areStillPinned() {
        // given
        Set<String> pinned = new TreeSet<>();
        installs().forEach(i -> pinned.add(i.pin()));

        // then: a stale entry would hide the next bump of that chart
        assertThat(pinned).containsAll(STAND_INS.keySet()).containsAll(UNVERIFIED.keySet());
        STAND_INS.values().forEach(s -> assertThat(ChartKeys.load(s.snapshot()))
                .as(s.snapshot())
                .isNotEmpty());
    }

    @Test
    void passthroughPrefixes_areKeysOfTheirCharts() {
        // given
        SortedSet<String> stale = new TreeSet<>();

        // when
        for (Install install : installs()) {
            String snapshot = snapshotFor(install.chart(), install.version());
            SortedSet<String> keys = snapshot == null ? new TreeSet<>() : ChartKeys.load(snapshot);
            for (String prefix : PASSTHROUGH.getOrDefault(install.chart(), Set.of())) {
                if (!keys.contains(prefix)) {
                    stale.add(install.pin() + ": " + prefix);
                }
            }
        }

        // then
        assertThat(stale).isEmpty();
    }

    @Test
    void unknown_typoAndRenamedKeys_reportedTopmostOnly() throws Exception {
        // given
        JsonNode values = new ObjectMapper().readTree("""
                        {"controller": {"replicaCount": 2, "replicas": 2,
                                        "nodeSelector": {"pool": "ingress"},
                                        "servcie": {"internal": {"enabled": true}},
                                        "tolerations": [{"key": "anything"}]},
                         "defaultBackend": {"enabled": false}}
                        """);

        // when
        List<String> unknown =
                ChartKeys.unknown(values, ChartKeys.load("ingress-nginx-4.12.0"), PASSTHROUGH.get("ingress-nginx"));

        // then
        assertThat(unknown).containsExactly("controller.replicas", "controller.servcie");
    }

    @Test
    void of_valuesText_everyMappingKeyAsAPath() {
        // given
        String values = """
                # comment
                image:
                  tag: ""
                nodeSelector:
                  kubernetes.io/os: linux
                configs:
                  cm:
                    application.resourceTrackingMethod: annotation
                tolerations:
                  - key: a
                resources: {}
                """;

        // when
        SortedSet<String> keys = ChartKeys.of(values, "");

        // then
        assertThat(keys)
                .containsExactly(
                        "configs",
                        "configs.cm",
                        "configs.cm.\"application.resourceTrackingMethod\"",
                        "image",
                        "image.tag",
                        "nodeSelector",
                        "nodeSelector.\"kubernetes.io/os\"",
                        "resources",
                        "tolerations");
        assertThat(ChartKeys.of("enabled: true\n", "grafana")).containsExactly("grafana", "grafana.enabled");
    }
}

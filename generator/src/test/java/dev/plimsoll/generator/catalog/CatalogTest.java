package dev.plimsoll.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.generator.Component;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Manifests;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.PlacedObject;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Quota;
import dev.plimsoll.generator.ValidationException;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog component: its objects per environment against golden files ({@code catalog/<component>/<env>.yaml};
 * update with {@code -Dplimsoll.golden.update=true}), its defaults, per-environment values and validation, and the sync
 * waves the dependency graph gives.
 */
class CatalogTest {

    static final Environment DEV =
            Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.acme.test");
    static final Environment STAGING =
            Environment.of("staging", 2, Environment.Tier.STAGING).withDomain("staging.acme.test");
    static final Environment PROD =
            Environment.of("prod", 3, Environment.Tier.PROD).withDomain("acme.test");
    static final Path GOLDEN = Path.of("src/test/resources/catalog");
    static final NodePools POOLS = NodePools.production();

    static Stream<Arguments> components() {
        Map<String, Supplier<CatalogComponent>> all = new java.util.LinkedHashMap<>();
        all.put("node-pools", () -> POOLS);
        all.put("namespaces", () -> Tenancy.create()
                .platform(
                        Tenancy.PlatformNamespace.named("cert-manager")
                                .apiServerEgress()
                                .metricsPorts(9402),
                        Tenancy.PlatformNamespace.named("monitoring").privileged("node-exporter reads the host."))
                .tenant("shop", PerEnv.all(Quota.of("2", "4Gi", 20))));
        all.put("rbac", () -> Rbac.create().developers("shop", "team-shop"));
        all.put("argocd", () -> ArgoCd.following("https://git.acme.test/manifests.git")
                .tenantNamespaces("shop"));
        all.put("ingress-nginx", () -> IngressNginx.on(POOLS));
        all.put("cert-manager", () -> CertManager.on(POOLS));
        all.put("acme-issuers", () -> AcmeIssuers.cloudflare("ops@acme.test"));
        all.put("external-secrets", () -> ExternalSecrets.on(POOLS));
        all.put("vault-secret-store", () -> VaultSecretStore.at("https://vault.acme.test")
                .externalSecret("shop", "db", "shop/db", "url"));
        all.put("kyverno", () -> Kyverno.on(POOLS));
        all.put("kyverno-policies", KyvernoPolicies::create);
        all.put("storage", Storage::longhorn);
        all.put("kube-prometheus-stack", () -> KubePrometheusStack.on(POOLS));
        all.put("alert-rules", AlertRules::create);
        all.put("loki", () -> Loki.storingIn("https://s3.acme.test"));
        all.put("alloy", () -> Alloy.shippingTo(Loki.storingIn("https://s3.acme.test"), POOLS));
        all.put("velero", () -> Velero.on(POOLS));
        all.put("velero-schedules", () -> Velero.VeleroSchedules.storingIn("https://s3.acme.test")
                .critical("shop"));
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void render_eachEnvironment_matchesGolden(String name, Supplier<CatalogComponent> component) throws IOException {
        // given
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).component(Catalog.alone(component.get()));

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then
        for (Environment environment : model.environments()) {
            String actual = CanonicalYaml.writeAll(model.objects(environment));
            Path golden = GOLDEN.resolve(name).resolve(environment.name() + ".yaml");
            if (Boolean.getBoolean("plimsoll.golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    /**
     * Image fields of the catalog that are not images, by {@code component kind/name pointer}, each with the reason it
     * is not pinned.
     */
    static final Map<String, String> NOT_IMAGES = kyvernoImagePatterns();

    /** The image patterns of the Kyverno policies: two policies, a rule for tenants and one for the platform each. */
    private static Map<String, String> kyvernoImagePatterns() {
        Map<String, String> patterns = new TreeMap<>();
        for (String policy : List.of("disallow-latest-tag", "require-image-digest")) {
            for (int rule = 0; rule < 2; rule++) {
                for (String field : List.of("=(initContainers)", "containers")) {
                    patterns.put(
                            "kyverno-policies ClusterPolicy/" + policy + " /spec/rules/" + rule
                                    + "/validate/pattern/spec/" + field + "/0/image",
                            "a Kyverno pattern over images, not an image");
                }
            }
        }
        return patterns;
    }

    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

    @Test
    void render_everyImageOfEveryComponent_pinnedByDigestOrListedWithAReason() {
        // given: every image field, wherever it is: containers, init containers, Helm values (image: ref,
        // image: {repository, tag, digest}, and fields whose name ends in Image)
        Map<String, String> images = new TreeMap<>();
        components().forEach(arguments -> {
            String name = (String) arguments.get()[0];
            @SuppressWarnings("unchecked")
            Supplier<CatalogComponent> component =
                    (Supplier<CatalogComponent>) arguments.get()[1];
            Platform platform =
                    Platform.named("acme").environments(DEV, STAGING, PROD).component(component.get());
            PlatformModel model = ModelBuilder.build(platform);
            for (Environment environment : model.environments()) {
                for (JsonNode object : model.objects(environment)) {
                    String where = name + " " + object.path("kind").asText() + "/"
                            + object.at("/metadata/name").asText() + " ";
                    imageFields(object, "", (pointer, image) -> images.put(where + pointer, image));
                }
            }
        });

        // when
        Map<String, String> unpinned = new TreeMap<>(images);
        unpinned.entrySet().removeIf(e -> PINNED.matcher(e.getValue()).matches());

        // then
        assertThat(images).isNotEmpty();
        assertThat(unpinned.keySet())
                .as("images not pinned by digest: %s", unpinned)
                .containsExactlyInAnyOrderElementsOf(NOT_IMAGES.keySet());
        NOT_IMAGES.values().forEach(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void imageFields_helmValuesAndContainers_allFound() throws IOException {
        // given
        JsonNode values = new ObjectMapper().readTree("""
                {"image": {"repository": "velero/velero", "tag": "v1", "digest": "sha256:00"},
                 "kubectl": {"initImage": "bitnami/kubectl:1.33"},
                 "initContainers": [{"name": "plugin", "image": "velero/plugin:v1"}],
                 "replicas": 2}""");
        Map<String, String> found = new TreeMap<>();

        // when
        imageFields(values, "", found::put);

        // then
        assertThat(found)
                .containsExactly(
                        Map.entry("/image", "velero/velero:v1@sha256:00"),
                        Map.entry("/initContainers/0/image", "velero/plugin:v1"),
                        Map.entry("/kubectl/initImage", "bitnami/kubectl:1.33"));
    }

    /** Calls {@code found} with the pointer and the reference of every image field under {@code node}. */
    private static void imageFields(JsonNode node, String pointer, BiConsumer<String, String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                imageFields(node.get(i), pointer + "/" + i, found);
            }
            return;
        }
        node.properties().forEach(field -> {
            String path = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            boolean image = field.getKey().equals("image") || field.getKey().endsWith("Image");
            if (image && value.isTextual()) {
                found.accept(path, value.textValue());
            } else if (image && value.isObject() && value.has("repository")) {
                found.accept(
                        path,
                        value.path("repository").asText()
                                + (value.hasNonNull("tag")
                                        ? ":" + value.get("tag").asText()
                                        : "")
                                + (value.hasNonNull("digest")
                                        ? "@" + value.get("digest").asText()
                                        : ""));
            } else if (value.isContainerNode()) {
                imageFields(value, path, found);
            }
        });
    }

    @Test
    void waves_referenceGraph_followTheStages() {
        // given
        Catalog catalog = Catalog.of(
                POOLS,
                Tenancy.create(),
                CertManager.on(POOLS),
                AcmeIssuers.cloudflare("ops@acme.test"),
                Storage.longhorn(),
                IngressNginx.on(POOLS),
                KubePrometheusStack.on(POOLS),
                AlertRules.create());
        catalog.tenant(Manifests.named("shop"), "kube-prometheus-stack");

        // when
        Map<String, Integer> waves = catalog.waves();

        // then: namespaces → operators → cluster config → ingress & storage → observability → tenants
        assertThat(waves)
                .containsEntry("namespaces", 0)
                .containsEntry("node-pools", 0)
                .containsEntry("cert-manager", 1)
                .containsEntry("storage", 1)
                .containsEntry("acme-issuers", 2)
                .containsEntry("ingress-nginx", 3)
                .containsEntry("kube-prometheus-stack", 4)
                .containsEntry("alert-rules", 5)
                .containsEntry("shop", 5);
        assertThat(catalog.problems()).isEmpty();
    }

    @Test
    void waves_stampedOnEveryObject() {
        // given
        Platform platform = Platform.named("acme").environments(PROD);
        Catalog.of(POOLS, Tenancy.create(), CertManager.on(POOLS)).addTo(platform);

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then
        for (PlacedObject placed : model.placed(PROD)) {
            String wave = placed.object()
                    .at("/metadata/annotations/argocd.argoproj.io~1sync-wave")
                    .asText();
            assertThat(wave).isEqualTo(placed.unit().equals("cert-manager") ? "1" : "0");
        }
    }

    @Test
    void validate_unknownDependencyAndCycle_reported() {
        // given
        Catalog catalog = Catalog.of(AcmeIssuers.cloudflare("ops@acme.test"));
        catalog.tenant(Manifests.named("a"), "b").tenant(Manifests.named("b"), "a");

        // then
        assertThat(catalog.problems())
                .contains("depends on 'cert-manager', which the catalog does not contain")
                .contains("'a' depends on itself through its dependencies");
    }

    @Test
    void helmChart_rangesStarLatestAndPartialVersions_rejected() {
        for (String version : List.of("*", "latest", "^1.2.0", "~1.2", "1.x", ">=1.0.0", "1.2", "")) {
            assertThat(HelmChart.of("https://charts.acme.test", "x", version).problems())
                    .as(version)
                    .isNotEmpty();
        }
        assertThat(HelmChart.of("https://charts.acme.test", "x", "v1.16.2").problems())
                .isEmpty();
        assertThat(HelmChart.of("https://charts.acme.test", "x", "1.2.3-rc.1").problems())
                .isEmpty();
    }

    @Test
    void generate_chartRange_isAValidationProblem() {
        // given
        Platform platform = Platform.named("acme").environments(DEV);
        Catalog.of(POOLS, CertManager.on(POOLS).chart(HelmChart.of("https://charts.jetstack.io", "cert-manager", "*")))
                .addTo(platform);

        // then
        assertThatThrownBy(() -> Generator.builder().build().render(platform))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("exact version");
    }

    @Test
    void generate_secretWithData_isRefused() {
        // given
        Component leaky = Manifests.named("leaky")
                .add(new SecretBuilder()
                        .withNewMetadata()
                        .withName("db")
                        .withNamespace("shop")
                        .endMetadata()
                        .addToStringData("password", "hunter2")
                        .build());
        Platform platform = Platform.named("acme").environments(DEV);
        Catalog.of(POOLS).tenant(leaky).addTo(platform);

        // then
        assertThatThrownBy(() -> Generator.builder().build().render(platform))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("never secret values");
    }

    @Test
    void velero_preBackupHook_commandIsAJsonArrayWhateverItHolds() throws IOException {
        // given
        String command = "echo \"quoted\" 'single' back\\slash";

        // when
        Map<String, String> hook = Velero.preBackupHook("db", command);

        // then
        assertThat(hook)
                .containsOnlyKeys(
                        "pre.hook.backup.velero.io/container",
                        "pre.hook.backup.velero.io/command",
                        "pre.hook.backup.velero.io/timeout")
                .containsEntry("pre.hook.backup.velero.io/container", "db")
                .containsEntry("pre.hook.backup.velero.io/timeout", "10m");
        assertThat(new ObjectMapper().readValue(hook.get("pre.hook.backup.velero.io/command"), List.class))
                .containsExactly("/bin/sh", "-c", command);
    }

    @Test
    void velero_pgDumpHook_dumpsBesideTheFileThenRenames_refusesWhatTheShellWouldRead() {
        // when
        Map<String, String> hook = Velero.pgDumpHook("db", "shop", "/data/dumps/shop.dump");

        // then
        assertThat(hook.get("pre.hook.backup.velero.io/command"))
                .isEqualTo("[\"/bin/sh\", \"-c\", \"mkdir -p /data/dumps && pg_dump --username=postgres"
                        + " --format=custom --file=/data/dumps/shop.dump.partial shop"
                        + " && mv /data/dumps/shop.dump.partial /data/dumps/shop.dump\"]");
        for (String[] bad : new String[][] {
            {"shop; rm -rf /", "/data/shop.dump"},
            {"shop", "data/shop.dump"},
            {"shop", "/data/$(id).dump"},
            {"shop", "/data/../etc/shop.dump"},
            {"shop", "/data/dumps/"}
        }) {
            assertThatThrownBy(() -> Velero.pgDumpHook("db", bad[0], bad[1]))
                    .as(String.join(" ", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ingressNginx_internalController_hasOnlyAnInternalLoadBalancer() {
        // given
        Platform platform = Platform.named("acme").environments(PROD);
        platform.component(IngressNginx.on(POOLS).internalLoadBalancer(IngressNginx.InternalLoadBalancer.aws()));

        // when
        Map<String, JsonNode> services = new TreeMap<>();
        ModelBuilder.build(platform)
                .objects(PROD)
                .forEach(o -> services.put(
                        o.path("metadata").path("name").asText(),
                        o.at("/spec/source/helm/valuesObject/controller/service")));

        // then: no public Service beside the internal one, which the chart renders only with annotations
        assertThat(services.get("ingress-nginx-internal").toString())
                .isEqualTo("{\"external\":{\"enabled\":false},\"internal\":{\"enabled\":true,\"annotations\":"
                        + "{\"service.beta.kubernetes.io/aws-load-balancer-scheme\":\"internal\"},"
                        + "\"externalTrafficPolicy\":\"Local\"}}");
        assertThat(services.get("ingress-nginx").toString()).isEqualTo("{\"externalTrafficPolicy\":\"Local\"}");
    }

    @Test
    void defaults_perEnvironment() {
        // ingress: 1 replica in dev, 2 elsewhere; fewer than 2 outside dev is refused
        assertThat(IngressNginx.on(POOLS).values(DEV).toString()).contains("replicaCount=1");
        assertThat(IngressNginx.on(POOLS).values(PROD).toString()).contains("replicaCount=2");
        assertThat(IngressNginx.on(POOLS).replicas(PerEnv.all(1)).validate(List.of(DEV, PROD)))
                .containsExactly("ingress needs 2 or more replicas in prod (is 1)");
        // retention: 15 days in prod
        assertThat(KubePrometheusStack.on(POOLS).values(PROD).toString()).contains("retention=15d");
        assertThat(KubePrometheusStack.on(POOLS).values(DEV).toString()).contains("retention=3d");
        // a privileged platform namespace needs a reason
        assertThat(Tenancy.create()
                        .platform(new Tenancy.PlatformNamespace("x", "privileged", " ", false, List.of(), List.of()))
                        .validate(List.of(DEV)))
                .containsExactly("namespace x enforces privileged without a reason");
        // lab pools: no selector, tolerate the control plane
        assertThat(NodePools.lab().placement(NodePools.Pool.INGRESS).toString())
                .doesNotContain("nodeSelector")
                .contains("node-role.kubernetes.io/control-plane");
    }

    @Test
    @SuppressWarnings("unchecked")
    void velero_nodeAgent_toleratesEveryPoolTaint() {
        // when
        Map<String, Object> nodeAgent =
                (Map<String, Object>) Velero.on(POOLS).values(PROD).get("nodeAgent");
        Map<String, Object> labAgent =
                (Map<String, Object>) Velero.on(NodePools.lab()).values(PROD).get("nodeAgent");

        // then: every tainted pool's nodes carry volumes the file-system backup must reach
        List<String> taints = java.util.Arrays.stream(NodePools.Pool.values())
                .map(POOLS::taint)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(taints).hasSize(NodePools.Pool.values().length - 1);
        assertThat((List<Map<String, Object>>) nodeAgent.get("tolerations"))
                .extracting(t -> t.get("key") + "=" + t.get("value") + ":" + t.get("effect"))
                .containsExactlyInAnyOrderElementsOf(taints);
        assertThat(labAgent.get("tolerations").toString())
                .isEqualTo(NodePools.lab().tolerations(NodePools.Pool.GENERAL).toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void alloy_everyNode_tailsPodLogsIntoLokisGateway() {
        // given
        Loki loki = Loki.storingIn("https://s3.acme.test").namespace("logs");
        Alloy alloy = Alloy.shippingTo(loki, POOLS);

        // when
        Map<String, Object> values = alloy.values(PROD);
        Map<String, Object> settings = (Map<String, Object>) values.get("alloy");
        Map<String, Object> controller = (Map<String, Object>) values.get("controller");
        Map<String, Integer> waves =
                Catalog.of(POOLS, Tenancy.create(), loki, alloy).waves();

        // then: the push URL follows Loki's namespace, the host's log files are mounted, every taint is tolerated
        assertThat(loki.pushUrl()).isEqualTo("http://loki-gateway.logs.svc.cluster.local/loki/api/v1/push");
        assertThat(((Map<String, Object>) settings.get("configMap")).get("content"))
                .asString()
                .contains("url = \"" + loki.pushUrl() + "\"")
                .contains("\"spec.nodeName=\" + coalesce(sys.env(\"HOSTNAME\")")
                .contains("replacement   = \"/var/log/pods/*$1/*.log\"")
                .contains("target_label  = \"namespace\"", "target_label  = \"pod\"")
                .contains("target_label  = \"container\"", "target_label  = \"app\"")
                .doesNotContain("{{");
        assertThat(settings.get("mounts")).isEqualTo(Map.of("varlog", true));
        assertThat(controller)
                .containsEntry("type", "daemonset")
                .containsEntry("priorityClassName", NodePools.PLATFORM)
                .containsEntry("tolerations", POOLS.everyNode());
        assertThat(alloy.networkAllows().keySet()).containsExactlyInAnyOrder("alloy", "logs");
        assertThat(waves.get("alloy")).isEqualTo(waves.get("loki") + 1);
    }

    @Test
    void ingressNginx_clientIp_establishedPerController() {
        // given
        Map<String, Map<String, JsonNode>> configs = new TreeMap<>();
        for (IngressNginx.ClientIp external : IngressNginx.ClientIp.values()) {
            Platform platform = Platform.named("acme").environments(PROD);
            platform.component(IngressNginx.on(POOLS).clientIp(external));

            // when
            Map<String, JsonNode> byController = new TreeMap<>();
            ModelBuilder.build(platform)
                    .objects(PROD)
                    .forEach(o -> byController.put(
                            o.at("/metadata/name").asText(), o.at("/spec/source/helm/valuesObject/controller/config")));
            configs.put(external.name(), byController);
        }

        // then: the external controller as chosen; the internal one, behind a pass-through balancer, takes the
        // source address and never expects PROXY headers nobody sends
        assertThat(configs.get("PROXY_PROTOCOL").get("ingress-nginx").toString())
                .isEqualTo("{\"use-proxy-protocol\":\"true\",\"real-ip-header\":\"proxy_protocol\"}");
        assertThat(configs.get("FORWARDED_HEADERS").get("ingress-nginx").toString())
                .isEqualTo("{\"use-forwarded-headers\":\"true\",\"compute-full-forwarded-for\":\"true\"}");
        assertThat(configs.get("SOURCE_ADDRESS").get("ingress-nginx").isMissingNode())
                .isTrue();
        assertThat(configs.values()).allSatisfy(byController -> assertThat(
                        byController.get("ingress-nginx-internal").isMissingNode())
                .isTrue());
    }

    @Test
    void argocdProjects_catalog_allowEveryChartRepositoryAndDeclaredClusterKind() {
        // given
        Platform platform = Platform.named("acme").environments(PROD);
        Catalog.of(
                        POOLS,
                        Tenancy.create(),
                        ArgoCd.following("https://git.acme.test/manifests.git"),
                        CertManager.on(POOLS),
                        IngressNginx.on(POOLS),
                        Storage.longhorn(),
                        AcmeIssuers.cloudflare("ops@acme.test"))
                .addTo(platform);

        // when
        JsonNode project = ModelBuilder.build(platform).objects(PROD).stream()
                .filter(o -> o.path("kind").asText().equals("AppProject")
                        && o.at("/metadata/name").asText().equals("platform"))
                .findFirst()
                .orElseThrow();

        // then
        assertThat(project.at("/spec/sourceRepos").toString())
                .isEqualTo("[\"https://git.acme.test/manifests.git\",\"https://argoproj.github.io/argo-helm\","
                        + "\"https://charts.jetstack.io\",\"https://charts.longhorn.io\","
                        + "\"https://kubernetes.github.io/ingress-nginx\"]");
        List<String> kinds = new ArrayList<>();
        project.at("/spec/clusterResourceWhitelist")
                .forEach(k -> kinds.add(
                        k.path("group").asText() + "/" + k.path("kind").asText()));
        assertThat(kinds)
                .containsExactly(
                        "/Namespace",
                        "admissionregistration.k8s.io/MutatingWebhookConfiguration",
                        "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
                        "apiextensions.k8s.io/CustomResourceDefinition",
                        "cert-manager.io/ClusterIssuer",
                        "networking.k8s.io/IngressClass",
                        "rbac.authorization.k8s.io/ClusterRole",
                        "rbac.authorization.k8s.io/ClusterRoleBinding",
                        "scheduling.k8s.io/PriorityClass",
                        "storage.k8s.io/CSIDriver",
                        "storage.k8s.io/StorageClass");
    }

    @Test
    void render_clusterScopedObjectOfAnUndeclaredKind_isRefused() {
        // given: a component that renders a ClusterRole without declaring it
        CatalogComponent sneaky = new CatalogComponent() {
            @Override
            public String name() {
                return "sneaky";
            }

            @Override
            public Set<String> dependsOn() {
                return Set.of();
            }

            @Override
            public void render(Environment environment, Output output) {
                output.add(Kube.object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "sneaky", Map.of()));
            }
        };
        Platform platform = Platform.named("acme").environments(DEV);
        Catalog.of(sneaky).addTo(platform);

        // then
        assertThatThrownBy(() -> Generator.builder().build().render(platform))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("renders the cluster-scoped ClusterRole sneaky but does not declare"
                        + " rbac.authorization.k8s.io/ClusterRole in clusterKinds()");
    }

    @Test
    void argocdValues_everyEnvironment_assessChildApplicationHealth() {
        // given: without it, sync waves between child Applications only order their creation
        ArgoCd argocd = ArgoCd.following("https://git.acme.test/manifests.git");

        for (Environment environment : List.of(DEV, STAGING, PROD)) {
            // when
            Object cm = ((Map<?, ?>) argocd.values(environment).get("configs")).get("cm");

            // then: the Lua of the Argo CD documentation (the golden files show it whole)
            assertThat(((Map<?, ?>) cm).get("resource.customizations.health.argoproj.io_Application"))
                    .isEqualTo(ArgoCd.APPLICATION_HEALTH_LUA)
                    .asString()
                    .contains("hs.status = obj.status.health.status");
        }
    }
}

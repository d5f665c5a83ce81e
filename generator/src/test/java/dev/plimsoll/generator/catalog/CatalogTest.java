package dev.plimsoll.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.Component;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Manifests;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.PlacedObject;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
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
import java.util.function.Supplier;
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
                .tenant("shop", PerEnv.all(Tenancy.Quota.of("2", "4Gi", 20))));
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

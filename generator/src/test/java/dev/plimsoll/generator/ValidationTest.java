package dev.plimsoll.generator;

import static dev.plimsoll.generator.Scenarios.DEV;
import static dev.plimsoll.generator.Scenarios.PROD;
import static dev.plimsoll.generator.Scenarios.STAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {

    private static List<String> problems(Platform platform) {
        ValidationException e = catchThrowableOfType(
                ValidationException.class, () -> Generator.builder().build().render(platform));
        assertThat(e).as("a ValidationException").isNotNull();
        return e.problems().stream().map(ValidationProblem::toString).toList();
    }

    @Test
    void render_everyProblem_reportedAtOnceWithItsPath() {
        // given
        App checkout = Scenarios.checkout()
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2).and(PROD, 0))
                .image("ghcr.io/acme/checkout:1.0", PerEnv.of(DEV, "latest"))
                .port("http", 8080);
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(checkout);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .contains(
                        "platform/apps/checkout: replicas must be ≥ 1 in prod (is 0)",
                        "platform/apps/checkout: image repository 'ghcr.io/acme/checkout:1.0' is not a repository"
                                + " name without tag or digest (digests are given per environment)",
                        "platform/apps/checkout: image digest 'latest' in dev is not sha256:<64 hex digits>",
                        "platform/apps/checkout: image digest has no value in staging",
                        "platform/apps/checkout: image digest has no value in prod",
                        "platform/apps/checkout: port name 'http' is used twice",
                        "platform/apps/checkout: port number 8080 is used twice");
    }

    @Test
    void render_platformAndEnvironmentProblems_withTheirPaths() {
        // given
        Environment qa = Environment.of("QA", 2, Environment.Tier.STAGING);
        Platform platform = Platform.named("Acme Platform")
                .environments(DEV, qa, STAGING)
                .app(App.named("checkout").replicas(PerEnv.of(PROD, 2)))
                .app(App.named("checkout"))
                .manifests(Manifests.named("patches"));

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .contains(
                        "platform: name 'Acme Platform' is not a DNS label (lower-case letters, digits, '-')",
                        "platform/environments/QA: name is not a DNS label (lower-case letters, digits, '-')",
                        "platform/environments/staging: has order 2, like QA (each environment has its own place in"
                                + " the promotion chain)",
                        "platform/components/patches: name 'patches' is reserved for the tree's own directories",
                        "platform/apps/checkout: name is also used by platform/apps/checkout (names are directories:"
                                + " unique)",
                        "platform/apps/checkout: replicas names environment 'prod', which the platform does not"
                                + " define",
                        "platform/apps/checkout: has no image (image(repository, digests) is required)",
                        "platform/apps/checkout: has no compute (compute(...) with cpu and memory requests is"
                                + " required)");
    }

    /** The Namespace {@code shop} in {@code namespaceIn}, and a ConfigMap in it everywhere. */
    private static Manifests shop(Environment... namespaceIn) {
        return Manifests.named("shop")
                .add(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("shop")
                                .endMetadata()
                                .build(),
                        namespaceIn)
                .add(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .withNamespace("shop")
                        .endMetadata()
                        .build());
    }

    @Test
    void render_twoEnvironmentsOnOneClusterWithClusterScopedObjects_reported() {
        // given: staging on dev's cluster; both render a Namespace, and staging's would replace dev's
        Environment staging = STAGING.withCluster(DEV.cluster());
        Platform platform =
                Platform.named("acme").environments(DEV, staging, PROD).manifests(shop(DEV, staging));

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactly("platform/environments/staging: runs on cluster dev-eu-1, like dev, and both render"
                        + " cluster-scoped objects (e.g. Namespace shop) that would overwrite each other; give each"
                        + " environment its own cluster");
    }

    @Test
    void render_twoEnvironmentsOnOneClusterWithNamespacedObjectsOnly_accepted() {
        // given: sharing a cluster is fine while only one of them owns cluster-scoped objects
        Environment staging = STAGING.withCluster(DEV.cluster());
        Platform platform = Platform.named("acme").environments(DEV, staging).manifests(shop(DEV));

        // when
        Rendering rendering = Generator.builder().build().render(platform);

        // then
        assertThat(rendering.model().objects(staging)).hasSize(1);
    }

    @Test
    void render_drainBlockingBudgetAndAutoscalerConflicts_reported() {
        // given
        App api = Scenarios.checkout()
                .disruption(Disruption.minAvailable(2))
                .autoscaling(PerEnv.of(PROD, Autoscaling.between(4, 2)));
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(api);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .contains(
                        "platform/apps/checkout: disruption minAvailable 2 is not below the 1 replicas in dev: the"
                                + " budget would block every drain",
                        "platform/apps/checkout: disruption minAvailable 2 is not below the 2 replicas in staging:"
                                + " the budget would block every drain",
                        "platform/apps/checkout: replicas and autoscaling are both set in prod: the autoscaler owns"
                                + " the replica count",
                        "platform/apps/checkout: autoscaling maxReplicas 2 is below minReplicas 4 in prod");
    }

    @Test
    void render_podAnnotationProblems_reportedWithTheAppsPath() {
        // given
        Environment qa = Environment.of("qa", 9, Environment.Tier.STAGING);
        App api = Scenarios.checkout()
                .podAnnotations(Map.of("acme.test/team", "shop", "not a key", "x"))
                .podAnnotations(PerEnv.of(PROD, Map.of("acme.test/team", "payments")))
                .podAnnotations(PerEnv.of(qa, Map.of("acme.test/qa", "yes")));
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(api);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "platform/apps/checkout: podAnnotations names environment 'qa', which the platform does not"
                                + " define",
                        "platform/apps/checkout: pod annotation key 'not a key' in dev is not a qualified name (an"
                                + " optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.')",
                        "platform/apps/checkout: pod annotation key 'not a key' in staging is not a qualified name (an"
                                + " optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.')",
                        "platform/apps/checkout: pod annotation key 'not a key' in prod is not a qualified name (an"
                                + " optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.')",
                        "platform/apps/checkout: pod annotation acme.test/team is set twice in prod");
    }

    @Test
    void render_volumeUserSecretAndEgressProblems_reportedWithTheAppsPath() {
        // given
        App portless = App.named("batch")
                .namespace("shop")
                .image("ghcr.io/acme/batch", PerEnv.all(Scenarios.DIGEST_1))
                .compute(Compute.of("100m", "128Mi"));
        App api = Scenarios.checkout()
                .persistentVolume(
                        "data", "/data", "Longhorn!", PerEnv.of(DEV, "1Gi").and(PROD, "lots"))
                .scratchVolume("tmp", "/tmp")
                .scratchVolume("cache", "data")
                .runAs(0, -1)
                .secretEnv("DB_PASSWORD", "orders_db", "pass word")
                .allowEgressTo(portless);
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(api).app(portless);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "platform/apps/checkout: env DB_PASSWORD secret 'orders_db' is not a Secret name",
                        "platform/apps/checkout: env DB_PASSWORD key 'pass word' is not a Secret key (letters, digits,"
                                + " '-', '_', '.')",
                        "platform/apps/checkout: volume name 'tmp' is used twice (tmp is the app's own)",
                        "platform/apps/checkout: volume tmp mount path /tmp is mounted twice (/tmp is the app's own)",
                        "platform/apps/checkout: volume cache mount path 'data' is not absolute",
                        "platform/apps/checkout: volume data storage class 'Longhorn!' is not a StorageClass name",
                        "platform/apps/checkout: runAs user 0 is root: the pods run as non-root",
                        "platform/apps/checkout: runAs group -1 is not a group id",
                        "platform/apps/checkout: persistentVolume data size has no value in staging",
                        "platform/apps/checkout: persistentVolume data size 'lots' in prod is not a Kubernetes quantity",
                        "platform/apps/checkout: allowEgressTo batch in dev: it has no ports to reach",
                        "platform/apps/checkout: allowEgressTo batch in staging: it has no ports to reach",
                        "platform/apps/checkout: allowEgressTo batch in prod: it has no ports to reach");
    }

    @Test
    void render_objectProducedTwice_reportedWithBothPaths() {
        // given
        var config = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("shop")
                .endMetadata()
                .build();
        Platform platform = Platform.named("acme")
                .environments(DEV)
                .manifests(Manifests.named("one").add(config))
                .manifests(Manifests.named("two").add(config));

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactly("platform/components/two: ConfigMap shop/settings is produced twice in dev (also by"
                        + " platform/components/one)");
    }

    @Test
    void render_exceptionInPerEnvFunction_becomesAProblem() {
        // given
        App app = Scenarios.checkout().ingress(PerEnv.by(env -> {
            throw new IllegalStateException("no domain for " + env.name());
        }));
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(app);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactly(
                        "platform/apps/checkout: ingress failed in dev: java.lang.IllegalStateException: no domain"
                                + " for dev",
                        "platform/apps/checkout: ingress failed in staging: java.lang.IllegalStateException: no"
                                + " domain for staging",
                        "platform/apps/checkout: ingress failed in prod: java.lang.IllegalStateException: no domain"
                                + " for prod");
    }

    @Test
    void render_sameObjectForKustomize_reported() {
        // given: no namespace means 'default' to Kustomize, so these two are one object there
        var named = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("default")
                .endMetadata()
                .build();
        var unnamed = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .build();
        Platform platform = Platform.named("acme")
                .environments(DEV)
                .manifests(Manifests.named("config").add(named).add(unnamed));

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems)
                .containsExactly(
                        "platform/components/config: ConfigMap settings in dev is the same object for"
                                + " Kustomize as one without a namespace (which means 'default'); give both the same namespace");
    }

    @Test
    void render_componentProblems_prefixedWithItsPath() {
        // given
        Component catalog = new Component() {
            @Override
            public String name() {
                return "argocd";
            }

            @Override
            public void render(Environment environment, Output output) {}

            @Override
            public List<String> validate(List<Environment> environments) {
                return List.of("chart version '7.x' is not an exact version");
            }
        };
        Platform platform = Platform.named("acme").environments(DEV).component(catalog);

        // when
        List<String> problems = problems(platform);

        // then
        assertThat(problems).containsExactly("platform/components/argocd: chart version '7.x' is not an exact version");
    }

    @Test
    void write_invalidPlatform_writesNothing(@TempDir Path out) throws Exception {
        // given
        Platform platform = Platform.named("acme")
                .environments(DEV)
                .app(App.named("checkout").replicas(PerEnv.all(0)));

        // when
        ValidationException e = catchThrowableOfType(
                ValidationException.class, () -> Generator.builder().build().write(platform, out));

        // then
        assertThat(e).isNotNull();
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void render_problemsOfComponentsRenderedSideBySide_reportedInDefinitionOrder() {
        // given: many components that each report a problem while rendering (components render concurrently)
        Platform platform = Platform.named("acme").environments(DEV, PROD);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            platform.manifests(Manifests.named("set-" + i).yaml("kind: [unclosed"));
        }
        for (String env : List.of("dev", "prod")) {
            for (int i = 0; i < 40; i++) {
                expected.add("platform/components/set-" + i + ": yaml 0 in " + env);
            }
        }

        // when
        List<List<String>> runs = java.util.stream.IntStream.range(0, 5)
                .mapToObj(run -> problems(platform).stream()
                        .map(problem -> problem.substring(0, problem.indexOf(" line ")))
                        .toList())
                .toList();

        // then
        assertThat(runs).allSatisfy(problems -> assertThat(problems).isEqualTo(expected));
    }
}

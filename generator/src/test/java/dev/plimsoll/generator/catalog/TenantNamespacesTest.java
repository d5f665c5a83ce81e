package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.CatalogTest.DEV;
import static dev.plimsoll.generator.catalog.CatalogTest.POOLS;
import static dev.plimsoll.generator.catalog.CatalogTest.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Quota;
import dev.plimsoll.generator.Scenarios;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A tenant app's namespace gets its tenant objects exactly once, whether the app is added to the platform directly or
 * through the catalog; when {@link Tenancy} declares the namespace, Tenancy's objects (and quota) are the only ones.
 */
class TenantNamespacesTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final Set<String> TENANT_OBJECTS =
            Set.of("shop", "default-deny", "allow-dns", "tenant-quota", "tenant-defaults");

    private static App app(String name) {
        return App.named(name)
                .namespace("shop")
                .image("ghcr.io/acme/" + name, PerEnv.all(DIGEST))
                .port("http", 8080)
                .compute(Compute.of("100m", "128Mi"));
    }

    /** {@code unit kind namespace/name} of each tenant object of {@code shop}, in the model's order. */
    private static List<String> tenantObjects(PlatformModel model, Environment environment) {
        return model.placed(environment).stream()
                .filter(p ->
                        TENANT_OBJECTS.contains(p.object().at("/metadata/name").asText()))
                .map(p -> p.unit() + " " + p.object().path("kind").asText() + " "
                        + p.object().at("/metadata/namespace").asText() + "/"
                        + p.object().at("/metadata/name").asText())
                .toList();
    }

    /** The tenant objects of {@code shop}, in the model's (Kustomize's) order, all of them owned by {@code unit}. */
    private static List<String> tenantSetOwnedBy(String unit) {
        return Stream.of(
                        "Namespace /shop",
                        "ResourceQuota shop/tenant-quota",
                        "LimitRange shop/tenant-defaults",
                        "NetworkPolicy shop/allow-dns",
                        "NetworkPolicy shop/default-deny")
                .map(object -> unit + " " + object)
                .toList();
    }

    @Test
    void appsAddedDirectly_shareOneNamespace_itsTenantObjectsOnce() {
        // given
        Platform platform = Platform.named("acme")
                .environments(DEV, PROD)
                .app(app("storefront"))
                .app(app("checkout"));

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then: owned by the first app by name
        for (Environment environment : List.of(DEV, PROD)) {
            assertThat(tenantObjects(model, environment)).containsExactlyElementsOf(tenantSetOwnedBy("checkout"));
        }
        assertThat(Scenarios.object(model, PROD, "Namespace", "shop").at("/metadata/labels"))
                .hasToString("{\"pod-security.kubernetes.io/enforce\":\"restricted\","
                        + "\"pod-security.kubernetes.io/enforce-version\":\"latest\"}");
        assertThat(Scenarios.object(model, PROD, "ResourceQuota", "tenant-quota")
                        .at("/spec/hard"))
                .hasToString("{\"requests.cpu\":\"4\",\"requests.memory\":\"8Gi\",\"limits.memory\":\"8Gi\","
                        + "\"pods\":\"40\"}");
    }

    @Test
    void appsAddedThroughTheCatalog_getTheSameTenantObjectsOnce() {
        // given
        Platform platform = Platform.named("acme").environments(DEV, PROD);
        Catalog.of(POOLS).tenant(app("storefront")).tenant(app("checkout")).addTo(platform);

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then
        for (Environment environment : List.of(DEV, PROD)) {
            assertThat(tenantObjects(model, environment)).containsExactlyElementsOf(tenantSetOwnedBy("checkout"));
        }
    }

    @Test
    void appOnlyInProd_ownsItsNamespaceOnlyThere() {
        // given
        Platform platform = Platform.named("acme").environments(DEV, PROD);
        Catalog.of(POOLS).tenant(app("checkout").onlyIn(PROD)).addTo(platform);

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then
        assertThat(tenantObjects(model, DEV)).isEmpty();
        assertThat(tenantObjects(model, PROD)).containsExactlyElementsOf(tenantSetOwnedBy("checkout"));
    }

    @Test
    void namespaceTenancyDeclares_tenancyWins_noDuplicates() {
        // given: one app through the catalog, one added directly, both in the namespace Tenancy declares
        Platform platform = Platform.named("acme").environments(DEV, PROD).app(app("storefront"));
        Catalog.of(POOLS, Tenancy.create().tenant("shop", PerEnv.all(Quota.of("2", "4Gi", 20))))
                .tenant(app("checkout"), "namespaces")
                .addTo(platform);

        // when
        PlatformModel model = ModelBuilder.build(platform);

        // then: Tenancy's objects, Tenancy's quota, the catalog's label and wave
        for (Environment environment : List.of(DEV, PROD)) {
            assertThat(tenantObjects(model, environment)).containsExactlyElementsOf(tenantSetOwnedBy("namespaces"));
        }
        JsonNode quota = Scenarios.object(model, PROD, "ResourceQuota", "tenant-quota");
        assertThat(quota.at("/spec/hard/requests.cpu").asText()).isEqualTo("2");
        assertThat(quota.at("/metadata/labels/app.kubernetes.io~1part-of").asText())
                .isEqualTo("platform");
        assertThat(quota.at("/metadata/annotations/argocd.argoproj.io~1sync-wave")
                        .asText())
                .isEqualTo("0");
    }

    @Test
    void tenantNamespace_eitherPath_lintClean() {
        // given
        Platform direct = Platform.named("acme").environments(DEV, PROD).app(app("checkout"));
        Platform catalog = Platform.named("acme").environments(DEV, PROD);
        Catalog.of(POOLS).tenant(app("checkout")).addTo(catalog);

        // then: default deny, DNS egress and restricted PSA labels satisfy the namespace rules
        for (Platform platform : List.of(direct, catalog)) {
            assertThat(Generator.builder().build().render(platform).lint().active())
                    .isEmpty();
        }
    }
}

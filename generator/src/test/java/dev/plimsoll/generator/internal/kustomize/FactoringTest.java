package dev.plimsoll.generator.internal.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Scenarios;
import dev.plimsoll.generator.internal.json.ObjectId;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FactoringTest {

    private static final Set<String> DEPRECATED =
            Set.of("commonLabels", "patchesStrategicMerge", "patchesJson6902", "bases", "vars", "imageTags");

    static Stream<Arguments> scenarios() {
        return Scenarios.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Layout factor(Supplier<Platform> platform) {
        return Factoring.factor(ModelBuilder.build(platform.get()), false);
    }

    private static Map<String, JsonNode> kustomizations(Layout layout) {
        return layout.files().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/kustomization.yaml"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void factor_kustomizations_onlyCurrentFieldsAndSortedLists(String name, Supplier<Platform> platform) {
        kustomizations(factor(platform)).forEach((path, kustomization) -> {
            assertThat(kustomization.get("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
            kustomization
                    .fieldNames()
                    .forEachRemaining(field -> assertThat(DEPRECATED).as(path).doesNotContain(field));
            assertSorted(path, kustomization.path("resources"), item -> item.asText());
            assertSorted(path, kustomization.path("patches"), item -> item.get("path")
                    .asText());
            assertSorted(
                    path, kustomization.path("images"), item -> item.get("name").asText());
            assertSorted(path, kustomization.path("replicas"), item -> item.get("name")
                    .asText());
        });
    }

    private static void assertSorted(String path, JsonNode list, java.util.function.Function<JsonNode, String> key) {
        List<String> keys = new ArrayList<>();
        list.forEach(item -> keys.add(key.apply(item)));
        assertThat(keys).as(path).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void factor_twice_sameLayout(String name, Supplier<Platform> platform) {
        assertThat(factor(platform).files()).isEqualTo(factor(platform).files());
    }

    /**
     * Minimal overlays: take away any one part of a patch (a field, a list item) and the environment no longer builds
     * as it should. Only the patch's identity (apiVersion, kind, name, namespace) and the merge keys of list items are
     * exempt: Kustomize needs them to find what to patch.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void factor_patches_everyPartIsNeeded(String name, Supplier<Platform> platform) {
        Layout layout = factor(platform);
        Map<ObjectId, JsonNode> bases = new java.util.HashMap<>();
        layout.files().forEach((path, doc) -> {
            if (path.startsWith("base/") && !path.endsWith("kustomization.yaml")) {
                bases.put(ObjectId.of(doc), doc);
            }
        });
        layout.files().forEach((path, patch) -> {
            if (!path.contains("/patches/")) {
                return;
            }
            ObjectId id = ObjectId.of(patch);
            JsonNode base = bases.get(id);
            assertThat(base).as("base of " + path).isNotNull();
            Schema schema = Schema.of(id);
            JsonNode built = StrategicMerge.merge(base, patch, schema);
            for (JsonNode smaller : withoutOnePart(patch, schema)) {
                assertThat(StrategicMerge.merge(base, smaller, schema))
                        .as(path + " still builds without a part: " + smaller)
                        .isNotEqualTo(built);
            }
        });
    }

    /** Every copy of {@code node} with one removable part taken away. */
    private static List<JsonNode> withoutOnePart(JsonNode root, Schema schema) {
        List<JsonNode> variants = new ArrayList<>();
        collect(root, root, schema, "", List.of(), variants);
        return variants;
    }

    private static void collect(
            JsonNode root, JsonNode node, Schema schema, String pointer, List<String> keys, List<JsonNode> out) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                String child = pointer + "/" + field;
                boolean identity = child.equals("/apiVersion")
                        || child.equals("/kind")
                        || child.equals("/metadata")
                        || child.equals("/metadata/name")
                        || child.equals("/metadata/namespace");
                if (!identity && !keys.contains(field)) {
                    JsonNode copy = root.deepCopy();
                    ((ObjectNode) copy.at(pointer)).remove(field);
                    out.add(copy);
                }
                collect(root, object.get(field), schema.field(field), child, List.of(), out);
            });
        } else if (node instanceof ArrayNode array) {
            List<String> itemKeys = schema.keys() == null ? List.of() : schema.keys();
            for (int i = 0; i < array.size(); i++) {
                JsonNode copy = root.deepCopy();
                ((ArrayNode) copy.at(pointer)).remove(i);
                out.add(copy);
                collect(root, array.get(i), schema, pointer + "/" + i, itemKeys, out);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void factor_transformerValues_neverTheSameInEveryEnvironment(String name, Supplier<Platform> platform) {
        Layout layout = factor(platform);
        List<JsonNode> overlays = layout.files().entrySet().stream()
                .filter(e -> e.getKey().matches("overlays/[^/]+/kustomization.yaml"))
                .map(Map.Entry::getValue)
                .toList();
        for (String field : List.of("images", "replicas", "labels")) {
            List<JsonNode> values = overlays.stream().map(o -> o.path(field)).toList();
            if (values.stream().anyMatch(v -> !v.isMissingNode())) {
                assertThat(values.stream().distinct().count()).as(field).isGreaterThan(1);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void factor_appOnlyInProd_livesInTheProdOverlayOnly() {
        // when
        Layout layout = factor(Scenarios.all().get("prod-only-app"));

        // then
        assertThat(layout.files().keySet())
                .filteredOn(p -> p.contains("audit"))
                .allMatch(p -> p.startsWith("overlays/prod/audit/"))
                .contains("overlays/prod/audit/deployment-audit.yaml", "overlays/prod/audit/kustomization.yaml");
        assertThat(layout.files()
                        .get("overlays/prod/kustomization.yaml")
                        .get("resources")
                        .toString())
                .isEqualTo("[\"../../base\",\"audit\"]");
        assertThat(layout.files()
                        .get("overlays/dev/kustomization.yaml")
                        .get("resources")
                        .toString())
                .isEqualTo("[\"../../base\"]");
    }

    @org.junit.jupiter.api.Test
    void factor_oneAppThreeEnvironments_overlaysCarryOnlyWhatDiffers() {
        // given
        PlatformModel model = ModelBuilder.build(Scenarios.all().get("one-app").get());

        // when
        Layout layout = Factoring.factor(model, false);

        // then
        JsonNode prod = layout.files().get("overlays/prod/kustomization.yaml");
        assertThat(prod.get("images").toString())
                .isEqualTo("[{\"digest\":\"" + Scenarios.DIGEST_1 + "\",\"name\":\"ghcr.io/acme/checkout\"}]");
        assertThat(prod.get("replicas").toString()).isEqualTo("[{\"count\":3,\"name\":\"checkout\"}]");
        assertThat(prod.get("labels").toString()).isEqualTo("[{\"pairs\":{\"acme.test/environment\":\"prod\"}}]");
        assertThat(layout.files().keySet())
                .filteredOn(p -> p.startsWith("overlays/prod/patches/"))
                .containsExactly(
                        "overlays/prod/patches/deployment-checkout.yaml",
                        "overlays/prod/patches/ingress-checkout.yaml");
        JsonNode deployment = layout.files().get("base/checkout/deployment-checkout.yaml");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("ghcr.io/acme/checkout");
        assertThat(deployment.at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(deployment.at("/spec/template/spec/containers/0/env").toString())
                .isEqualTo("[{\"name\":\"HTTP_PORT\",\"value\":\"8080\"}]");
    }
}

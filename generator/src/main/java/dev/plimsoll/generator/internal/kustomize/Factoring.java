package dev.plimsoll.generator.internal.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PlacedObject;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.internal.json.Json;
import dev.plimsoll.generator.internal.json.ObjectId;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Image;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.ImageBuilder;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.KustomizationBuilder;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.LabelBuilder;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.PatchBuilder;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.ReplicaBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the per-environment model into a Kustomize tree:
 *
 * <ul>
 *   <li>{@code base/<unit>/<kind>-<name>.yaml}: every object that every environment runs, holding what all
 *       environments share; a {@code kustomization.yaml} per directory, and {@code base/kustomization.yaml} listing
 *       the units;
 *   <li>{@code overlays/<env>/kustomization.yaml}: the base, the environment's own objects, and the differences —
 *       {@code images}, {@code replicas}, {@code labels} where one value covers every object they reach, and
 *       strategic-merge {@code patches} ({@code overlays/<env>/patches/<kind>-<name>.yaml}) for the rest;
 *   <li>{@code overlays/<env>/<unit>/<kind>-<name>.yaml}: objects that only some environments run, complete, in each
 *       overlay that runs them;
 *   <li>optionally {@code rendered/<env>/<group>_<version>_<kind>_<name>.yaml}: each environment's objects hydrated.
 * </ul>
 *
 * <p>Before returning, the factoring applies its own overlays the way Kustomize does and checks that every environment
 * comes out exactly as the model says; a difference is a bug in the generator, never silently written.
 */
public final class Factoring {

    static final String KUSTOMIZE_API = "kustomize.config.k8s.io/v1beta1";

    private final List<Environment> environments;
    private final Map<String, Map<ObjectId, ObjectNode>> targets = new LinkedHashMap<>();
    private final Map<ObjectId, String> units = new HashMap<>();
    private final Map<ObjectId, Set<String>> presence = new HashMap<>();
    private final Transforms transforms;
    private final Map<String, Map<ObjectId, ObjectNode>> stripped = new LinkedHashMap<>();
    private final Map<ObjectId, ObjectNode> base = new TreeMap<>(ObjectId.KUSTOMIZE_ORDER);
    private final Map<String, Map<ObjectId, ObjectNode>> patches = new LinkedHashMap<>();

    private Factoring(PlatformModel model) {
        this.environments = model.environments();
        Map<String, List<ObjectNode>> lists = new LinkedHashMap<>();
        for (Environment environment : environments) {
            Map<ObjectId, ObjectNode> objects = new LinkedHashMap<>();
            for (PlacedObject placed : model.placed(environment)) {
                ObjectId id = ObjectId.of(placed.object());
                objects.put(id, placed.object());
                units.put(id, placed.unit());
                presence.computeIfAbsent(id, k -> new TreeSet<>()).add(environment.name());
            }
            targets.put(environment.name(), objects);
            lists.put(environment.name(), List.copyOf(objects.values()));
        }
        this.transforms = Transforms.plan(environments, lists);
    }

    /** The tree for {@code model}; with {@code hydrate}, also {@code rendered/<env>/}. */
    public static Layout factor(PlatformModel model, boolean hydrate) {
        Factoring factoring = new Factoring(model);
        factoring.split();
        factoring.verify();
        return factoring.layout(hydrate);
    }

    private boolean everywhere(ObjectId id) {
        return presence.get(id).size() == environments.size();
    }

    /**
     * Strips the transformer values from every object, then splits each object every environment runs into its base
     * and one patch per environment. Objects are independent of each other, so both steps run in parallel; the
     * results land in sorted maps, so the order of work does not show. (Parallel streams run over lists: a linked
     * map's entries split into uneven batches and leave cores idle.)
     */
    private void split() {
        targets.forEach((env, objects) -> {
            Map<ObjectId, ObjectNode> envStripped = new ConcurrentHashMap<>();
            List<Map.Entry<ObjectId, ObjectNode>> entries = new ArrayList<>(objects.entrySet());
            entries.parallelStream().forEach(e -> envStripped.put(e.getKey(), transforms.strip(env, e.getValue())));
            stripped.put(env, envStripped);
        });
        record Split(ObjectId id, ObjectNode base, Map<String, ObjectNode> patches) {}
        List<Split> splits = presence.keySet().parallelStream()
                .filter(this::everywhere)
                .map(id -> {
                    List<JsonNode> versions = stripped.values().stream()
                            .map(m -> (JsonNode) m.get(id))
                            .toList();
                    Schema schema = Schema.of(id);
                    ObjectNode common = (ObjectNode) StrategicMerge.common(versions, schema);
                    Map<String, ObjectNode> envPatches = new LinkedHashMap<>();
                    stripped.forEach((env, objects) -> {
                        JsonNode patch = StrategicMerge.diff(common, objects.get(id), schema);
                        if (patch != null) {
                            envPatches.put(env, withIdentity(id, (ObjectNode) patch));
                        }
                    });
                    return new Split(id, common, envPatches);
                })
                .toList();
        targets.keySet().forEach(env -> patches.put(env, new TreeMap<>(ObjectId.KUSTOMIZE_ORDER)));
        for (Split split : splits) {
            base.put(split.id(), split.base());
            split.patches().forEach((env, patch) -> patches.get(env).put(split.id(), patch));
        }
    }

    /** A patch names its target by apiVersion, kind, name and namespace, as Kustomize requires. */
    private static ObjectNode withIdentity(ObjectId id, ObjectNode patch) {
        ObjectNode identified = JsonNodeFactory.instance.objectNode();
        identified.put("apiVersion", id.apiVersion());
        identified.put("kind", id.kind());
        ObjectNode metadata = identified.putObject("metadata");
        metadata.put("name", id.name());
        if (!id.namespace().isEmpty()) {
            metadata.put("namespace", id.namespace());
        }
        patch.properties().forEach(field -> {
            if (field.getKey().equals("metadata")) {
                metadata.setAll((ObjectNode) field.getValue());
            } else {
                identified.set(field.getKey(), field.getValue());
            }
        });
        return identified;
    }

    /** Builds each overlay as Kustomize would and compares it with the model. */
    private void verify() {
        targets.forEach((env, objects) -> {
            List<Map.Entry<ObjectId, ObjectNode>> entries = new ArrayList<>(objects.entrySet());
            entries.parallelStream().forEach(entry -> {
                ObjectId id = entry.getKey();
                ObjectNode target = entry.getValue();
                ObjectNode built = everywhere(id)
                        ? (ObjectNode) StrategicMerge.merge(
                                base.get(id), patches.get(env).get(id), Schema.of(id))
                        : stripped.get(env).get(id);
                if (built == base.get(id) || built == stripped.get(env).get(id)) {
                    built = built.deepCopy();
                }
                ObjectNode result = transforms.apply(env, built);
                if (!result.equals(target)) {
                    throw new IllegalStateException("generator bug: overlays/" + env + " would not build "
                            + id.display() + " as the model says;\n expected " + target + "\n built    " + result);
                }
            });
        });
    }

    private Layout layout(boolean hydrate) {
        Layout layout = new Layout();
        Map<String, List<ObjectId>> baseUnits = byUnit(base.keySet());
        writeUnits(layout, "base/", baseUnits, base);
        layout.put("base/kustomization.yaml", kustomization(new ArrayList<>(baseUnits.keySet())));

        for (Environment environment : environments) {
            String env = environment.name();
            String overlay = "overlays/" + env;
            List<String> resources = new ArrayList<>();
            resources.add("../../base");
            List<ObjectId> envOnly = targets.get(env).keySet().stream()
                    .filter(id -> !everywhere(id))
                    .toList();
            Map<String, List<ObjectId>> envUnits = byUnit(envOnly);
            writeUnits(layout, overlay + "/", envUnits, stripped.get(env));
            resources.addAll(envUnits.keySet());
            Map<ObjectId, ObjectNode> envPatches = patches.get(env);
            Map<ObjectId, String> patchNames = FileNames.inDirectory(envPatches.keySet());
            List<String> patchPaths = new ArrayList<>();
            envPatches.forEach((id, patch) -> {
                String path = "patches/" + patchNames.get(id);
                layout.put(overlay + "/" + path, patch);
                patchPaths.add(path);
            });
            layout.put(overlay + "/kustomization.yaml", overlay(env, resources, patchPaths));
            if (hydrate) {
                Map<ObjectId, ObjectNode> objects = targets.get(env);
                Map<ObjectId, String> names = FileNames.hydrated(objects.keySet());
                objects.forEach((id, object) -> layout.put("rendered/" + env + "/" + names.get(id), object));
            }
        }
        return layout;
    }

    private Map<String, List<ObjectId>> byUnit(Iterable<ObjectId> ids) {
        Map<String, List<ObjectId>> byUnit = new TreeMap<>();
        ids.forEach(id ->
                byUnit.computeIfAbsent(units.get(id), k -> new ArrayList<>()).add(id));
        return byUnit;
    }

    /**
     * Each unit's objects under {@code prefix + unit}, one file each, and the unit's kustomization. File names and
     * kustomizations are made side by side (a cold run's Jackson serializers are slow); the layout is filled in order.
     */
    private static void writeUnits(
            Layout layout, String prefix, Map<String, List<ObjectId>> units, Map<ObjectId, ObjectNode> objects) {
        record UnitFiles(String directory, List<ObjectId> ids, Map<ObjectId, String> names, JsonNode kustomization) {}
        List<Map.Entry<String, List<ObjectId>>> entries = new ArrayList<>(units.entrySet());
        List<UnitFiles> made = entries.parallelStream()
                .map(unit -> {
                    Map<ObjectId, String> names = FileNames.inDirectory(unit.getValue());
                    return new UnitFiles(
                            prefix + unit.getKey(),
                            unit.getValue(),
                            names,
                            kustomization(new ArrayList<>(names.values())));
                })
                .toList();
        for (UnitFiles unit : made) {
            for (ObjectId id : unit.ids()) {
                layout.put(unit.directory() + "/" + unit.names().get(id), objects.get(id));
            }
            layout.put(unit.directory() + "/kustomization.yaml", unit.kustomization());
        }
    }

    private static JsonNode kustomization(List<String> resources) {
        return Json.tree(new KustomizationBuilder()
                .withApiVersion(KUSTOMIZE_API)
                .withKind("Kustomization")
                .withResources(resources.stream().sorted().toList())
                .build());
    }

    private JsonNode overlay(String env, List<String> resources, List<String> patchPaths) {
        KustomizationBuilder builder = new KustomizationBuilder()
                .withApiVersion(KUSTOMIZE_API)
                .withKind("Kustomization")
                .withResources(resources.stream().sorted().toList());
        SortedMap<String, Transforms.ImageEntry> images = transforms.images(env);
        builder.withImages(images.values().stream().map(Factoring::image).toList());
        transforms
                .replicas(env)
                .forEach((name, count) -> builder.addToReplicas(
                        new ReplicaBuilder().withName(name).withCount(count).build()));
        SortedMap<String, String> labels = transforms.labels(env);
        if (!labels.isEmpty()) {
            builder.addToLabels(
                    new LabelBuilder().withPairs(new TreeMap<>(labels)).build());
        }
        patchPaths.stream()
                .sorted()
                .forEach(path ->
                        builder.addToPatches(new PatchBuilder().withPath(path).build()));
        return Json.tree(builder.build());
    }

    private static Image image(Transforms.ImageEntry entry) {
        return new ImageBuilder()
                .withName(entry.name())
                .withNewName(entry.newName())
                .withNewTag(entry.newTag())
                .withDigest(entry.digest())
                .build();
    }
}

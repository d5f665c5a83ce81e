package dev.plimsoll.generator.internal.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.internal.json.Json;
import dev.plimsoll.generator.internal.json.ObjectId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The overlay fields that set one value on many objects — {@code labels}, {@code replicas}, {@code images} — chosen
 * per environment, with what Kustomize does with them. A value goes to an overlay's transformer field only when it is
 * the same on every object the transformer reaches in that environment (so the transformer reproduces it exactly) and
 * differs between environments (so the base cannot hold it).
 *
 * <ul>
 *   <li>{@code labels}: a label on the metadata of every object of the environment; Kustomize's {@code labels} without
 *       {@code includeSelectors}/{@code includeTemplates} sets {@code metadata.labels} on every object and nothing
 *       else.
 *   <li>{@code replicas}: {@code spec.replicas} of Deployments, ReplicaSets, StatefulSets and ReplicationControllers,
 *       matched by name alone.
 *   <li>{@code images}: the tag and digest of every image in a {@code containers} or {@code initContainers} list,
 *       anywhere in any object, matched by image name.
 * </ul>
 */
final class Transforms {

    private static final Set<String> SCALED_KINDS =
            Set.of("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController");

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers");

    /** One entry of an overlay's {@code images}; {@code newName}, {@code newTag} and {@code digest} may be null. */
    record ImageEntry(String name, String newName, String newTag, String digest) {}

    /** One image field: the object, and the container lists and container names that lead to it. */
    private record Slot(ObjectId id, String path) {}

    private final Map<String, SortedMap<String, String>> labels = new HashMap<>();
    private final Map<String, SortedMap<String, Long>> replicas = new HashMap<>();
    private final Map<String, SortedMap<String, ImageEntry>> images = new HashMap<>();
    /** Image fields whose base holds a name other than their own (the overlay sets {@code newName}). */
    private final Map<Slot, String> renamed = new HashMap<>();

    private Transforms() {}

    /** Chooses the transformer values of each environment from its complete objects. */
    static Transforms plan(List<Environment> environments, Map<String, List<ObjectNode>> targets) {
        Transforms plan = new Transforms();
        List<String> envs = environments.stream().map(Environment::name).toList();
        envs.forEach(env -> {
            plan.labels.put(env, new TreeMap<>());
            plan.replicas.put(env, new TreeMap<>());
            plan.images.put(env, new TreeMap<>());
        });
        plan.planLabels(envs, targets);
        plan.planReplicas(envs, targets);
        plan.planImages(envs, targets);
        return plan;
    }

    SortedMap<String, String> labels(String env) {
        return Collections.unmodifiableSortedMap(labels.get(env));
    }

    SortedMap<String, Long> replicas(String env) {
        return Collections.unmodifiableSortedMap(replicas.get(env));
    }

    SortedMap<String, ImageEntry> images(String env) {
        return Collections.unmodifiableSortedMap(images.get(env));
    }

    private void planLabels(List<String> envs, Map<String, List<ObjectNode>> targets) {
        Map<String, Map<String, String>> shared = new HashMap<>();
        for (String env : envs) {
            Map<String, String> onAll = null;
            for (ObjectNode object : targets.get(env)) {
                Map<String, String> objectLabels = labelsOf(object);
                if (onAll == null) {
                    onAll = new HashMap<>(objectLabels);
                } else {
                    onAll.entrySet().removeIf(e -> !e.getValue().equals(objectLabels.get(e.getKey())));
                }
            }
            shared.put(env, onAll == null ? Map.of() : onAll);
        }
        for (String env : envs) {
            shared.get(env).forEach((key, value) -> {
                boolean everywhere =
                        envs.stream().allMatch(e -> value.equals(shared.get(e).get(key)));
                if (!everywhere) {
                    labels.get(env).put(key, value);
                }
            });
        }
    }

    private static Map<String, String> labelsOf(ObjectNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        Map<String, String> out = new HashMap<>();
        labels.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            }
        });
        return out;
    }

    private void planReplicas(List<String> envs, Map<String, List<ObjectNode>> targets) {
        Map<String, Map<String, List<JsonNode>>> counts = new TreeMap<>();
        for (String env : envs) {
            for (ObjectNode object : targets.get(env)) {
                ObjectId id = ObjectId.of(object);
                if (SCALED_KINDS.contains(id.kind())) {
                    counts.computeIfAbsent(id.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(env, k -> new ArrayList<>())
                            .add(object.path("spec").get("replicas"));
                }
            }
        }
        counts.forEach((name, byEnv) -> {
            Map<String, Long> count = new LinkedHashMap<>();
            for (Map.Entry<String, List<JsonNode>> env : byEnv.entrySet()) {
                JsonNode first = env.getValue().get(0);
                boolean one = first != null
                        && first.canConvertToLong()
                        && first.isIntegralNumber()
                        && env.getValue().stream().allMatch(first::equals);
                if (!one) {
                    return;
                }
                count.put(env.getKey(), first.longValue());
            }
            if (new HashSet<>(count.values()).size() > 1) {
                count.forEach((env, value) -> replicas.get(env).put(name, value));
            }
        });
    }

    /**
     * First by image name: where every occurrence of a name has one tag and digest per environment, and they differ
     * between environments, the base holds the bare name and each overlay pins it. Then by field: an image field of an
     * object that every environment runs, whose name differs between environments, gets the first environment's name
     * in the base and {@code newName} in the others — provided no other image of that name would be caught by the
     * entry, and no entry's new name is another entry's name.
     */
    private void planImages(List<String> envs, Map<String, List<ObjectNode>> targets) {
        Map<String, Map<Slot, ImageRef>> slots = new LinkedHashMap<>();
        for (String env : envs) {
            Map<Slot, ImageRef> envSlots = new LinkedHashMap<>();
            for (ObjectNode object : targets.get(env)) {
                ObjectId id = ObjectId.of(object);
                forEachImage(
                        object,
                        "",
                        (path, container) -> envSlots.put(
                                new Slot(id, path),
                                ImageRef.parse(container.get("image").textValue())));
            }
            slots.put(env, envSlots);
        }
        planByName(slots);
        planRenames(envs, slots);
    }

    private void planByName(Map<String, Map<Slot, ImageRef>> slots) {
        Map<String, Map<String, Set<ImageRef>>> refs = new TreeMap<>();
        slots.forEach((env, envSlots) -> envSlots.values()
                .forEach(ref -> refs.computeIfAbsent(ref.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(env, k -> new HashSet<>())
                        .add(ref)));
        refs.forEach((name, byEnv) -> {
            boolean onePerEnv = byEnv.values().stream()
                    .allMatch(set -> set.size() == 1 && !set.iterator().next().bare());
            boolean differ = byEnv.values().stream().distinct().count() > 1;
            if (onePerEnv && differ) {
                byEnv.forEach((env, set) -> {
                    ImageRef ref = set.iterator().next();
                    images.get(env).put(name, new ImageEntry(name, null, ref.tag(), ref.digest()));
                });
            }
        });
    }

    private void planRenames(List<String> envs, Map<String, Map<Slot, ImageRef>> slots) {
        Map<String, List<Slot>> groups = new TreeMap<>();
        for (Slot slot : slots.get(envs.get(0)).keySet()) {
            List<ImageRef> refs =
                    envs.stream().map(env -> slots.get(env).get(slot)).toList();
            if (refs.contains(null)
                    || refs.stream().map(ImageRef::name).distinct().count() == 1) {
                continue;
            }
            String baseName = refs.get(0).name();
            if (refs.stream().noneMatch(ref -> images.values().stream().anyMatch(m -> m.containsKey(ref.name())))) {
                groups.computeIfAbsent(baseName, k -> new ArrayList<>()).add(slot);
            }
        }
        Map<String, Map<String, ImageEntry>> accepted = new LinkedHashMap<>();
        groups.forEach((baseName, group) -> {
            Map<String, ImageEntry> entries = new LinkedHashMap<>();
            for (String env : envs) {
                Set<ImageRef> refs = new HashSet<>();
                group.forEach(slot -> refs.add(slots.get(env).get(slot)));
                boolean caughtElsewhere = slots.get(env).entrySet().stream()
                        .anyMatch(e -> e.getValue().name().equals(baseName) && !group.contains(e.getKey()));
                if (refs.size() != 1 || caughtElsewhere) {
                    return;
                }
                ImageRef ref = refs.iterator().next();
                entries.put(
                        env,
                        new ImageEntry(
                                baseName, ref.name().equals(baseName) ? null : ref.name(), ref.tag(), ref.digest()));
            }
            accepted.put(baseName, entries);
            group.forEach(slot -> renamed.put(slot, baseName));
        });
        Set<String> names = new HashSet<>(accepted.keySet());
        images.values().forEach(m -> names.addAll(m.keySet()));
        accepted.forEach((baseName, entries) -> {
            boolean chained =
                    entries.values().stream().anyMatch(e -> e.newName() != null && names.contains(e.newName()));
            if (chained) {
                renamed.values().removeIf(baseName::equals);
                return;
            }
            entries.forEach((env, entry) -> {
                if (entry.newName() != null || entry.newTag() != null || entry.digest() != null) {
                    images.get(env).put(baseName, entry);
                }
            });
        });
    }

    /** {@code object} as the overlay's resources and patches must give it, before the transformers run. */
    ObjectNode strip(String env, ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        SortedMap<String, String> envLabels = labels.get(env);
        if (!envLabels.isEmpty() && copy.path("metadata").path("labels").isObject()) {
            ObjectNode metadata = (ObjectNode) copy.get("metadata");
            ObjectNode objectLabels = (ObjectNode) metadata.get("labels");
            envLabels.keySet().forEach(objectLabels::remove);
            if (objectLabels.isEmpty()) {
                metadata.remove("labels");
            }
        }
        ObjectId id = ObjectId.of(copy);
        if (SCALED_KINDS.contains(id.kind())
                && replicas.get(env).containsKey(id.name())
                && copy.path("spec").isObject()) {
            ((ObjectNode) copy.get("spec")).remove("replicas");
        }
        SortedMap<String, ImageEntry> envImages = images.get(env);
        forEachImage(copy, "", (path, container) -> {
            ImageRef ref = ImageRef.parse(container.get("image").textValue());
            String baseName = renamed.get(new Slot(id, path));
            if (baseName != null) {
                container.put("image", baseName);
            } else if (envImages.containsKey(ref.name())) {
                container.put("image", ref.name());
            }
        });
        return copy;
    }

    /**
     * Applies what Kustomize's {@code labels}, {@code replicas} and {@code images} of {@code env} do to {@code object},
     * changing it; returns it.
     */
    ObjectNode apply(String env, ObjectNode copy) {
        SortedMap<String, String> envLabels = labels.get(env);
        if (!envLabels.isEmpty()) {
            ObjectNode metadata = copy.withObjectProperty("metadata");
            ObjectNode objectLabels = metadata.withObjectProperty("labels");
            envLabels.forEach(objectLabels::put);
        }
        ObjectId id = ObjectId.of(copy);
        Long count = replicas.get(env).get(id.name());
        if (count != null && SCALED_KINDS.contains(id.kind())) {
            copy.withObjectProperty("spec").set("replicas", Json.normalize(LongNode.valueOf(count)));
        }
        SortedMap<String, ImageEntry> envImages = images.get(env);
        forEachImage(copy, "", (path, container) -> {
            ImageRef ref = ImageRef.parse(container.get("image").textValue());
            ImageEntry entry = envImages.get(ref.name());
            if (entry != null) {
                String name = entry.newName() == null ? ref.name() : entry.newName();
                container.set("image", TextNode.valueOf(new ImageRef(name, entry.newTag(), entry.digest()).toString()));
            }
        });
        return copy;
    }

    /** A path of field names and container names, turned into a string only when a slot is reached. */
    private record Path(Path parent, String step) {

        @Override
        public String toString() {
            return parent == null ? step : parent + "/" + step;
        }
    }

    /**
     * Calls {@code action} with every container (a map with a string {@code image}) of a {@code containers} or {@code
     * initContainers} list, anywhere, and its path: the field names that lead to it, with container names for lists.
     */
    private static void forEachImage(JsonNode node, String root, BiConsumer<String, ObjectNode> action) {
        forEachImage(node, new Path(null, root), action);
    }

    private static void forEachImage(JsonNode node, Path path, BiConsumer<String, ObjectNode> action) {
        if (!node.isContainerNode()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (!value.isContainerNode()) {
                continue;
            }
            Path fieldPath = new Path(path, field.getKey());
            if (!value.isArray()) {
                forEachImage(value, fieldPath, action);
                continue;
            }
            int index = 0;
            for (JsonNode item : value) {
                Path itemPath = new Path(
                        fieldPath,
                        "[" + (item.path("name").isTextual() ? item.get("name").textValue() : "#" + index) + "]");
                if (CONTAINER_LISTS.contains(field.getKey())
                        && item.isObject()
                        && item.path("image").isTextual()) {
                    action.accept(itemPath.toString(), (ObjectNode) item);
                }
                forEachImage(item, itemPath, action);
                index++;
            }
        }
    }
}

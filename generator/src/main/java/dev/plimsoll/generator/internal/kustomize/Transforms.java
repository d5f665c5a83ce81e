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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

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

    /** One entry of an overlay's {@code images}. */
    record ImageEntry(String name, String newTag, String digest) {}

    private final Map<String, SortedMap<String, String>> labels = new HashMap<>();
    private final Map<String, SortedMap<String, Long>> replicas = new HashMap<>();
    private final Map<String, SortedMap<String, ImageEntry>> images = new HashMap<>();

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
        labels.fields().forEachRemaining(e -> {
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

    private void planImages(List<String> envs, Map<String, List<ObjectNode>> targets) {
        Map<String, Map<String, Set<ImageRef>>> refs = new TreeMap<>();
        for (String env : envs) {
            for (ObjectNode object : targets.get(env)) {
                forEachImage(object, (container) -> {
                    ImageRef ref = ImageRef.parse(container.get("image").textValue());
                    refs.computeIfAbsent(ref.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(env, k -> new HashSet<>())
                            .add(ref);
                });
            }
        }
        refs.forEach((name, byEnv) -> {
            boolean onePerEnv = byEnv.values().stream()
                    .allMatch(set -> set.size() == 1 && !set.iterator().next().bare());
            boolean differ = byEnv.values().stream().distinct().count() > 1;
            if (onePerEnv && differ) {
                byEnv.forEach((env, set) -> {
                    ImageRef ref = set.iterator().next();
                    images.get(env).put(name, new ImageEntry(name, ref.tag(), ref.digest()));
                });
            }
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
        forEachImage(copy, container -> {
            ImageRef ref = ImageRef.parse(container.get("image").textValue());
            if (envImages.containsKey(ref.name())) {
                container.put("image", ref.name());
            }
        });
        return copy;
    }

    /** What Kustomize's {@code labels}, {@code replicas} and {@code images} of {@code env} make of {@code object}. */
    ObjectNode apply(String env, ObjectNode object) {
        ObjectNode copy = object.deepCopy();
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
        forEachImage(copy, container -> {
            ImageRef ref = ImageRef.parse(container.get("image").textValue());
            ImageEntry entry = envImages.get(ref.name());
            if (entry != null) {
                container.set(
                        "image", TextNode.valueOf(new ImageRef(ref.name(), entry.newTag(), entry.digest()).toString()));
            }
        });
        return copy;
    }

    /** Calls {@code action} with every container (a map with a string {@code image}) of a container list, anywhere. */
    private static void forEachImage(JsonNode node, Consumer<ObjectNode> action) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (CONTAINER_LISTS.contains(field.getKey()) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.isObject() && container.path("image").isTextual()) {
                            action.accept((ObjectNode) container);
                        }
                    }
                }
                forEachImage(field.getValue(), action);
            }
        } else if (node.isArray()) {
            node.forEach(item -> forEachImage(item, action));
        }
    }
}

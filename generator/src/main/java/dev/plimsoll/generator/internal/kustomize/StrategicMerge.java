package dev.plimsoll.generator.internal.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three operations the factoring needs on JSON trees, with Kustomize's strategic-merge semantics for the patches it
 * writes: the part all environments share ({@link #common}), the patch from that to one environment ({@link #diff}),
 * and what Kustomize makes of base plus patch ({@link #merge}).
 *
 * <p>Merge follows kyaml's {@code merge2} with {@code ListIncreaseDirection: prepend}, which is what {@code patches}
 * uses: maps merge field by field; a keyed list ({@link Schema}) merges item by item and comes out as the patch's items
 * in the patch's order followed by the base items the patch does not name, in base order; any other list, and every
 * scalar, is replaced by the patch's value.
 */
final class StrategicMerge {

    private StrategicMerge() {}

    /**
     * What all {@code versions} share, or {@code null} when they share nothing worth writing: equal values; the common
     * fields of maps; the common items (by merge key, in the first version's order) of keyed lists, leaving out items
     * that would keep only their key. A map or list that would come out empty while the versions are not all empty is
     * left out as well, so that the base never holds a shell that every overlay fills.
     */
    static JsonNode common(List<JsonNode> versions, Schema schema) {
        JsonNode first = versions.get(0);
        if (versions.stream().anyMatch(v -> v == null)) {
            return null;
        }
        if (versions.stream().allMatch(first::equals)) {
            return first;
        }
        if (versions.stream().allMatch(JsonNode::isObject)) {
            ObjectNode common = JsonNodeFactory.instance.objectNode();
            Iterator<String> names = first.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                List<JsonNode> values = versions.stream().map(v -> v.get(name)).toList();
                JsonNode value = common(values, schema.field(name));
                if (value != null) {
                    common.set(name, value);
                }
            }
            return common.isEmpty() ? null : common;
        }
        List<String> keys = keysOf(versions, schema);
        if (keys == null) {
            return null;
        }
        List<Map<String, JsonNode>> byKey =
                versions.stream().map(v -> index(v, keys)).toList();
        ArrayNode common = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, JsonNode> item : byKey.get(0).entrySet()) {
            List<JsonNode> values =
                    byKey.stream().map(m -> m.get(item.getKey())).toList();
            JsonNode value = common(values, schema);
            if (value != null && !keyOnly(value, keys)) {
                common.add(value);
            }
        }
        return common.isEmpty() ? null : common;
    }

    /**
     * The strategic-merge patch that turns {@code base} into {@code target}, or {@code null} when they are equal.
     * {@code base} must hold nothing that {@code target} lacks (the factoring's base is the common part, so it never
     * does). In a keyed list, the patch names the target's items up to the longest tail that the base already holds
     * unchanged and in order; an unchanged item in that head is named by its key alone, to keep its place.
     */
    static JsonNode diff(JsonNode base, JsonNode target, Schema schema) {
        if (base == null) {
            return target;
        }
        if (base.equals(target)) {
            return null;
        }
        if (base.isObject() && target.isObject()) {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            Iterator<String> baseNames = base.fieldNames();
            while (baseNames.hasNext()) {
                String name = baseNames.next();
                if (!target.has(name)) {
                    throw new IllegalStateException("the base has field '" + name + "' that an environment lacks");
                }
            }
            Iterator<String> names = target.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = diff(base.get(name), target.get(name), schema.field(name));
                if (value != null) {
                    patch.set(name, value);
                }
            }
            return patch.isEmpty() ? null : patch;
        }
        List<String> keys = keysOf(List.of(base, target), schema);
        if (keys == null) {
            return target;
        }
        return diffKeyed(index(base, keys), target, keys, schema);
    }

    private static JsonNode diffKeyed(Map<String, JsonNode> base, JsonNode target, List<String> keys, Schema schema) {
        List<String> order = new ArrayList<>(base.keySet());
        List<String> targetKeys = new ArrayList<>();
        target.forEach(item -> targetKeys.add(key(item, keys)));
        if (!targetKeys.containsAll(base.keySet())) {
            throw new IllegalStateException("the base has list items that an environment lacks");
        }
        int head = targetKeys.size();
        int lastIndex = Integer.MAX_VALUE;
        while (head > 0) {
            String key = targetKeys.get(head - 1);
            JsonNode baseItem = base.get(key);
            int index = order.indexOf(key);
            if (baseItem == null || index >= lastIndex || !baseItem.equals(target.get(head - 1))) {
                break;
            }
            lastIndex = index;
            head--;
        }
        if (head == 0) {
            return null;
        }
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < head; i++) {
            JsonNode item = target.get(i);
            JsonNode baseItem = base.get(targetKeys.get(i));
            if (baseItem == null) {
                patch.add(item);
                continue;
            }
            JsonNode itemPatch = diff(baseItem, item, schema);
            ObjectNode keyed = JsonNodeFactory.instance.objectNode();
            for (String key : keys) {
                if (item.has(key)) {
                    keyed.set(key, item.get(key));
                }
            }
            if (itemPatch != null) {
                keyed.setAll((ObjectNode) itemPatch);
            }
            patch.add(keyed);
        }
        return patch;
    }

    /** {@code base} with {@code patch} applied as Kustomize applies a strategic-merge patch; inputs are not changed. */
    static JsonNode merge(JsonNode base, JsonNode patch, Schema schema) {
        if (patch == null) {
            return base;
        }
        if (base == null) {
            return patch.deepCopy();
        }
        if (base.isObject() && patch.isObject()) {
            ObjectNode merged = ((ObjectNode) base).deepCopy();
            for (Map.Entry<String, JsonNode> field : patch.properties()) {
                merged.set(
                        field.getKey(),
                        merge(base.get(field.getKey()), field.getValue(), schema.field(field.getKey())));
            }
            return merged;
        }
        List<String> keys = base.isArray() && patch.isArray() ? keysOf(List.of(base, patch), schema) : null;
        if (keys == null) {
            return patch.deepCopy();
        }
        Map<String, JsonNode> baseItems = index(base, keys);
        Map<String, JsonNode> patchItems = index(patch, keys);
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        patchItems.forEach((key, item) -> merged.add(merge(baseItems.get(key), item, schema)));
        baseItems.forEach((key, item) -> {
            if (!patchItems.containsKey(key)) {
                merged.add(item.deepCopy());
            }
        });
        return merged;
    }

    /**
     * The merge keys of this list, when {@link Schema} names some and every version is a list of maps that all carry
     * the same key fields, with no key twice in one version; otherwise {@code null}, and the list is one value.
     */
    private static List<String> keysOf(List<JsonNode> versions, Schema schema) {
        List<String> keys = schema.keys();
        if (keys == null) {
            return null;
        }
        List<String> present = null;
        for (JsonNode version : versions) {
            if (!version.isArray()) {
                return null;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode item : version) {
                if (!item.isObject() || !item.has(keys.get(0))) {
                    return null;
                }
                List<String> itemKeys = keys.stream()
                        .filter(k -> item.has(k) && item.get(k).isValueNode())
                        .toList();
                if (present == null) {
                    present = itemKeys;
                } else if (!present.equals(itemKeys)) {
                    return null;
                }
                if (!seen.add(key(item, keys))) {
                    return null;
                }
            }
        }
        return keys;
    }

    private static Map<String, JsonNode> index(JsonNode list, List<String> keys) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        list.forEach(item -> byKey.put(key(item, keys), item));
        return byKey;
    }

    private static String key(JsonNode item, List<String> keys) {
        StringBuilder key = new StringBuilder();
        for (String name : keys) {
            JsonNode value = item.get(name);
            key.append(value == null ? "" : value.asText()).append('\u0000');
        }
        return key.toString();
    }

    private static boolean keyOnly(JsonNode item, List<String> keys) {
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            if (!keys.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}

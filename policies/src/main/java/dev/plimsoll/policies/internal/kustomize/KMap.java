package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mapping with string keys, in insertion order (output sorts keys anyway). */
final class KMap extends KNode {

    final LinkedHashMap<String, KNode> fields = new LinkedHashMap<>();

    KMap(String file, int line, int column) {
        super(file, line, column);
    }

    /** An empty mapping with the origin of {@code like}. */
    static KMap like(KNode like) {
        return new KMap(like.file, like.line, like.column);
    }

    KNode get(String key) {
        return fields.get(key);
    }

    KMap map(String key) {
        return fields.get(key) instanceof KMap map ? map : null;
    }

    KList list(String key) {
        return fields.get(key) instanceof KList list ? list : null;
    }

    /** The text of a non-null scalar under {@code key}, or null. */
    String string(String key) {
        return fields.get(key) instanceof KScalar scalar && !scalar.isNull() ? scalar.value : null;
    }

    /** Sets {@code key}; a value without a key position of its own gets its own position as the key's. */
    void put(String key, KNode value) {
        fields.put(key, value);
    }

    KNode remove(String key) {
        return fields.remove(key);
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    List<String> keys() {
        return new ArrayList<>(fields.keySet());
    }

    /** The mapping under {@code key}, created (with this node's origin) when missing or null. */
    KMap mapCreate(String key) {
        KNode existing = fields.get(key);
        if (existing instanceof KMap map) {
            return map;
        }
        KMap created = KMap.like(this);
        fields.put(key, created);
        return created;
    }

    @Override
    KMap copy() {
        KMap copy = new KMap(file, line, column);
        copyOriginTo(copy);
        for (Map.Entry<String, KNode> entry : fields.entrySet()) {
            copy.fields.put(entry.getKey(), entry.getValue().copy());
        }
        return copy;
    }
}

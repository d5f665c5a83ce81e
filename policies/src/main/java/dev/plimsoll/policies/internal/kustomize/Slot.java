package dev.plimsoll.policies.internal.kustomize;

/** A place that holds a value: a key of a mapping or an index of a sequence; values are replaced through it. */
final class Slot {

    private final KMap map;
    private final String key;
    private final KList list;
    private final int index;

    private Slot(KMap map, String key, KList list, int index) {
        this.map = map;
        this.key = key;
        this.list = list;
        this.index = index;
    }

    static Slot of(KMap map, String key) {
        return new Slot(map, key, null, -1);
    }

    /** The resource's root, which a path of length zero would set; never replaced. */
    static Slot ofRoot(Resource resource) {
        KMap holder = new KMap(resource.file, 1, 1);
        holder.put("", resource.root);
        return new Slot(holder, "", null, -1);
    }

    static Slot of(KList list, int index) {
        return new Slot(null, null, list, index);
    }

    KNode get() {
        return map != null ? map.get(key) : list.items.get(index);
    }

    /** Replaces the value; a value set under a key keeps the key's position. */
    void set(KNode value) {
        if (map != null) {
            KNode old = map.get(key);
            if (old != null) {
                value.keyLine = old.keyLine;
                value.keyColumn = old.keyColumn;
            }
            map.put(key, value);
        } else {
            list.items.set(index, value);
        }
    }

    /** The mapping that holds the value, or null in a sequence. */
    KMap parentMap() {
        return map;
    }

    String key() {
        return key;
    }
}

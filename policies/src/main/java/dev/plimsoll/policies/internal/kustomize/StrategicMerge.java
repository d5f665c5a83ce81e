package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A strategic merge patch as Kustomize applies it: kyaml's {@code merge2.Merge} with the patch's list items put first
 * ({@code MergeOptionsListPrepend}), walking both trees together (kyaml {@code yaml/walk}) with the {@link
 * PatchSchema} of the target's type. Lists merge by key only where the schema gives a strategy; every other list is
 * replaced. {@code $patch: delete|replace|merge} on mappings and lists; a null in the patch deletes.
 *
 * <p>The patch is modified (directives are removed from it), so callers pass a copy. Ported in behaviour, quirks
 * included, from kyaml {@code merge2/merge2.go}, {@code merge2/smpdirective.go}, {@code walk/walk.go}, {@code
 * walk/map.go}, {@code walk/associative_sequence.go} and {@code yaml/fns.go} ({@code ElementSetter}).
 */
final class StrategicMerge {

    private enum Directive {
        MERGE,
        REPLACE,
        DELETE
    }

    private final String file;

    private StrategicMerge(String file) {
        this.file = file;
    }

    /** Merges {@code patch} into {@code dest}; returns the result, or null when the patch deletes the object. */
    static KNode merge(KNode dest, KNode patch, PatchSchema schema, String patchFile) {
        return new StrategicMerge(patchFile).walk(dest, patch, schema, "");
    }

    private KNode walk(KNode dest, KNode origin, PatchSchema schema, String path) {
        KNode first = !Trees.isMissingOrNull(dest) ? dest : !Trees.isMissingOrNull(origin) ? origin : null;
        if (first == null || first instanceof KMap) {
            requireKind(KMap.class, dest, origin, path);
            return walkMap(dest, origin, schema, path);
        }
        if (first instanceof KList) {
            requireKind(KList.class, dest, origin, path);
            if (schema != null && schema.mergesByKey()) {
                return walkAssociativeList(dest, origin, schema, path);
            }
            return origin != null ? origin : dest;
        }
        requireKind(KScalar.class, dest, origin, path);
        return origin != null ? origin : dest;
    }

    private void requireKind(Class<? extends KNode> kind, KNode dest, KNode origin, String path) {
        for (KNode node : new KNode[] {dest, origin}) {
            if (!Trees.isMissingOrNull(node) && !kind.isInstance(node)) {
                throw KustomizeError.failed(
                        file,
                        node,
                        "wrong node kind for " + (path.isEmpty() ? "the object" : path.substring(1)) + ": expected "
                                + kindName(kind) + " but was " + kindName(node.getClass()));
            }
        }
    }

    private static String kindName(Class<?> kind) {
        return kind == KMap.class ? "a mapping" : kind == KList.class ? "a sequence" : "a scalar";
    }

    // ---- mappings (walk/map.go, Merger.VisitMap) ----

    private KNode walkMap(KNode dest, KNode origin, PatchSchema schema, String path) {
        KNode newDest = visitMap(dest, origin);
        if (newDest == null) {
            return null;
        }
        TreeSet<String> keys = new TreeSet<>();
        if (newDest instanceof KMap map) {
            keys.addAll(map.fields.keySet());
        }
        if (origin instanceof KMap map) {
            keys.addAll(map.fields.keySet());
        }
        if (!(newDest instanceof KMap target)) {
            return newDest;
        }
        for (String key : keys) {
            PatchSchema fieldSchema = schema == null ? null : schema.field(key);
            KNode d = target.get(key);
            KNode o = origin instanceof KMap map ? map.get(key) : null;
            KNode value = walk(d, o, fieldSchema, path + "." + key);
            setField(target, key, value, o);
        }
        return target;
    }

    /** kyaml {@code FieldSetter}: a missing or tagged-null value clears the field. */
    private static void setField(KMap map, String key, KNode value, KNode originValue) {
        if (value == null || (value instanceof KScalar scalar && scalar.isNull() && scalar.taggedNull)) {
            map.remove(key);
            return;
        }
        KNode old = map.get(key);
        if (old != null && old != value) {
            value.keyLine = old.keyLine;
            value.keyColumn = old.keyColumn;
        }
        map.put(key, value);
    }

    private KNode visitMap(KNode dest, KNode origin) {
        if (Trees.isMissingOrNull(dest)) {
            Directive directive = origin == null ? Directive.MERGE : mapDirective(origin);
            if (directive == Directive.DELETE) {
                return null;
            }
            if (origin == null && dest instanceof KScalar scalar && !scalar.value.isEmpty()) {
                // A null written as "null" or "~" survives as a plain (untagged) null.
                KScalar kept = scalar.copy();
                kept.taggedNull = false;
                return kept;
            }
            return origin;
        }
        if (origin instanceof KScalar scalar && scalar.isNull() && scalar.taggedNull) {
            return null;
        }
        Directive directive = origin == null ? Directive.MERGE : mapDirective(origin);
        return switch (directive) {
            case DELETE -> null;
            case REPLACE -> origin;
            case MERGE -> dest;
        };
    }

    /** The {@code $patch} of a patch mapping, removed from it ({@code determineMappingNodePatchStrategy}). */
    private Directive mapDirective(KNode patch) {
        if (!(patch instanceof KMap map) || !map.has("$patch")) {
            return Directive.MERGE;
        }
        KNode value = map.get("$patch");
        Directive directive = directive(value);
        map.remove("$patch");
        return directive;
    }

    private Directive directive(KNode value) {
        String text = value instanceof KScalar scalar ? scalar.value : "";
        return switch (text) {
            case "delete" -> Directive.DELETE;
            case "replace" -> Directive.REPLACE;
            case "merge" -> Directive.MERGE;
            default -> throw KustomizeError.failed(file, value, "unknown patch strategy '" + text + "'");
        };
    }

    // ---- associative lists (walk/associative_sequence.go, Merger.VisitList) ----

    private KNode walkAssociativeList(KNode dest, KNode origin, PatchSchema schema, String path) {
        KNode newDest;
        if (Trees.isMissingOrNull(dest)) {
            newDest = origin;
        } else if (origin instanceof KScalar scalar && scalar.isNull() && scalar.taggedNull) {
            newDest = null;
        } else {
            Directive directive = origin == null ? Directive.MERGE : listDirective(origin);
            newDest = switch (directive) {
                case DELETE -> null;
                case REPLACE -> origin;
                case MERGE -> dest;
            };
        }
        if (!(newDest instanceof KList target)) {
            return newDest;
        }
        List<String> keys = schema.keys;
        // Prepend: the patch's items are listed first.
        KNode[] sources = {origin, target};
        List<List<String>> values = elementValues(sources, keys);
        if (!values.isEmpty() || !keys.isEmpty()) {
            return setElements(values, keys, target, origin, schema, path);
        }
        return setElements(primitiveValues(sources), List.of(""), target, origin, schema, path);
    }

    /** The {@code $patch} element of a patch list, removed from it ({@code determineSequenceNodePatchStrategy}). */
    private Directive listDirective(KNode patch) {
        if (!(patch instanceof KList list)) {
            return Directive.MERGE;
        }
        KMap element = null;
        for (KNode item : list.items) {
            if (item instanceof KMap map && map.has("$patch")) {
                element = map;
                break;
            }
        }
        if (element == null || element.fields.size() > 1) {
            return Directive.MERGE;
        }
        KNode value = element.get("$patch");
        Directive directive = directive(value);
        elementSetter(list, null, List.of("$patch"), List.of(((KScalar) value).value));
        return directive;
    }

    private static List<List<String>> elementValues(KNode[] sources, List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        for (KNode source : sources) {
            if (!(source instanceof KList list)) {
                continue;
            }
            for (KNode item : list.items) {
                List<String> tuple = new ArrayList<>(keys.size());
                for (String key : keys) {
                    KNode field = item instanceof KMap map ? map.get(key) : null;
                    tuple.add(isNilOrEmpty(field) ? "" : text(field));
                }
                if (!tuple.isEmpty() && !out.contains(tuple)) {
                    out.add(tuple);
                }
            }
        }
        return out;
    }

    private static List<List<String>> primitiveValues(KNode[] sources) {
        List<List<String>> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (KNode source : sources) {
            if (!(source instanceof KList list)) {
                continue;
            }
            for (KNode item : list.items) {
                String value = text(item);
                if (!seen.contains(value)) {
                    seen.add(value);
                    out.add(List.of(value));
                }
            }
        }
        return out;
    }

    private KNode setElements(
            List<List<String>> valuesList,
            List<String> keys,
            KList dest,
            KNode origin,
            PatchSchema schema,
            String path) {
        KList itemsToBeAdded = KList.like(dest);
        PatchSchema elementSchema = schema.elements();
        if (keys.size() > 1) {
            mergeValues(valuesList);
        }
        List<String> validKeys = keys;
        List<String> validValues;
        for (List<String> values : valuesList) {
            if (values.isEmpty()) {
                continue;
            }
            List<List<String>> valid = validateKeys(valuesList, values, keys);
            validKeys = valid.get(0);
            validValues = valid.get(1);
            KNode destElement = elementList(dest, validKeys, validValues);
            KNode originElement = elementList(origin, validKeys, validValues);
            KNode value = walk(destElement, originElement, elementSchema, path + "[]");
            boolean exit = false;
            for (int i = 0; i < validKeys.size(); i++) {
                String key = validKeys.get(i);
                if (Trees.isMissingOrNull(value) || isEmptyMap(value)) {
                    elementSetter(dest, null, validKeys, validValues);
                    exit = true;
                } else if (!(value instanceof KMap map && map.get(key) != null)
                        && !validValues.get(i).isEmpty()) {
                    KScalar keyValue = untagged(validValues.get(i), value);
                    if (value instanceof KMap map) {
                        map.put(key, keyValue);
                    } else if (value instanceof KScalar scalar && key.isEmpty()) {
                        scalar.value = keyValue.value;
                        scalar.type = keyValue.type;
                        scalar.taggedNull = keyValue.taggedNull;
                    } else {
                        throw KustomizeError.failed(file, value, "cannot set merge key " + key + " at " + path);
                    }
                }
            }
            if (exit) {
                continue;
            }
            elementSetter(itemsToBeAdded, value, validKeys, validValues);
        }
        KNode result = dest;
        if (!valuesList.isEmpty()) {
            result = appendListNode(itemsToBeAdded, dest, validKeys);
        }
        return result;
    }

    /** A scalar Kustomize creates from text without a tag: typed as go-yaml v3 reads it. */
    private static KScalar untagged(String text, KNode origin) {
        ScalarNode.Type type = YamlReader.plainType(text, YamlReader.Typing.KUSTOMIZE);
        KScalar scalar = new KScalar(origin.file, origin.line, origin.column, text, type);
        scalar.taggedNull = false;
        return scalar;
    }

    private static void mergeValues(List<List<String>> valuesList) {
        for (int i = 0; i < valuesList.size(); i++) {
            for (int j = 0; j < valuesList.size(); j++) {
                List<String> merged = match(valuesList.get(i), valuesList.get(j));
                if (merged != null) {
                    valuesList.set(i, merged);
                    valuesList.set(j, merged);
                }
            }
        }
    }

    /** Two key tuples match when they share a value and differ only where one is empty; the merged tuple. */
    private static List<String> match(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return null;
        }
        boolean common = false;
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                common = true;
                out.add(a.get(i));
                continue;
            }
            if (!a.get(i).isEmpty() && !b.get(i).isEmpty()) {
                return null;
            }
            out.add(a.get(i).isEmpty() ? b.get(i) : a.get(i));
        }
        return common ? out : null;
    }

    /** The keys (and values) that some tuple sets; all of them when none does ({@code validateKeys}). */
    private static List<List<String>> validateKeys(
            List<List<String>> valuesList, List<String> values, List<String> keys) {
        List<String> used = new ArrayList<>();
        for (List<String> tuple : valuesList) {
            for (int i = 0; i < tuple.size() && i < keys.size(); i++) {
                if (!tuple.get(i).isEmpty() && !used.contains(keys.get(i))) {
                    used.add(keys.get(i));
                }
            }
        }
        if (used.isEmpty()) {
            return List.of(keys, values);
        }
        List<String> validKeys = new ArrayList<>();
        for (String key : keys) {
            if (used.contains(key)) {
                validKeys.add(key);
            }
        }
        List<String> validValues = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty() || used.contains(keys.get(i))) {
                validValues.add(values.get(i));
            }
        }
        return List.of(validKeys, validValues);
    }

    /** The first element whose keys hold the values ({@code RNode.ElementList}), or null. */
    private static KNode elementList(KNode source, List<String> keys, List<String> values) {
        if (!(source instanceof KList list)) {
            return null;
        }
        List<List<String>> valid = validateKeys(List.of(values), values, keys);
        keys = valid.get(0);
        values = valid.get(1);
        if (keys.isEmpty() || keys.get(0).isEmpty()) {
            String wanted = values.isEmpty() ? "" : values.get(0);
            for (KNode item : list.items) {
                if (text(item).equals(wanted)) {
                    return item;
                }
            }
            return null;
        }
        for (KNode item : list.items) {
            if (!(item instanceof KMap map)) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < keys.size() && matches; i++) {
                KNode field = map.get(keys.get(i));
                matches = field != null && i < values.size() && text(field).equals(values.get(i));
            }
            if (matches) {
                return item;
            }
        }
        return null;
    }

    /**
     * kyaml {@code ElementSetter}: replaces (or, with a null element, removes) the items whose keys hold the values,
     * appends the element when none does, and drops null and empty-mapping items on the way.
     */
    private void elementSetter(KList list, KNode element, List<String> keys, List<String> values) {
        if (keys.isEmpty()) {
            keys = List.of("");
        }
        boolean mappingSetter =
                !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
        List<KNode> content = new ArrayList<>();
        boolean matched = false;
        for (KNode item : list.items) {
            if (Trees.isMissingOrNull(item) || isEmptyMap(item)) {
                continue;
            }
            if (!(item instanceof KMap) && mappingSetter) {
                content.add(item);
                continue;
            }
            boolean found = true;
            KNode value = null;
            for (int j = 0; j < keys.size(); j++) {
                if (j < values.size()) {
                    value = fieldMatcher(item, keys.get(j), values.get(j));
                }
                if (value == null) {
                    found = false;
                    break;
                }
            }
            if (!found) {
                if (!values.isEmpty()) {
                    content.add(item);
                }
                continue;
            }
            matched = true;
            if (element != null) {
                content.add(element);
            }
        }
        list.items.clear();
        list.items.addAll(content);
        if (Trees.isMissingOrNull(element)) {
            return;
        }
        if (!matched) {
            list.items.add(element);
        }
    }

    /** kyaml {@code FieldMatcher{Name, StringValue}}: an empty value matches any value of the field. */
    private KNode fieldMatcher(KNode item, String name, String value) {
        if (Trees.isMissingOrNull(item)) {
            return null;
        }
        if (name.isEmpty()) {
            if (!(item instanceof KScalar)) {
                throw KustomizeError.failed(file, item, "expected a scalar list item");
            }
            return text(item).equals(value) ? item : null;
        }
        if (!(item instanceof KMap map)) {
            throw KustomizeError.failed(file, item, "expected a mapping list item");
        }
        KNode field = map.get(name);
        if (field == null) {
            return null;
        }
        return value.isEmpty() || text(field).equals(value) ? field : null;
    }

    /** kyaml {@code appendListNode}: merges {@code src}'s items into {@code dst} by key, quirks and all. */
    private KList appendListNode(KList dst, KList src, List<String> keys) {
        for (KNode element : new ArrayList<>(src.items)) {
            if (keys.get(0).isEmpty()) {
                elementSetter(dst, element, List.of(""), List.of(text(element)));
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                if (!(element instanceof KMap map)) {
                    throw KustomizeError.failed(file, element, "expected a mapping list item");
                }
                KNode value = map.get(key);
                if (value == null) {
                    dst.items.add(element);
                    continue;
                }
                values.add(text(value));
            }
            if (keys.size() > 1) {
                elementSetter(dst, null, keys, values);
            }
            elementSetter(dst, element, keys, values);
        }
        return dst;
    }

    private static boolean isEmptyMap(KNode node) {
        return node instanceof KMap map && map.isEmpty();
    }

    private static boolean isNilOrEmpty(KNode node) {
        return node == null
                || Trees.isMissingOrNull(node)
                || isEmptyMap(node)
                || (node instanceof KList list && list.items.isEmpty());
    }

    /** A node's value text as kyaml compares it: a scalar's text, empty for collections. */
    private static String text(KNode node) {
        return node instanceof KScalar scalar ? scalar.value : "";
    }
}

package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patches as Kustomize applies them (evanphx/json-patch v4 through {@code api/filters/patchjson6902}):
 * {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy}, {@code test}, with {@code -} and negative
 * array indices. Kustomize round-trips the object through JSON to apply one, which makes every null tagged again.
 */
final class JsonPatch {

    private record Operation(String op, String path, String from, KNode value, KMap at) {}

    private final List<Operation> operations;
    private final String file;

    private JsonPatch(List<Operation> operations, String file) {
        this.operations = operations;
        this.file = file;
    }

    /** Reads the operations of a patch document (a sequence of mappings). */
    static JsonPatch of(KNode document, String file) {
        if (!(document instanceof KList list)) {
            throw KustomizeError.failed(file, document, "a JSON patch must be a list of operations");
        }
        List<Operation> operations = new ArrayList<>();
        for (KNode item : list.items) {
            if (!(item instanceof KMap map)) {
                throw KustomizeError.failed(file, item, "a JSON patch operation must be a mapping");
            }
            operations.add(
                    new Operation(map.string("op"), map.string("path"), map.string("from"), map.get("value"), map));
        }
        return new JsonPatch(operations, file);
    }

    /** Applies the operations to {@code root} in order; returns the new root. */
    KNode apply(KNode root, Resource resource) {
        KNode[] holder = {root};
        for (Operation operation : operations) {
            applyOne(holder, operation, resource);
        }
        markNullsTagged(holder[0]);
        return holder[0];
    }

    private void applyOne(KNode[] root, Operation operation, Resource resource) {
        String op = operation.op() == null ? "" : operation.op();
        switch (op) {
            case "add" -> add(root, operation.path(), value(operation), operation);
            case "remove" -> remove(root, operation.path(), operation);
            case "replace" -> replace(root, operation.path(), value(operation), operation);
            case "move" -> {
                KNode moved = remove(root, operation.from(), operation);
                add(root, operation.path(), moved, operation);
            }
            case "copy" ->
                add(
                        root,
                        operation.path(),
                        get(root[0], operation.from(), operation).copy(),
                        operation);
            case "test" -> {
                KNode actual = get(root[0], operation.path(), operation);
                if (!Values.equal(actual, operation.value())) {
                    throw fail(operation, "testing value " + operation.path() + " failed");
                }
            }
            default -> throw fail(operation, "unexpected kind of JSON patch operation: '" + op + "'");
        }
        resource.touchedBy.add(file);
    }

    private KNode value(Operation operation) {
        if (operation.value() == null) {
            throw fail(operation, "missing value for " + operation.op() + " operation on " + operation.path());
        }
        return operation.value().copy();
    }

    private static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            return out;
        }
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** The container holding the last token of {@code path}, which must exist. */
    private KNode parent(KNode root, List<String> tokens, Operation operation) {
        KNode node = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            node = child(node, tokens.get(i), operation, false);
            if (node == null) {
                throw fail(operation, "doc is missing path: \"" + operation.path() + "\"");
            }
        }
        return node;
    }

    private KNode child(KNode node, String token, Operation operation, boolean strict) {
        if (node instanceof KMap map) {
            return map.get(token);
        }
        if (node instanceof KList list) {
            int index = index(token, list.size(), false, operation);
            return index < 0 || index >= list.size() ? null : list.items.get(index);
        }
        return null;
    }

    private int index(String token, int size, boolean forAdd, Operation operation) {
        if (token.equals("-")) {
            return forAdd ? size : -1;
        }
        int index;
        try {
            index = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw fail(operation, "invalid array index '" + token + "' in " + operation.path());
        }
        if (index < 0) {
            if (index < -size) {
                throw fail(operation, "array index out of bounds: " + token);
            }
            index += size;
        }
        return index;
    }

    private KNode get(KNode root, String path, Operation operation) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            return root;
        }
        KNode parent = parent(root, tokens, operation);
        KNode value = child(parent, tokens.get(tokens.size() - 1), operation, true);
        if (value == null) {
            throw fail(operation, "unable to get nonexistent path " + path);
        }
        return value;
    }

    private void add(KNode[] root, String path, KNode value, Operation operation) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            root[0] = value;
            return;
        }
        KNode parent = parent(root[0], tokens, operation);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof KMap map) {
            KNode old = map.get(last);
            if (old != null) {
                value.keyLine = old.keyLine;
                value.keyColumn = old.keyColumn;
            }
            map.put(last, value);
        } else if (parent instanceof KList list) {
            int index = index(last, list.size(), true, operation);
            if (index > list.size()) {
                throw fail(operation, "array index out of bounds in add: " + path);
            }
            list.items.add(index, value);
        } else {
            throw fail(operation, "doc is missing path: \"" + path + "\"");
        }
    }

    private KNode remove(KNode[] root, String path, Operation operation) {
        List<String> tokens = tokens(path);
        KNode parent = parent(root[0], tokens, operation);
        String last = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
        if (parent instanceof KMap map) {
            if (!map.has(last)) {
                throw fail(operation, "unable to remove nonexistent key: " + last + ": missing value");
            }
            return map.remove(last);
        }
        if (parent instanceof KList list) {
            int index = index(last, list.size(), false, operation);
            if (index < 0 || index >= list.size()) {
                throw fail(operation, "unable to remove nonexistent index " + last + " in " + path);
            }
            return list.items.remove(index);
        }
        throw fail(operation, "doc is missing path: \"" + path + "\"");
    }

    private void replace(KNode[] root, String path, KNode value, Operation operation) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            root[0] = value;
            return;
        }
        KNode parent = parent(root[0], tokens, operation);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof KMap map) {
            // evanphx/json-patch v4 replaces a missing key of an object as if it were there.
            KNode old = map.get(last);
            if (old != null) {
                value.keyLine = old.keyLine;
                value.keyColumn = old.keyColumn;
            }
            map.put(last, value);
            return;
        }
        if (parent instanceof KList list) {
            int index = index(last, list.size(), false, operation);
            if (index < 0 || index >= list.size()) {
                throw fail(operation, "replace operation does not apply: doc is missing key: " + path);
            }
            list.items.set(index, value);
            return;
        }
        throw fail(operation, "replace operation does not apply: doc is missing path: " + path);
    }

    private KustomizeError fail(Operation operation, String message) {
        return KustomizeError.failed(file, operation.at(), message);
    }

    private static void markNullsTagged(KNode node) {
        if (node instanceof KScalar scalar && scalar.isNull()) {
            scalar.taggedNull = true;
        } else if (node instanceof KMap map) {
            map.fields.values().forEach(JsonPatch::markNullsTagged);
        } else if (node instanceof KList list) {
            list.items.forEach(JsonPatch::markNullsTagged);
        }
    }
}

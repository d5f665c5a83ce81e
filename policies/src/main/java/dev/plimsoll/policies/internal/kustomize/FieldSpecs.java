package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows a {@link FieldSpec} through an object and hands each value found to a setter (kustomize {@code
 * api/filters/fieldspec/fieldspec.go}): sequences are walked through without consuming a path part, a missing field
 * ends the walk unless the spec may create it (maps along the way, {@code createKind} at the end), and a null field is
 * turned into the kind it should be.
 */
final class FieldSpecs {

    /** What to create at the end of the path when the spec allows it. */
    enum Create {
        NONE,
        SCALAR,
        MAP
    }

    private FieldSpecs() {}

    /** True when {@code spec}'s type selects {@code resource} ({@code isMatchGVK}). */
    static boolean matches(FieldSpec spec, Resource resource) {
        return matches(spec.gvk(), resource.gvk());
    }

    static boolean matches(Gvk selector, Gvk gvk) {
        return (selector.kind().isEmpty() || selector.kind().equals(gvk.kind()))
                && (selector.group().isEmpty() || selector.group().equals(gvk.group()))
                && (selector.version().isEmpty() || selector.version().equals(gvk.version()));
    }

    /** Applies {@code set} at every value {@code spec} leads to in {@code resource}, if the spec selects it. */
    static void apply(Resource resource, FieldSpec spec, Create create, KNode createdOrigin, Consumer<Slot> set) {
        if (!matches(spec, resource)) {
            return;
        }
        List<String> path = spec.pathParts();
        walk(Slot.ofRoot(resource), path, 0, spec, create, createdOrigin, set, resource);
    }

    private static void walk(
            Slot slot,
            List<String> path,
            int at,
            FieldSpec spec,
            Create create,
            KNode origin,
            Consumer<Slot> set,
            Resource resource) {
        if (at == path.size()) {
            set.accept(slot);
            return;
        }
        KNode node = slot.get();
        if (Trees.isMissingOrNull(node)) {
            return;
        }
        if (node instanceof KList list) {
            for (int i = 0; i < list.items.size(); i++) {
                walk(Slot.of(list, i), path, at, spec, create, origin, set, resource);
            }
            return;
        }
        if (!(node instanceof KMap map)) {
            throw KustomizeError.failed(
                    resource.file,
                    node,
                    "considering field '" + spec.path() + "' of object " + resource.curId()
                            + ": expected sequence or mapping node");
        }
        String part = path.get(at);
        boolean sequence = part.endsWith("[]");
        String name = sequence ? part.substring(0, part.length() - 2) : part;
        if (name.isEmpty()) {
            throw KustomizeError.failed(resource.file, node, "cannot set or create an empty field name");
        }
        boolean last = at == path.size() - 1;
        Create kind;
        boolean creating;
        if (!spec.create() || create == Create.NONE || sequence) {
            creating = false;
            kind = sequence ? null : Create.NONE;
        } else {
            creating = true;
            kind = last ? create : Create.MAP;
        }
        KNode field = map.get(name);
        if (field == null) {
            if (!creating) {
                return;
            }
            field = kind == Create.MAP
                    ? KMap.like(origin == null ? map : origin)
                    : KScalar.string("", origin == null ? map : origin);
            if (kind == Create.SCALAR) {
                ((KScalar) field).type = ScalarNode.Type.STRING;
            }
            map.put(name, field);
        } else if (field instanceof KScalar scalar && scalar.isNull() && scalar.taggedNull) {
            KNode converted = null;
            if (sequence) {
                converted = KList.like(scalar);
            } else if (kind == Create.MAP) {
                converted = KMap.like(scalar);
            } else if (kind == Create.SCALAR) {
                scalar.type = ScalarNode.Type.STRING;
                scalar.taggedNull = false;
            }
            if (converted != null) {
                converted.keyLine = scalar.keyLine;
                converted.keyColumn = scalar.keyColumn;
                map.put(name, converted);
            }
        }
        walk(Slot.of(map, name), path, at + 1, spec, create, origin, set, resource);
    }
}

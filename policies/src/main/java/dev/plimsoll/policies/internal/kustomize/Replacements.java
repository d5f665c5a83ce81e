package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code replacements:} (kustomize {@code ReplacementTransformer}, {@code api/filters/replacement}): each replacement
 * reads one value from the single object its source selects (by current or previous id), and writes it into the
 * field paths of every target, a scalar keeping its type, anything else replaced whole; {@code delimiter}/{@code index}
 * pick or set one part of a delimited string, {@code create} makes missing fields. Inline, or read from {@code path}.
 */
final class Replacements {

    private static final Set<String> ENTRY_FIELDS = Set.of("path", "source", "targets");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("group", "version", "kind", "name", "namespace", "fieldPath", "options");
    private static final Set<String> TARGET_FIELDS = Set.of("select", "reject", "fieldPaths", "options");
    private static final Set<String> OPTION_FIELDS = Set.of("delimiter", "index", "create");

    private Replacements() {}

    private record Options(String delimiter, int index, boolean create) {}

    private record Id(Gvk gvk, String name, String namespace) {

        boolean selects(ResId id) {
            return (name == null || name.isEmpty() || name.equals(id.name()))
                    && (namespace == null
                            || namespace.isEmpty()
                            || effective(namespace, id.gvk()).equals(effective(id)))
                    && id.gvk().isSelectedBy(gvk);
        }

        boolean isEmpty() {
            return gvk.equals(Gvk.ANY)
                    && (name == null || name.isEmpty())
                    && (namespace == null || namespace.isEmpty());
        }

        private static String effective(String namespace, Gvk gvk) {
            return namespace.isEmpty() ? "default" : namespace;
        }

        private static String effective(ResId id) {
            if (id.namespace().equals(Resource.NOT_NAMESPACEABLE)) {
                return id.namespace();
            }
            return id.namespace().isEmpty() ? "default" : id.namespace();
        }
    }

    private record TargetSelector(Id id, List<Selector.Requirement> labels, List<Selector.Requirement> annotations) {}

    private record Target(
            TargetSelector select, List<TargetSelector> reject, List<String> fieldPaths, Options options) {}

    private record Replacement(
            Id source, String fieldPath, Options options, List<Target> targets, String file, Node at) {}

    static void transform(ResMap resMap, Kustomization kustomization, Workspace workspace) {
        String file = kustomization.file;
        List<Replacement> replacements = new ArrayList<>();
        for (MappingNode entry : kustomization.mappings("replacements")) {
            unknownFields(entry, ENTRY_FIELDS, file);
            String path = Kustomization.stringOf(entry, "path", file);
            if (path != null && !path.isEmpty()) {
                if (entry.has("source") || entry.has("targets")) {
                    throw Kustomization.at(file, entry, "cannot specify both path and inline replacement");
                }
                replacements.addAll(fromFile(entry, path, kustomization, workspace));
            } else {
                replacements.add(replacement(entry, file));
            }
        }
        for (Replacement replacement : replacements) {
            KNode value = sourceValue(resMap, replacement);
            for (Target target : replacement.targets()) {
                apply(resMap, replacement, value, target);
            }
        }
    }

    private static List<Replacement> fromFile(
            MappingNode entry, String path, Kustomization kustomization, Workspace workspace) {
        KScalar at = Kustomization.origin(kustomization.file, entry.get("path"));
        Path resolved = workspace.resolve(kustomization.dir, path, kustomization.file, at);
        workspace.confine(resolved, kustomization.file, at, path);
        if (!resolved.startsWith(kustomization.dir)) {
            throw KustomizeError.failed(
                    kustomization.file,
                    at,
                    "security; file '" + workspace.display(resolved) + "' is not in or below '"
                            + workspace.display(kustomization.dir) + "'");
        }
        Workspace.Parsed parsed = workspace.configYaml(resolved, kustomization.file, at);
        Loading.failOnProblems(parsed.yaml(), parsed.file());
        List<Replacement> out = new ArrayList<>();
        for (YamlReader.Document document : parsed.yaml().documents()) {
            Node root = document.root();
            if (root instanceof SequenceNode sequence) {
                for (Node item : sequence.items()) {
                    if (!(item instanceof MappingNode mapping)) {
                        throw Kustomization.at(parsed.file(), item, "a replacement must be a mapping");
                    }
                    out.add(replacement(mapping, parsed.file()));
                }
            } else if (root instanceof MappingNode mapping) {
                out.add(replacement(mapping, parsed.file()));
            } else if (root != null && !root.isNull()) {
                throw Kustomization.at(
                        parsed.file(), root, "unsupported replacement type encountered within replacement path");
            }
            break;
        }
        return out;
    }

    private static Replacement replacement(MappingNode entry, String file) {
        unknownFields(entry, Set.of("source", "targets", "path"), file);
        if (!(entry.get("source") instanceof MappingNode source) || !(entry.get("targets") instanceof SequenceNode)) {
            throw Kustomization.at(file, entry, "replacements must specify a source and at least one target");
        }
        unknownFields(source, SOURCE_FIELDS, file);
        String fieldPath = Kustomization.stringOf(source, "fieldPath", file);
        List<Target> targets = new ArrayList<>();
        for (MappingNode target : Kustomization.mappingsOf(entry.get("targets"), "targets", file)) {
            unknownFields(target, TARGET_FIELDS, file);
            if (!(target.get("select") instanceof MappingNode select)) {
                throw Kustomization.at(file, target, "target must specify resources to select");
            }
            List<TargetSelector> reject = new ArrayList<>();
            for (MappingNode each : Kustomization.mappingsOf(target.get("reject"), "reject", file)) {
                reject.add(targetSelector(each, file));
            }
            List<String> paths = new ArrayList<>();
            for (ScalarNode path : Kustomization.stringsOf(target.get("fieldPaths"), "fieldPaths", file)) {
                paths.add(path.value());
            }
            if (paths.isEmpty()) {
                paths.add("metadata.name");
            }
            targets.add(new Target(targetSelector(select, file), reject, paths, options(target.get("options"), file)));
        }
        return new Replacement(
                new Id(
                        TransformerConfig.gvk(source, file),
                        Kustomization.stringOf(source, "name", file),
                        Kustomization.stringOf(source, "namespace", file)),
                fieldPath == null || fieldPath.isEmpty() ? "metadata.name" : fieldPath,
                options(source.get("options"), file),
                targets,
                file,
                source);
    }

    private static TargetSelector targetSelector(MappingNode node, String file) {
        unknownFields(
                node,
                Set.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"),
                file);
        return new TargetSelector(
                new Id(
                        TransformerConfig.gvk(node, file),
                        Kustomization.stringOf(node, "name", file),
                        Kustomization.stringOf(node, "namespace", file)),
                Selector.requirements(Kustomization.stringOf(node, "labelSelector", file), file, node),
                Selector.requirements(Kustomization.stringOf(node, "annotationSelector", file), file, node));
    }

    private static Options options(Node node, String file) {
        if (!(node instanceof MappingNode mapping)) {
            return new Options("", 0, false);
        }
        unknownFields(mapping, OPTION_FIELDS, file);
        Node index = mapping.get("index");
        int value = 0;
        if (index instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.INT) {
            value = (int) scalar.asLong().orElse(0);
        } else if (index != null && !index.isNull()) {
            throw Kustomization.at(file, index, "options.index must be an integer");
        }
        String delimiter = Kustomization.stringOf(mapping, "delimiter", file);
        return new Options(delimiter == null ? "" : delimiter, value, Kustomization.boolOf(mapping, "create", file));
    }

    private static void unknownFields(MappingNode node, Set<String> known, String file) {
        for (MappingNode.Entry entry : node.entries()) {
            if (!known.contains(entry.key().value())) {
                throw Kustomization.at(
                        file,
                        entry.key(),
                        "invalid Kustomization: unknown field \"" + entry.key().value() + "\"");
            }
        }
    }

    /** Every id of an object: current, then previous ({@code utils.MakeResIds}). */
    private static List<ResId> ids(Resource resource) {
        List<ResId> ids = new ArrayList<>();
        ids.add(resource.curId());
        ids.addAll(resource.previousIds);
        return ids;
    }

    private static KNode sourceValue(ResMap resMap, Replacement replacement) {
        Resource source = null;
        for (Resource resource : resMap.all()) {
            for (ResId id : ids(resource)) {
                if (replacement.source().selects(id)) {
                    if (source != null) {
                        throw Kustomization.at(
                                replacement.file(),
                                replacement.at(),
                                "multiple matches for selector " + describe(replacement.source()));
                    }
                    source = resource;
                    break;
                }
            }
        }
        if (source == null) {
            throw Kustomization.at(
                    replacement.file(), replacement.at(), "nothing selected by " + describe(replacement.source()));
        }
        KNode value = lookup(source.root, Paths.split(replacement.fieldPath()));
        if (value == null
                || Trees.isMissingOrNull(value)
                || (value instanceof KMap map && map.isEmpty())
                || (value instanceof KList list && list.items.isEmpty())) {
            throw Kustomization.at(
                    replacement.file(),
                    replacement.at(),
                    "fieldPath `" + replacement.fieldPath() + "` is missing for replacement source "
                            + describe(replacement.source()));
        }
        Options options = replacement.options();
        if (options.delimiter().isEmpty()) {
            return value;
        }
        if (!(value instanceof KScalar scalar)) {
            throw Kustomization.at(
                    replacement.file(), replacement.at(), "delimiter option can only be used with scalar nodes");
        }
        String[] parts = scalar.value.split(Pattern.quote(options.delimiter()), -1);
        if (options.index() >= parts.length || options.index() < 0) {
            throw Kustomization.at(
                    replacement.file(),
                    replacement.at(),
                    "options.index " + options.index() + " is out of bounds for value " + scalar.value);
        }
        KScalar copy = scalar.copy();
        copy.value = parts[options.index()];
        return copy;
    }

    private static String describe(Id id) {
        return id.gvk() + "|" + (id.namespace() == null ? "" : id.namespace()) + "|"
                + (id.name() == null ? "" : id.name());
    }

    /** kyaml {@code Lookup}: fields, {@code [k=v]} (exact), indices and {@code -}; null when missing. */
    private static KNode lookup(KNode node, List<String> path) {
        KNode current = node;
        for (String part : path) {
            if (Trees.isMissingOrNull(current)) {
                return null;
            }
            if (part.startsWith("[") && part.endsWith("]")) {
                if (!(current instanceof KList list)) {
                    return null;
                }
                String[] pair = part.substring(1, part.length() - 1).split("=", 2);
                current = null;
                for (KNode item : list.items) {
                    boolean match = pair[0].isEmpty()
                            ? item instanceof KScalar scalar && scalar.value.equals(pair[1])
                            : item instanceof KMap map
                                    && map.get(pair[0]) instanceof KScalar field
                                    && field.value.equals(pair[1]);
                    if (match) {
                        current = item;
                        break;
                    }
                }
            } else if (current instanceof KList list && (part.equals("-") || part.matches("\\d+"))) {
                int index = part.equals("-") ? list.items.size() - 1 : Integer.parseInt(part);
                current = index >= 0 && index < list.items.size() ? list.items.get(index) : null;
            } else if (current instanceof KMap map) {
                current = map.get(part);
            } else {
                return null;
            }
        }
        return current;
    }

    private static void apply(ResMap resMap, Replacement replacement, KNode value, Target target) {
        for (Resource resource : resMap.all()) {
            if (!matchesLabels(resource, target.select())) {
                continue;
            }
            boolean rejected = false;
            for (TargetSelector reject : target.reject()) {
                if ((!reject.labels().isEmpty() || !reject.annotations().isEmpty())
                        && matchesLabels(resource, reject)) {
                    rejected = true;
                    break;
                }
            }
            if (rejected) {
                continue;
            }
            for (ResId id : ids(resource)) {
                boolean rejectedId = false;
                for (TargetSelector reject : target.reject()) {
                    if (!reject.id().isEmpty() && reject.id().selects(id)) {
                        rejectedId = true;
                        break;
                    }
                }
                if (target.select().id().selects(id) && !rejectedId) {
                    copy(resource, value, target, replacement);
                    resource.touchedBy.add(replacement.file());
                    break;
                }
            }
        }
    }

    private static boolean matchesLabels(Resource resource, TargetSelector selector) {
        KMap metadata = resource.metadata();
        return Selector.matchesAll(selector.labels(), metadata == null ? null : metadata.map("labels"))
                && Selector.matchesAll(selector.annotations(), metadata == null ? null : metadata.map("annotations"));
    }

    private static void copy(Resource resource, KNode value, Target target, Replacement replacement) {
        for (String fieldPath : target.fieldPaths()) {
            List<String> path = Paths.split(fieldPath);
            List<Slot> fields = new ArrayList<>();
            Create create = target.options().create() ? Create.of(value) : Create.NONE;
            match(Slot.ofRoot(resource), path, 0, create, fields, replacement);
            if (fields.isEmpty()) {
                throw Kustomization.at(
                        replacement.file(),
                        replacement.at(),
                        (create == Create.NONE ? "unable to find field " : "unable to find or create field ") + "\""
                                + fieldPath + "\" in replacement target");
            }
            for (Slot field : fields) {
                set(field, value, target.options(), replacement);
            }
        }
    }

    private enum Create {
        NONE,
        SCALAR,
        MAP,
        LIST;

        static Create of(KNode value) {
            return value instanceof KMap ? MAP : value instanceof KList ? LIST : SCALAR;
        }
    }

    /** kyaml {@code PathMatcher}: fields, indices, {@code *}, {@code [k=regex]} (unanchored), creating on demand. */
    private static void match(
            Slot slot, List<String> path, int at, Create create, List<Slot> out, Replacement replacement) {
        if (at == path.size()) {
            out.add(slot);
            return;
        }
        KNode node = slot.get();
        String part = path.get(at);
        if (part.matches("\\d+")) {
            if (!(node instanceof KList list)) {
                throw Kustomization.at(
                        replacement.file(), replacement.at(), "wrong node kind at " + part + ": expected a sequence");
            }
            int index = Integer.parseInt(part);
            if (index == list.items.size() && create != Create.NONE) {
                list.items.add(created(nextKind(path, at, create), list));
            }
            if (index >= list.items.size()) {
                throw Kustomization.at(
                        replacement.file(),
                        replacement.at(),
                        "index " + index + " specified but only " + list.items.size() + " elements found");
            }
            match(Slot.of(list, index), path, at + 1, create, out, replacement);
            return;
        }
        if (part.startsWith("[") && part.endsWith("]")) {
            if (!(node instanceof KList list)) {
                if (Trees.isMissingOrNull(node)) {
                    return;
                }
                throw Kustomization.at(
                        replacement.file(), replacement.at(), "wrong node kind at " + part + ": expected a sequence");
            }
            String[] pair = part.substring(1, part.length() - 1).split("=", 2);
            if (pair.length < 2) {
                throw Kustomization.at(
                        replacement.file(), replacement.at(), "list path element must contain fieldName=fieldValue");
            }
            Pattern regex;
            try {
                regex = Pattern.compile(pair[1]);
            } catch (PatternSyntaxException e) {
                throw Kustomization.at(replacement.file(), replacement.at(), "invalid regular expression " + pair[1]);
            }
            int before = out.size();
            boolean primitive = pair[0].isEmpty();
            for (int i = 0; i < list.items.size(); i++) {
                KNode item = list.items.get(i);
                String text;
                if (primitive) {
                    text = Values.text(item);
                } else {
                    if (!(item instanceof KMap map) || map.get(pair[0]) == null) {
                        continue;
                    }
                    text = Values.text(map.get(pair[0]));
                }
                if (regex.matcher(text).find()) {
                    if (primitive) {
                        out.add(Slot.of(list, i));
                    } else {
                        match(Slot.of(list, i), path, at + 1, create, out, replacement);
                    }
                }
            }
            if (out.size() == before && create != Create.NONE) {
                KScalar key = new KScalar(
                        list.file,
                        list.line,
                        list.column,
                        pair[1],
                        YamlReader.plainType(pair[1], YamlReader.Typing.KUSTOMIZE));
                if (primitive) {
                    list.items.add(key);
                } else {
                    KMap element = KMap.like(list);
                    element.put(pair[0], key);
                    list.items.add(element);
                }
                match(slot, path, at, create, out, replacement);
            }
            return;
        }
        if (part.equals("*")) {
            if (!(node instanceof KList list)) {
                if (Trees.isMissingOrNull(node)) {
                    return;
                }
                throw Kustomization.at(
                        replacement.file(), replacement.at(), "wrong node kind at *: expected a sequence");
            }
            for (int i = 0; i < list.items.size(); i++) {
                match(Slot.of(list, i), path, at + 1, create, out, replacement);
            }
            return;
        }
        if (Trees.isMissingOrNull(node)) {
            return;
        }
        if (!(node instanceof KMap map)) {
            throw Kustomization.at(
                    replacement.file(), replacement.at(), "wrong node kind at " + part + ": expected a mapping");
        }
        KNode field = map.get(part);
        if (field == null) {
            if (create == Create.NONE) {
                return;
            }
            map.put(part, created(nextKind(path, at, create), map));
        }
        match(Slot.of(map, part), path, at + 1, create, out, replacement);
    }

    private static Create nextKind(List<String> path, int at, Create create) {
        if (at + 1 >= path.size()) {
            return create;
        }
        String next = path.get(at + 1);
        return next.matches("\\d+") || (next.startsWith("[") && next.endsWith("]")) ? Create.LIST : Create.MAP;
    }

    private static KNode created(Create kind, KNode origin) {
        return switch (kind) {
            case MAP -> KMap.like(origin);
            case LIST -> KList.like(origin);
            default -> {
                KScalar scalar = KScalar.string("", origin);
                scalar.taggedNull = false;
                yield scalar;
            }
        };
    }

    /** {@code setFieldValue}: a scalar target keeps its type and takes the text; anything else is replaced. */
    private static void set(Slot slot, KNode value, Options options, Replacement replacement) {
        KNode copy = value.copy();
        KNode target = slot.get();
        if (!options.delimiter().isEmpty()) {
            if (!(target instanceof KScalar targetScalar)) {
                throw Kustomization.at(
                        replacement.file(), replacement.at(), "delimiter option can only be used with scalar nodes");
            }
            List<String> parts =
                    new ArrayList<>(List.of(targetScalar.value.split(Pattern.quote(options.delimiter()), -1)));
            String text = Values.text(copy);
            if (options.index() < 0) {
                parts.add(0, text);
            } else if (options.index() >= parts.size()) {
                parts.add(text);
            } else {
                parts.set(options.index(), text);
            }
            if (copy instanceof KScalar scalar) {
                scalar.value = String.join(options.delimiter(), parts);
            }
        }
        if (target instanceof KScalar scalar) {
            scalar.value = copy instanceof KScalar source ? source.value : "";
            scalar.file = copy.file;
            scalar.line = copy.line;
            scalar.column = copy.column;
            if (scalar.type == dev.plimsoll.policies.yaml.ScalarNode.Type.NULL && !scalar.value.isEmpty()) {
                scalar.type = YamlReader.plainType(scalar.value, YamlReader.Typing.KUSTOMIZE);
            }
        } else {
            slot.set(copy);
        }
    }
}

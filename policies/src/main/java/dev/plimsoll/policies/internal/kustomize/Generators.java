package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code configMapGenerator} and {@code secretGenerator} (kustomize {@code api/internal/generators}, {@code
 * api/kv}): data from env files, literals and files (in that order), options merged with {@code generatorOptions},
 * and the generated object added, merged or replaced by its {@code behavior} ({@code resWrangler.AbsorbAll}).
 */
final class Generators {

    private static final Set<String> CONFIG_MAP_FIELDS =
            Set.of("name", "namespace", "behavior", "literals", "files", "envs", "env", "options");
    private static final Set<String> SECRET_FIELDS =
            Set.of("name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type");
    private static final Set<String> OPTION_FIELDS =
            Set.of("labels", "annotations", "disableNameSuffixHash", "immutable");

    private Generators() {}

    /** Generator options ({@code types.GeneratorOptions}). */
    private record Options(
            Map<String, ScalarNode> labels,
            Map<String, ScalarNode> annotations,
            boolean disableNameSuffixHash,
            boolean immutable) {}

    static void run(Accumulator ra, Kustomization kustomization, Workspace workspace) {
        Options global = options(kustomization.get("generatorOptions"), kustomization.file);
        for (MappingNode args : kustomization.mappings("configMapGenerator")) {
            absorb(ra.resMap, generate(args, false, global, kustomization, workspace), kustomization.file);
        }
        for (MappingNode args : kustomization.mappings("secretGenerator")) {
            absorb(ra.resMap, generate(args, true, global, kustomization, workspace), kustomization.file);
        }
    }

    private static Options options(Node node, String file) {
        if (!(node instanceof MappingNode mapping)) {
            if (node != null && !node.isNull()) {
                throw Kustomization.at(file, node, "invalid Kustomization: options must be a mapping");
            }
            return null;
        }
        for (MappingNode.Entry entry : mapping.entries()) {
            if (!OPTION_FIELDS.contains(entry.key().value())) {
                throw Kustomization.at(
                        file,
                        entry.key(),
                        "invalid Kustomization: unknown field \"" + entry.key().value() + "\"");
            }
        }
        return new Options(
                mapping.has("labels") ? Kustomization.stringMapOf(mapping.get("labels"), "labels", file) : null,
                mapping.has("annotations")
                        ? Kustomization.stringMapOf(mapping.get("annotations"), "annotations", file)
                        : null,
                Kustomization.boolOf(mapping, "disableNameSuffixHash", file),
                Kustomization.boolOf(mapping, "immutable", file));
    }

    /** {@code MergeGlobalOptionsIntoLocal}: the local options win; global ones fill in. */
    private static Options merge(Options local, Options global) {
        if (global == null) {
            return local;
        }
        Map<String, ScalarNode> labels = local == null ? null : local.labels();
        Map<String, ScalarNode> annotations = local == null ? null : local.annotations();
        return new Options(
                override(labels, global.labels()),
                override(annotations, global.annotations()),
                (local != null && local.disableNameSuffixHash()) || global.disableNameSuffixHash(),
                (local != null && local.immutable()) || global.immutable());
    }

    private static Map<String, ScalarNode> override(Map<String, ScalarNode> local, Map<String, ScalarNode> global) {
        if (local == null) {
            return global == null ? null : new LinkedHashMap<>(global);
        }
        Map<String, ScalarNode> out = new LinkedHashMap<>(local);
        if (global != null) {
            global.forEach(out::putIfAbsent);
        }
        return out;
    }

    private static Resource generate(
            MappingNode args, boolean secret, Options global, Kustomization kustomization, Workspace workspace) {
        String file = kustomization.file;
        for (MappingNode.Entry entry : args.entries()) {
            if (!(secret ? SECRET_FIELDS : CONFIG_MAP_FIELDS)
                    .contains(entry.key().value())) {
                throw Kustomization.at(
                        file,
                        entry.key(),
                        "invalid Kustomization: unknown field \"" + entry.key().value() + "\"");
            }
        }
        String name = Kustomization.stringOf(args, "name", file);
        if (name == null || name.isEmpty()) {
            throw Kustomization.at(file, args, "a " + (secret ? "secret" : "configmap") + " must have a name");
        }
        String namespace = Kustomization.stringOf(args, "namespace", file);
        Options options = merge(options(args.get("options"), file), global);
        KMap root = new KMap(file, args.line(), args.column());
        root.put("apiVersion", KScalar.string("v1", file, args.line(), args.column()));
        root.put("kind", KScalar.string(secret ? "Secret" : "ConfigMap", file, args.line(), args.column()));
        KMap metadata = root.mapCreate("metadata");
        Node nameNode = args.get("name");
        metadata.put("name", KScalar.string(name, file, nameNode.line(), nameNode.column()));
        if (namespace != null && !namespace.isEmpty()) {
            Node namespaceNode = args.get("namespace");
            metadata.put("namespace", KScalar.string(namespace, file, namespaceNode.line(), namespaceNode.column()));
        }
        if (secret) {
            String type = Kustomization.stringOf(args, "type", file);
            Node typeNode = args.get("type");
            KScalar typeValue = typeNode == null
                    ? KScalar.string("Opaque", root)
                    : KScalar.string(
                            type == null || type.isEmpty() ? "Opaque" : type, file, typeNode.line(), typeNode.column());
            root.put("type", typeValue);
        }
        Map<String, Pair> data = new LinkedHashMap<>();
        List<ScalarNode> envs = new ArrayList<>(Kustomization.stringsOf(args.get("envs"), "envs", file));
        String env = Kustomization.stringOf(args, "env", file);
        if (env != null && !env.isEmpty()) {
            envs.add((ScalarNode) args.get("env"));
        }
        for (ScalarNode source : envs) {
            for (Pair pair : envFile(source, kustomization, workspace)) {
                put(data, pair, name, file);
            }
        }
        for (ScalarNode literal : Kustomization.stringsOf(args.get("literals"), "literals", file)) {
            put(data, literal(literal, file), name, file);
        }
        for (ScalarNode source : Kustomization.stringsOf(args.get("files"), "files", file)) {
            put(data, fileSource(source, kustomization, workspace), name, file);
        }
        if (secret) {
            // LoadMapIntoSecretData creates the data map even when there is nothing to put in it.
            root.mapCreate("data");
        }
        for (Map.Entry<String, Pair> entry : new TreeMap<>(data).entrySet()) {
            Pair pair = entry.getValue();
            KScalar at = KScalar.string("", file, pair.at().line(), pair.at().column());
            String text = pair.utf8() ? new String(pair.value(), StandardCharsets.UTF_8) : null;
            if (secret) {
                root.mapCreate("data")
                        .put(entry.getKey(), KScalar.string(Base64.getEncoder().encodeToString(pair.value()), at));
            } else if (text != null) {
                root.mapCreate("data").put(entry.getKey(), KScalar.string(text, at));
            } else {
                root.mapCreate("binaryData")
                        .put(entry.getKey(), KScalar.string(Base64.getEncoder().encodeToString(pair.value()), at));
            }
        }
        if (options != null) {
            if (options.labels() != null) {
                for (Map.Entry<String, ScalarNode> label : new TreeMap<>(options.labels()).entrySet()) {
                    ScalarNode value = label.getValue();
                    root.mapCreate("metadata")
                            .mapCreate("labels")
                            .put(label.getKey(), KScalar.string(value.value(), file, value.line(), value.column()));
                }
            }
            if (options.annotations() != null) {
                for (Map.Entry<String, ScalarNode> annotation : new TreeMap<>(options.annotations()).entrySet()) {
                    ScalarNode value = annotation.getValue();
                    root.mapCreate("metadata")
                            .mapCreate("annotations")
                            .put(
                                    annotation.getKey(),
                                    KScalar.string(value.value(), file, value.line(), value.column()));
                }
            }
            if (options.immutable()) {
                root.put("immutable", new KScalar(file, args.line(), args.column(), "true", ScalarNode.Type.BOOL));
            }
        }
        Resource resource = new Resource(root, file, 0);
        resource.needsHashSuffix = options == null || !options.disableNameSuffixHash();
        String behavior = Kustomization.stringOf(args, "behavior", file);
        resource.behavior = switch (behavior == null ? "" : behavior) {
            case "" -> Resource.Behavior.UNSPECIFIED;
            case "create" -> Resource.Behavior.CREATE;
            case "replace" -> Resource.Behavior.REPLACE;
            case "merge" -> Resource.Behavior.MERGE;
            default ->
                throw Kustomization.at(file, args.get("behavior"), "unknown generator behavior '" + behavior + "'");
        };
        return resource;
    }

    /** One key and value of generated data, with where it was declared. */
    private record Pair(String key, byte[] value, boolean utf8, Node at) {}

    private static void put(Map<String, Pair> data, Pair pair, String name, String file) {
        if (data.containsKey(pair.key())) {
            throw Kustomization.at(
                    file, pair.at(), "configmap " + name + " illegally repeats the key `" + pair.key() + "`");
        }
        data.put(pair.key(), pair);
    }

    private static Pair literal(ScalarNode literal, String file) {
        String source = literal.value();
        int equals = source.indexOf('=');
        if (equals <= 0) {
            throw Kustomization.at(file, literal, "invalid literal source " + source + ", expected key=value");
        }
        String value = source.substring(equals + 1);
        if (value.length() >= 2
                && value.charAt(0) == value.charAt(value.length() - 1)
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            value = value.substring(1, value.length() - 1);
        }
        return new Pair(source.substring(0, equals), value.getBytes(StandardCharsets.UTF_8), true, literal);
    }

    private static Pair fileSource(ScalarNode source, Kustomization kustomization, Workspace workspace) {
        String file = kustomization.file;
        String text = source.value();
        String key;
        String pathText;
        int equals = text.indexOf('=');
        if (equals < 0) {
            pathText = text;
            String normalized = text.replaceAll("/+$", "");
            int slash = normalized.lastIndexOf('/');
            key = slash < 0 ? normalized : normalized.substring(slash + 1);
        } else {
            if (text.indexOf('=', equals + 1) >= 0) {
                throw Kustomization.at(file, source, "key names or file paths cannot contain '='");
            }
            key = text.substring(0, equals);
            pathText = text.substring(equals + 1);
            if (key.isEmpty()) {
                throw Kustomization.at(file, source, "key name for file path " + pathText + " missing");
            }
            if (pathText.isEmpty()) {
                throw Kustomization.at(file, source, "file path for key name " + key + " missing");
            }
        }
        byte[] bytes = read(source, pathText, kustomization, workspace);
        return new Pair(key, bytes, isUtf8(bytes), source);
    }

    private static List<Pair> envFile(ScalarNode source, Kustomization kustomization, Workspace workspace) {
        byte[] bytes = read(source, source.value(), kustomization, workspace);
        List<Pair> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals);
            if (!key.matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
                throw Kustomization.at(
                        kustomization.file,
                        source,
                        "invalid environment variable name '" + key + "' in " + source.value());
            }
            String value = equals < 0 ? System.getenv().getOrDefault(key, "") : line.substring(equals + 1);
            out.add(new Pair(key, value.getBytes(StandardCharsets.UTF_8), true, source));
        }
        return out;
    }

    private static byte[] read(ScalarNode source, String pathText, Kustomization kustomization, Workspace workspace) {
        KScalar at = Kustomization.origin(kustomization.file, source);
        Path path = workspace.resolve(kustomization.dir, pathText, kustomization.file, at);
        workspace.confine(path, kustomization.file, at, pathText);
        if (!path.startsWith(kustomization.dir)) {
            throw KustomizeError.failed(
                    kustomization.file,
                    at,
                    "security; file '" + workspace.display(path) + "' is not in or below '"
                            + workspace.display(kustomization.dir) + "'");
        }
        return workspace.read(path, kustomization.file, at);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code appendReplaceOrMerge}: create, or merge into / replace the object with the same id. */
    private static void absorb(ResMap resMap, Resource generated, String file) {
        ResId id = generated.curId();
        List<Resource> matches = resMap.matchingAnyId(id::equalsId);
        if (matches.isEmpty()) {
            if (generated.behavior == Resource.Behavior.MERGE || generated.behavior == Resource.Behavior.REPLACE) {
                throw KustomizeError.failed(
                        file, generated.root, "id " + id + " does not exist; cannot merge or replace");
            }
            resMap.append(generated, file);
            return;
        }
        if (matches.size() > 1) {
            throw KustomizeError.failed(
                    file, generated.root, "found multiple objects " + matches + " that could accept merge of " + id);
        }
        Resource old = matches.get(0);
        switch (generated.behavior) {
            case REPLACE -> copyMergeMetadata(generated, old);
            case MERGE -> {
                copyMergeMetadata(generated, old);
                mergeData(generated, old, "data");
                mergeData(generated, old, "binaryData");
            }
            default ->
                throw KustomizeError.failed(
                        file, generated.root, "id " + id + " exists; behavior must be merge or replace");
        }
        resMap.replace(old, generated);
    }

    /**
     * {@code CopyMergeMetaDataFieldsFrom}: labels and annotations merged (the new object's win), name and namespace
     * and every build record taken from the old object.
     */
    private static void copyMergeMetadata(Resource resource, Resource old) {
        KMap metadata = resource.root.mapCreate("metadata");
        KMap oldMetadata = old.metadata();
        for (String key : List.of("labels", "annotations")) {
            KMap merged = KMap.like(metadata);
            KMap oldValues = oldMetadata == null ? null : oldMetadata.map(key);
            if (oldValues != null) {
                oldValues.fields.forEach((k, v) -> merged.put(k, v.copy()));
            }
            KMap newValues = metadata.map(key);
            if (newValues != null) {
                newValues.fields.forEach(merged::put);
            }
            for (KNode value : merged.fields.values()) {
                if (value instanceof KScalar scalar) {
                    scalar.type = ScalarNode.Type.STRING;
                    scalar.taggedNull = false;
                }
            }
            if (merged.isEmpty()) {
                metadata.remove(key);
            } else {
                metadata.put(key, merged);
            }
        }
        KNode name = oldMetadata == null ? null : oldMetadata.get("name");
        if (name != null) {
            metadata.put("name", name.copy());
        }
        String namespace = old.namespace();
        if (namespace.isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", oldMetadata.get("namespace").copy());
        }
        resource.previousIds.clear();
        resource.previousIds.addAll(old.previousIds);
        resource.prefixes.clear();
        resource.prefixes.addAll(old.prefixes);
        resource.suffixes.clear();
        resource.suffixes.addAll(old.suffixes);
        resource.refBy.clear();
        resource.refBy.addAll(old.refBy);
        resource.refVarNames.clear();
        resource.refVarNames.addAll(old.refVarNames);
        resource.behavior = old.behavior;
        resource.needsHashSuffix = old.needsHashSuffix;
    }

    /** {@code MergeDataMapFrom}: the old data with the new on top, rewritten as strings. */
    private static void mergeData(Resource resource, Resource old, String key) {
        KMap merged = KMap.like(resource.root);
        KMap oldData = old.root.map(key);
        if (oldData != null) {
            oldData.fields.forEach((k, v) -> merged.put(k, v.copy()));
        }
        KMap newData = resource.root.map(key);
        if (newData != null) {
            newData.fields.forEach(merged::put);
        }
        resource.root.remove(key);
        for (Map.Entry<String, KNode> entry : new TreeMap<>(merged.fields).entrySet()) {
            KNode value = entry.getValue();
            if (value instanceof KScalar scalar) {
                scalar.type = ScalarNode.Type.STRING;
                scalar.taggedNull = false;
            }
            resource.root.mapCreate(key).put(entry.getKey(), value);
        }
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code patchesStrategicMerge}, {@code patches} and {@code patchesJson6902} (kustomize {@code
 * PatchStrategicMergeTransformer}, {@code PatchTransformer}, {@code PatchJson6902Transformer}): strategic merge patches
 * applied to the object with the patch's id (or to every target), JSON patches to every target.
 */
final class Patches {

    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target", "options");

    private Patches() {}

    /** A patch's text and where it came from: a file, or a string in the kustomization. */
    private record Text(String text, String file, ScalarNode inline) {}

    static void strategicMergeFiles(ResMap resMap, Kustomization kustomization, Workspace workspace) {
        List<ScalarNode> entries = kustomization.strings("patchesStrategicMerge");
        if (entries.isEmpty()) {
            return;
        }
        List<Resource> patches = new ArrayList<>();
        for (ScalarNode entry : entries) {
            List<Resource> inline = inlineResources(entry, kustomization, workspace);
            if (inline != null) {
                patches.addAll(inline);
                continue;
            }
            Path path = file(entry, kustomization, workspace);
            patches.addAll(Loading.resources(
                    workspace, path, kustomization.file, Kustomization.origin(kustomization.file, entry)));
        }
        if (patches.isEmpty()) {
            throw Kustomization.at(
                    kustomization.file, kustomization.get("patchesStrategicMerge"), "patch appears to be empty");
        }
        for (Resource patch : patches) {
            Resource target = uniqueById(resMap, patch, "");
            applyViaResMap(resMap, target, patch, false, false);
        }
    }

    static void patches(ResMap resMap, Kustomization kustomization, Workspace workspace, String field) {
        String file = kustomization.file;
        boolean jsonOnly = field.equals("patchesJson6902");
        for (MappingNode entry : kustomization.mappings(field)) {
            for (MappingNode.Entry each : entry.entries()) {
                if (!PATCH_FIELDS.contains(each.key().value())) {
                    throw Kustomization.at(
                            file,
                            each.key(),
                            "invalid Kustomization: unknown field \""
                                    + each.key().value() + "\"");
                }
            }
            Node targetNode = entry.get("target");
            Selector target =
                    targetNode instanceof MappingNode mapping ? Selector.parse(mapping, file, Set.of()) : null;
            boolean allowNameChange = false;
            boolean allowKindChange = false;
            if (entry.get("options") instanceof MappingNode options) {
                allowNameChange = Kustomization.boolOf(options, "allowNameChange", file);
                allowKindChange = Kustomization.boolOf(options, "allowKindChange", file);
            }
            Text text = text(entry, kustomization, workspace, jsonOnly);
            if (jsonOnly) {
                if (target == null) {
                    throw Kustomization.at(file, entry, "must specify the target field in patchesJson6902");
                }
                applyJson(resMap, target, json(text, kustomization, workspace), false);
                continue;
            }
            List<Resource> smPatches = smPatches(text, kustomization, workspace);
            JsonPatch jsonPatch = smPatches == null ? json(text, kustomization, workspace) : null;
            if (smPatches == null && jsonPatch == null) {
                throw Kustomization.at(file, entry, "unable to parse SM or JSON patch from " + text.file());
            }
            if (jsonPatch != null) {
                if (target == null) {
                    throw Kustomization.at(file, entry, "must specify a target for JSON patch " + text.file());
                }
                applyJson(resMap, target, jsonPatch, true);
                continue;
            }
            if (target != null) {
                if (smPatches.size() > 1) {
                    throw Kustomization.at(
                            file, entry, "SM patches with multiple objects cannot be applied to a target selector");
                }
                if (smPatches.isEmpty()) {
                    continue;
                }
                for (Resource selected : target.select(resMap)) {
                    applyViaResMap(resMap, selected, smPatches.get(0), allowNameChange, allowKindChange);
                }
                continue;
            }
            for (Resource patch : smPatches) {
                // PatchTransformer.transformStrategicMerge wraps the lookup error (api/internal/builtins).
                Resource selected = uniqueById(
                        resMap, patch, "no resource matches strategic merge patch \"" + patch.orgId() + "\": ");
                if (!apply(selected, patch.root.copy(), patch.file, allowNameChange, allowKindChange)) {
                    resMap.remove(selected);
                }
            }
        }
    }

    private static Text text(MappingNode entry, Kustomization kustomization, Workspace workspace, boolean jsonOnly) {
        String file = kustomization.file;
        Node patchNode = entry.get("patch");
        String inline = Kustomization.stringOf(entry, "patch", file);
        String pathValue = Kustomization.stringOf(entry, "path", file);
        if (!jsonOnly && inline != null) {
            inline = inline.strip();
        }
        boolean hasInline = inline != null && !inline.isEmpty();
        boolean hasPath = pathValue != null && !pathValue.isEmpty();
        if (!hasInline && !hasPath) {
            throw Kustomization.at(file, entry, "must specify one of patch and path");
        }
        if (hasInline && hasPath) {
            throw Kustomization.at(file, entry, "patch and path can't be set at the same time");
        }
        if (hasInline) {
            return new Text(inline, file, (ScalarNode) patchNode);
        }
        ScalarNode pathNode = (ScalarNode) entry.get("path");
        Path path = file(pathNode, kustomization, workspace);
        String content =
                new String(workspace.read(path, file, Kustomization.origin(file, pathNode)), StandardCharsets.UTF_8);
        return new Text(content, workspace.display(path), null);
    }

    /** The patch's objects when it parses as strategic merge patches ({@code SliceFromBytes}), else null. */
    private static List<Resource> smPatches(Text text, Kustomization kustomization, Workspace workspace) {
        YamlReader.Result parsed = Workspace.parseResourceText(text.text());
        try {
            List<Resource> patches = Loading.fromParsed(parsed, text.file());
            if (text.inline() != null) {
                for (Resource patch : patches) {
                    Inline.place(patch.root, text.inline(), kustomization, workspace);
                }
            }
            return patches;
        } catch (KustomizeError e) {
            return null;
        }
    }

    /** The patch as JSON patch operations, or null when it is none. */
    private static JsonPatch json(Text text, Kustomization kustomization, Workspace workspace) {
        String trimmed = text.text().strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        YamlReader.Result parsed = Workspace.parseConfigText(text.text());
        if (!parsed.problems().isEmpty()
                || parsed.documents().isEmpty()
                || parsed.documents().get(0).root() == null) {
            return null;
        }
        KNode document = Trees.fromNode(parsed.documents().get(0).root(), text.file());
        if (text.inline() != null) {
            Inline.place(document, text.inline(), kustomization, workspace);
        }
        if (!(document instanceof KList)) {
            return null;
        }
        return JsonPatch.of(document, text.file());
    }

    private static void applyJson(ResMap resMap, Selector target, JsonPatch patch, boolean storePreviousId) {
        for (Resource resource : target.select(resMap)) {
            if (storePreviousId) {
                resource.storePreviousId();
            }
            KNode result = patch.apply(resource.root, resource);
            if (!(result instanceof KMap map)) {
                throw KustomizeError.failed(resource.file, result, "a JSON patch left " + resource + " not an object");
            }
            resource.root = map;
        }
    }

    private static List<Resource> inlineResources(ScalarNode entry, Kustomization kustomization, Workspace workspace) {
        if (entry.value().indexOf('\n') < 0 && !entry.value().contains(":")) {
            return null;
        }
        YamlReader.Result parsed = Workspace.parseResourceText(entry.value());
        try {
            List<Resource> patches = Loading.fromParsed(parsed, kustomization.file);
            for (Resource patch : patches) {
                Inline.place(patch.root, entry, kustomization, workspace);
            }
            return patches.isEmpty() ? null : patches;
        } catch (KustomizeError e) {
            return null;
        }
    }

    private static Path file(ScalarNode entry, Kustomization kustomization, Workspace workspace) {
        KScalar at = Kustomization.origin(kustomization.file, entry);
        Path path = workspace.resolve(kustomization.dir, entry.value(), kustomization.file, at);
        workspace.confine(path, kustomization.file, at, entry.value());
        if (!path.startsWith(kustomization.dir)) {
            throw KustomizeError.failed(
                    kustomization.file,
                    at,
                    "security; file '" + workspace.display(path) + "' is not in or below '"
                            + workspace.display(kustomization.dir) + "'");
        }
        if (!workspace.isFile(path)) {
            throw KustomizeError.failed(kustomization.file, at, "no such file: " + workspace.display(path));
        }
        return path;
    }

    /** The one object with the patch's id, now or before ({@code ResMap.GetById}); {@code prefix} leads the error. */
    private static Resource uniqueById(ResMap resMap, Resource patch, String prefix) {
        ResId id = patch.orgId();
        List<Resource> matches = resMap.matchingAnyId(id::equalsId);
        if (matches.size() != 1) {
            String problem = matches.isEmpty() ? "no matches for Id " : "multiple matches for Id ";
            throw KustomizeError.failed(
                    patch.file, patch.root, prefix + problem + id + "; failed to find unique target for patch " + id);
        }
        return matches.get(0);
    }

    /**
     * {@code ResMap.ApplySmPatch}: the patch is copied with its labels and annotations rewritten as strings (empty
     * ones dropped), its namespace dropped when empty, and the target's apiVersion.
     */
    private static void applyViaResMap(
            ResMap resMap, Resource target, Resource patch, boolean allowNameChange, boolean allowKindChange) {
        KMap copy = patch.root.copy();
        KMap metadata = copy.mapCreate("metadata");
        for (String key : List.of("labels", "annotations")) {
            KNode values = metadata.get(key);
            if (values instanceof KMap map && !map.isEmpty()) {
                for (KNode value : map.fields.values()) {
                    if (value instanceof KScalar scalar) {
                        scalar.type = dev.plimsoll.policies.yaml.ScalarNode.Type.STRING;
                        scalar.taggedNull = false;
                    }
                }
            } else {
                metadata.remove(key);
            }
        }
        if (metadata.string("namespace") == null || metadata.string("namespace").isEmpty()) {
            metadata.remove("namespace");
        }
        KNode apiVersion = copy.get("apiVersion");
        copy.put("apiVersion", KScalar.string(target.apiVersion(), apiVersion == null ? copy : apiVersion));
        if (!apply(target, copy, patch.file, allowNameChange, allowKindChange)) {
            resMap.remove(target);
        }
    }

    /** {@code Resource.ApplySmPatch}; false when the patch deleted the object. */
    private static boolean apply(
            Resource resource, KMap patch, String patchFile, boolean allowNameChange, boolean allowKindChange) {
        KMap metadataBefore = resource.metadata();
        KNode name = metadataBefore == null ? null : metadataBefore.get("name");
        KNode namespace = metadataBefore == null ? null : metadataBefore.get("namespace");
        String namespaceValue = resource.namespace();
        KNode kind = resource.root.get("kind");
        if (allowNameChange || allowKindChange) {
            resource.storePreviousId();
        }
        PatchSchema schema = PatchSchema.forType(resource.apiVersion(), resource.kind());
        KNode result = StrategicMerge.merge(resource.root, patch, schema, patchFile);
        if (result == null || (result instanceof KMap map && map.isEmpty())) {
            return false;
        }
        if (!(result instanceof KMap root)) {
            throw KustomizeError.failed(patchFile, result, "a patch left " + resource + " not an object");
        }
        resource.root = root;
        if (!allowKindChange) {
            if (kind == null) {
                root.remove("kind");
            } else {
                root.put("kind", kind);
            }
        }
        KMap metadata = root.mapCreate("metadata");
        if (!allowNameChange && name != null) {
            metadata.put("name", name);
        }
        if (namespaceValue.isEmpty()) {
            metadata.remove("namespace");
        } else if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        resource.touchedBy.add(patchFile);
        return true;
    }
}

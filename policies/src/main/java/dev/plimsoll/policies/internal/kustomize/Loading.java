package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads resource files as Kustomize's resource factory does ({@code api/resource/factory.go}): empty documents
 * dropped, each object needs a kind and a name, a {@code *List} with {@code items} is replaced by its items (queued
 * after the file's other documents), and no list may hold an empty item.
 */
final class Loading {

    private Loading() {}

    static List<Resource> resources(Workspace workspace, Path path, String file, KNode at) {
        Workspace.Parsed parsed = workspace.resourceYaml(path, file, at);
        return fromParsed(parsed.yaml(), parsed.file());
    }

    /** The objects of an already parsed file (or inline text) shown as {@code file}. */
    static List<Resource> fromParsed(YamlReader.Result yaml, String file) {
        failOnProblems(yaml, file);
        record Queued(KNode node, int document) {}
        Deque<Queued> queue = new ArrayDeque<>();
        for (YamlReader.Document document : yaml.documents()) {
            if (document.root() == null || document.root().isNull()) {
                continue;
            }
            queue.add(new Queued(Trees.fromNode(document.root(), file), document.index()));
        }
        List<Resource> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            Queued next = queue.removeFirst();
            if (!(next.node() instanceof KMap object)) {
                throw KustomizeError.failed(file, next.node(), "missing kind in object: not a mapping");
            }
            if (object.isEmpty()) {
                continue;
            }
            String kind = object.string("kind");
            if (kind == null || kind.isEmpty()) {
                throw KustomizeError.failed(file, object, "missing kind in object");
            }
            if (kind.endsWith("List") && object.has("items")) {
                KNode items = object.get("items");
                if (items instanceof KList list) {
                    for (KNode item : list.items) {
                        queue.addLast(new Queued(item, next.document()));
                    }
                    continue;
                }
                if (items.isNull()) {
                    continue;
                }
                throw KustomizeError.failed(file, items, "expected array in " + kind + "/items");
            }
            if (!kind.endsWith("List")) {
                KMap metadata = object.map("metadata");
                String name = metadata == null ? null : metadata.string("name");
                if (name == null || name.isEmpty()) {
                    throw KustomizeError.failed(file, object, "missing metadata.name in object of kind " + kind);
                }
            }
            KNode empty = emptyListItem(object);
            if (empty != null) {
                throw KustomizeError.failed(file, empty, "empty item in a list of object of kind " + kind);
            }
            out.add(new Resource(object, file, next.document()));
        }
        return out;
    }

    static void failOnProblems(YamlReader.Result yaml, String file) {
        if (!yaml.problems().isEmpty()) {
            YamlReader.Problem problem = yaml.problems().get(0);
            throw new KustomizeError(
                    KustomizeError.Kind.FAILED,
                    file,
                    problem.position().line(),
                    problem.position().column(),
                    "malformed YAML: " + problem.message());
        }
    }

    /** The first null item of any list in {@code node} ({@code RNode.HasNilEntryInList}). */
    private static KNode emptyListItem(KNode node) {
        if (node instanceof KMap map) {
            for (KNode value : map.fields.values()) {
                KNode found = emptyListItem(value);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof KList list) {
            for (KNode item : list.items) {
                if (item.isNull()) {
                    return item;
                }
                KNode found = emptyListItem(item);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

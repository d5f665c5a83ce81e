package dev.plimsoll.generator.internal.kustomize;

import dev.plimsoll.generator.internal.json.ObjectId;
import dev.plimsoll.generator.internal.names.Names;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * File names for objects that share a directory: {@code <kind>-<name>.yaml}, lower case; when two objects of the
 * directory would get the same name, {@code <kind>-<namespace>-<name>.yaml}, then with the apiVersion in front, then
 * with a hash of the object's identity. Deterministic: the same objects always get the same names.
 */
final class FileNames {

    private static final Pattern OTHER = Pattern.compile("[^a-z0-9.-]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private FileNames() {}

    static Map<ObjectId, String> inDirectory(Collection<ObjectId> ids) {
        List<Function<ObjectId, String>> levels = List.of(
                id -> clean(id.kind() + "-" + id.name()),
                id -> clean(id.kind() + "-" + id.namespace() + "-" + id.name()),
                id -> clean(id.apiVersion() + "-" + id.kind() + "-" + id.namespace() + "-" + id.name()),
                id -> clean(id.apiVersion() + "-" + id.kind() + "-" + id.namespace() + "-" + id.name()) + "-"
                        + Names.sha256(id.apiVersion() + "/" + id.kind() + "/" + id.namespace() + "/" + id.name())
                                .substring(0, 8));
        Map<ObjectId, String> names = new HashMap<>();
        for (ObjectId id : ids) {
            names.put(id, levels.get(0).apply(id));
        }
        for (int level = 1; level < levels.size(); level++) {
            Map<String, Long> counts =
                    names.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
            Function<ObjectId, String> next = levels.get(level);
            names.replaceAll((id, name) -> counts.get(name) > 1 ? next.apply(id) : name);
        }
        names.replaceAll((id, name) -> name + ".yaml");
        return names;
    }

    /**
     * The hydrated file names, as {@code kustomize build -o DIR} names them: {@code group_version_kind_name.yaml},
     * lower case; when the objects span more than one namespace, a namespaced object's name starts with its namespace
     * ({@code default} when it has none) and {@code _}.
     */
    static Map<ObjectId, String> hydrated(Collection<ObjectId> ids) {
        long namespaces = ids.stream()
                .map(ObjectId::kustomizeNamespace)
                .filter(Objects::nonNull)
                .distinct()
                .count();
        Map<ObjectId, String> names = new HashMap<>();
        for (ObjectId id : ids) {
            String namespace = id.kustomizeNamespace();
            String prefix = namespaces > 1 && namespace != null ? namespace.toLowerCase(Locale.ROOT) + "_" : "";
            names.put(id, prefix + id.kustomizeFileName());
        }
        return names;
    }

    private static String clean(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EDGE_DASHES.matcher(OTHER.matcher(lower).replaceAll("-")).replaceAll("");
    }
}

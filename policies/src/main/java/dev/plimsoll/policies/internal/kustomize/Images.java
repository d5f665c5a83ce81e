package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code images:} (kustomize {@code ImageTagTransformer}, {@code api/filters/imagetag}, {@code api/image}): the
 * {@code image} of every item of any {@code containers} or {@code initContainers} sequence, anywhere in an object but a
 * CustomResourceDefinition, then of the images field specs (pod specs of built-in workloads, so those images are
 * updated twice), when its name matches: the name replaced by {@code
 * newName}, the tag and digest by {@code newTag} and/or {@code digest}, or {@code tagSuffix} added to the tag.
 */
final class Images {

    private static final Set<String> FIELDS = Set.of("name", "newName", "newTag", "digest", "tagSuffix");

    private Images() {}

    private record Image(String name, String newName, String newTag, String digest, String tagSuffix, KNode origin) {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        for (String field : new String[] {"images", "imageTags"}) {
            for (MappingNode entry : kustomization.mappings(field)) {
                apply(resMap, entry, kustomization.file, config.images);
            }
        }
    }

    /** One image entry ({@code ImageTagTransformer} with {@code specs}). */
    static void apply(ResMap resMap, MappingNode entry, String file, java.util.List<FieldSpec> specs) {
        for (MappingNode.Entry each : entry.entries()) {
            if (!FIELDS.contains(each.key().value())) {
                throw new KustomizeError(
                        KustomizeError.Kind.UNSUPPORTED,
                        file,
                        each.key().line(),
                        each.key().column(),
                        "images." + each.key().value() + " is not supported by the embedded Kustomize renderer");
            }
        }
        Node at = entry.get("newTag") != null
                ? entry.get("newTag")
                : entry.get("digest") != null
                        ? entry.get("digest")
                        : entry.get("tagSuffix") != null
                                ? entry.get("tagSuffix")
                                : entry.get("newName") != null ? entry.get("newName") : entry;
        Image image = new Image(
                orEmpty(Kustomization.stringOf(entry, "name", file)),
                orEmpty(Kustomization.stringOf(entry, "newName", file)),
                orEmpty(Kustomization.stringOf(entry, "newTag", file)),
                orEmpty(Kustomization.stringOf(entry, "digest", file)),
                orEmpty(Kustomization.stringOf(entry, "tagSuffix", file)),
                Kustomization.origin(file, at));
        Pattern pattern;
        try {
            pattern = Pattern.compile("^" + image.name() + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
        } catch (PatternSyntaxException e) {
            throw Kustomization.at(file, entry, "invalid image name '" + image.name() + "'");
        }
        for (Resource resource : resMap.all()) {
            if (resource.kind().equals("CustomResourceDefinition")) {
                continue;
            }
            findContainers(resource.root, image, pattern, resource, file);
            // After the walk, the field specs again (the same containers, for built-in workloads): a tagSuffix is
            // added twice, as Kustomize does. Field specs create nothing here.
            for (FieldSpec spec : specs) {
                FieldSpecs.apply(resource, spec, FieldSpecs.Create.NONE, image.origin(), slot -> {
                    if (slot.get() instanceof KScalar scalar) {
                        update(scalar, image, pattern, resource, file);
                    }
                });
            }
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Walks every mapping, depth first, updating the items of each containers/initContainers sequence. */
    private static void findContainers(KNode node, Image image, Pattern pattern, Resource resource, String file) {
        if (node instanceof KMap map) {
            for (var entry : map.fields.entrySet()) {
                findContainers(entry.getValue(), image, pattern, resource, file);
                String key = entry.getKey();
                if ((key.equals("containers") || key.equals("initContainers"))
                        && entry.getValue() instanceof KList list) {
                    for (KNode item : list.items) {
                        if (item instanceof KMap container && container.get("image") instanceof KScalar scalar) {
                            update(scalar, image, pattern, resource, file);
                        }
                    }
                }
            }
        } else if (node instanceof KList list) {
            for (KNode item : list.items) {
                findContainers(item, image, pattern, resource, file);
            }
        }
    }

    private static void update(KScalar scalar, Image image, Pattern pattern, Resource resource, String file) {
        if (scalar.isNull() && scalar.taggedNull) {
            return;
        }
        String value = scalar.value;
        if (!pattern.matcher(value).find()) {
            return;
        }
        String[] parts = split(value);
        String name = image.newName().isEmpty() ? parts[0] : image.newName();
        String tag = parts[1];
        String digest = parts[2];
        if (!image.newTag().isEmpty() && !image.digest().isEmpty()) {
            tag = image.newTag();
            digest = image.digest();
        } else if (!image.newTag().isEmpty()) {
            tag = image.newTag();
            digest = "";
        } else if (!image.digest().isEmpty()) {
            tag = "";
            digest = image.digest();
        } else if (!image.tagSuffix().isEmpty()) {
            tag += image.tagSuffix();
            digest = "";
        }
        String updated = name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
        scalar.value = updated;
        scalar.type = ScalarNode.Type.STRING;
        scalar.taggedNull = false;
        KNode origin = image.origin();
        scalar.file = origin.file;
        scalar.line = origin.line;
        scalar.column = origin.column;
        resource.touchedBy.add(file);
    }

    /** Name, tag and digest of an image reference ({@code image.Split}). */
    static String[] split(String image) {
        String search = image;
        int slash = image.indexOf('/');
        if (slash > 0) {
            search = image.substring(slash);
        } else {
            slash = 0;
        }
        int at = search.indexOf('@');
        int colon = search.indexOf(':');
        if (colon < 0 && at < 0) {
            return new String[] {image, "", ""};
        }
        if (at >= 0 && (at < colon || colon < 0)) {
            at += slash;
            return new String[] {image.substring(0, at), "", image.substring(at + 1)};
        }
        if (at >= 0) {
            at += slash;
            colon += slash;
            return new String[] {image.substring(0, colon), image.substring(colon + 1, at), image.substring(at + 1)};
        }
        colon += slash;
        return new String[] {image.substring(0, colon), image.substring(colon + 1), ""};
    }
}

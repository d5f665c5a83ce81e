package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A patch or replacement target (kustomize {@code types.Selector}, {@code resWrangler.Select}): group, version and
 * kind compared exactly, name and namespace as anchored regular expressions matched against the original and the
 * current id, and label and annotation selectors in Kubernetes syntax.
 */
final class Selector {

    private static final Set<String> FIELDS =
            Set.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");

    final Gvk gvk;
    private final Pattern name;
    private final Pattern namespace;
    private final List<Requirement> labels;
    private final List<Requirement> annotations;

    private Selector(
            Gvk gvk, Pattern name, Pattern namespace, List<Requirement> labels, List<Requirement> annotations) {
        this.gvk = gvk;
        this.name = name;
        this.namespace = namespace;
        this.labels = labels;
        this.annotations = annotations;
    }

    static Selector parse(MappingNode node, String file, Set<String> extraFields) {
        for (MappingNode.Entry entry : node.entries()) {
            String key = entry.key().value();
            if (!FIELDS.contains(key) && !extraFields.contains(key)) {
                throw Kustomization.at(file, entry.key(), "invalid Kustomization: unknown field \"" + key + "\"");
            }
        }
        Gvk gvk = new Gvk(
                Kustomization.stringOf(node, "group", file),
                Kustomization.stringOf(node, "version", file),
                Kustomization.stringOf(node, "kind", file));
        return new Selector(
                gvk,
                regex(Kustomization.stringOf(node, "name", file), file, node.get("name")),
                regex(Kustomization.stringOf(node, "namespace", file), file, node.get("namespace")),
                requirements(Kustomization.stringOf(node, "labelSelector", file), file, node.get("labelSelector")),
                requirements(
                        Kustomization.stringOf(node, "annotationSelector", file),
                        file,
                        node.get("annotationSelector")));
    }

    private static Pattern regex(String value, String file, Node at) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(?:" + value + ")$");
        } catch (PatternSyntaxException e) {
            throw Kustomization.at(file, at, "invalid regular expression '" + value + "'");
        }
    }

    /** The resources selected, in order ({@code resWrangler.Select}). */
    List<Resource> select(ResMap resMap) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resMap.all()) {
            if (matches(resource)) {
                out.add(resource);
            }
        }
        return out;
    }

    boolean matches(Resource resource) {
        ResId current = resource.curId();
        ResId original = resource.orgId();
        if (namespace != null
                && !namespace.matcher(effectiveNamespace(original)).matches()
                && !namespace.matcher(effectiveNamespace(current)).matches()) {
            return false;
        }
        if (name != null
                && !name.matcher(original.name()).matches()
                && !name.matcher(current.name()).matches()) {
            return false;
        }
        if (!resource.gvk().isSelectedBy(gvk)) {
            return false;
        }
        return matchesAll(labels, metadataMap(resource, "labels"))
                && matchesAll(annotations, metadataMap(resource, "annotations"));
    }

    private static String effectiveNamespace(ResId id) {
        if (id.isClusterScoped()) {
            return Resource.NOT_NAMESPACEABLE;
        }
        return id.namespace().isEmpty() ? "default" : id.namespace();
    }

    private static KMap metadataMap(Resource resource, String key) {
        KMap metadata = resource.metadata();
        return metadata == null ? null : metadata.map(key);
    }

    static boolean matchesAll(List<Requirement> requirements, KMap values) {
        for (Requirement requirement : requirements) {
            if (!requirement.matches(values)) {
                return false;
            }
        }
        return true;
    }

    /** One term of a label selector: {@code k=v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}. */
    record Requirement(String key, String operator, List<String> values) {

        boolean matches(KMap map) {
            String value = map == null ? null : map.string(key);
            boolean present = map != null && map.has(key);
            if (present && value == null) {
                value = "";
            }
            return switch (operator) {
                case "=", "==", "in" -> present && values.contains(value);
                case "!=", "notin" -> !present || !values.contains(value);
                case "exists" -> present;
                case "!" -> !present;
                default -> false;
            };
        }
    }

    /** Parses Kubernetes label selector syntax ({@code k8s.io/apimachinery/pkg/labels.Parse}). */
    static List<Requirement> requirements(String selector, String file, Node at) {
        List<Requirement> out = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return out;
        }
        for (String term : splitTerms(selector)) {
            String t = term.trim();
            if (t.isEmpty()) {
                throw Kustomization.at(file, at, "invalid selector '" + selector + "'");
            }
            java.util.regex.Matcher set = Pattern.compile("^([^\\s!=()]+)\\s+(in|notin)\\s*\\((.*)\\)$")
                    .matcher(t);
            if (set.matches()) {
                List<String> values = new ArrayList<>();
                for (String value : set.group(3).split(",", -1)) {
                    values.add(value.trim());
                }
                out.add(new Requirement(set.group(1), set.group(2), values));
            } else if (t.startsWith("!")) {
                out.add(new Requirement(t.substring(1).trim(), "!", List.of()));
            } else if (t.contains("!=")) {
                int i = t.indexOf("!=");
                out.add(new Requirement(
                        t.substring(0, i).trim(),
                        "!=",
                        List.of(t.substring(i + 2).trim())));
            } else if (t.contains("==")) {
                int i = t.indexOf("==");
                out.add(new Requirement(
                        t.substring(0, i).trim(),
                        "==",
                        List.of(t.substring(i + 2).trim())));
            } else if (t.contains("=")) {
                int i = t.indexOf('=');
                out.add(new Requirement(
                        t.substring(0, i).trim(),
                        "=",
                        List.of(t.substring(i + 1).trim())));
            } else {
                out.add(new Requirement(t, "exists", List.of()));
            }
        }
        return out;
    }

    /** Splits on commas outside parentheses. */
    private static List<String> splitTerms(String selector) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        out.add(selector.substring(start));
        return out;
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fixes references by name after names changed (prefix, suffix, hash), at the end of a build (kustomize {@code
 * FixBackReferences}: {@code api/internal/accumulator/namereferencetransformer.go}, {@code api/filters/nameref}): for
 * each name reference field spec, the object it names is found among those that had that name before, of the
 * referenced type, visible from the referrer's namespace and, when still ambiguous, with the same prefixes and
 * suffixes; the field gets its current name (and, for a {@code name}/{@code namespace} mapping, its namespace).
 */
final class NameReferences {

    private record Filter(FieldSpec spec, Gvk target) {}

    private NameReferences() {}

    static void fix(ResMap resMap, TransformerConfig config) {
        Map<Resource, List<Filter>> filters = new LinkedHashMap<>();
        List<Resource> resources = resMap.all();
        List<ResId> orgIds = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            orgIds.add(resource.orgId());
        }
        for (TransformerConfig.NameBackReference reference : config.nameReference) {
            for (FieldSpec spec : reference.referrers()) {
                for (int i = 0; i < resources.size(); i++) {
                    if (orgIds.get(i).gvk().isSelectedBy(spec.gvk())) {
                        filters.computeIfAbsent(resources.get(i), r -> new ArrayList<>())
                                .add(new Filter(spec, reference.target()));
                    }
                }
            }
        }
        for (Map.Entry<Resource, List<Filter>> entry : filters.entrySet()) {
            Resource referrer = entry.getKey();
            List<Resource> candidates = candidates(resMap, referrer);
            for (Filter filter : entry.getValue()) {
                FieldSpec spec = new FieldSpec(referrer.gvk(), filter.spec().path(), false);
                FieldSpecs.apply(
                        referrer, spec, FieldSpecs.Create.NONE, null, slot -> set(slot, filter, referrer, candidates));
            }
        }
    }

    /** {@code SubsetThatCouldBeReferencedByResource}. */
    private static List<Resource> candidates(ResMap resMap, Resource referrer) {
        ResId referrerId = referrer.curId();
        if (referrerId.isClusterScoped()) {
            return resMap.all();
        }
        List<String> roleBindingNamespaces = new ArrayList<>();
        if (referrer.kind().equals("RoleBinding") && referrer.root.list("subjects") != null) {
            for (KNode subject : referrer.root.list("subjects").items) {
                if (subject instanceof KMap map
                        && map.get("namespace") instanceof KScalar namespace
                        && "ServiceAccount".equals(map.string("kind"))
                        && namespace.type == ScalarNode.Type.STRING) {
                    roleBindingNamespaces.add(namespace.value);
                }
            }
        }
        List<Resource> out = new ArrayList<>();
        for (Resource target : resMap.all()) {
            ResId id = target.curId();
            if (id.isClusterScoped()
                    || id.isNsEquals(referrerId)
                    || roleBindingNamespaces.contains(target.namespace())) {
                out.add(target);
            }
        }
        return out;
    }

    private static void set(Slot slot, Filter filter, Resource referrer, List<Resource> candidates) {
        KNode node = slot.get();
        if (Trees.isMissingOrNull(node)) {
            return;
        }
        if (node instanceof KScalar scalar) {
            setScalar(scalar, filter, referrer, candidates);
        } else if (node instanceof KMap map) {
            setMapping(map, filter, referrer, candidates);
        } else if (node instanceof KList list) {
            for (KNode item : list.items) {
                if (Trees.isMissingOrNull(item)) {
                    continue;
                }
                if (item instanceof KScalar scalar) {
                    setScalar(scalar, filter, referrer, candidates);
                } else if (item instanceof KMap map) {
                    setMapping(map, filter, referrer, candidates);
                } else {
                    throw KustomizeError.failed(
                            referrer.file,
                            item,
                            "a name reference is expected to be either a string or a map of string");
                }
            }
        }
    }

    private static void setScalar(KScalar node, Filter filter, Resource referrer, List<Resource> candidates) {
        Resource referral =
                selectReferral(node.value, candidates, filter, referrer, NameReferences::allNamesAreTheSame, node);
        if (referral == null) {
            return;
        }
        referral.appendRefBy(referrer.curId());
        if (referral.name().equals(node.value)) {
            return;
        }
        setText(node, referral.name());
    }

    private static void setMapping(KMap node, Filter filter, Resource referrer, List<Resource> candidates) {
        KNode nameNode = node.get("name");
        if (nameNode == null) {
            throw KustomizeError.failed(referrer.file, node, "path config error; no 'name' field in node");
        }
        List<Resource> byNamespace = candidates;
        KNode namespaceNode = node.get("namespace");
        if (namespaceNode != null) {
            String namespace = namespaceNode instanceof KScalar scalar ? scalar.value : "";
            List<Resource> original = grouped(candidates, namespace, Resource::orgId);
            byNamespace = original != null ? original : grouped(candidates, namespace, Resource::curId);
            if (byNamespace == null) {
                byNamespace = List.of();
            }
        }
        String oldName = nameNode instanceof KScalar scalar ? scalar.value : "";
        Resource referral = selectReferral(
                oldName, byNamespace, filter, referrer, NameReferences::allNamesAndNamespacesAreTheSame, node);
        if (referral == null) {
            return;
        }
        referral.appendRefBy(referrer.curId());
        if (referral.name().equals(oldName) && referral.namespace().isEmpty()) {
            return;
        }
        if (nameNode instanceof KScalar scalar) {
            setText(scalar, referral.name());
        } else {
            node.put("name", untagged(referral.name(), nameNode));
        }
        if (referral.namespace().isEmpty()) {
            return;
        }
        if (namespaceNode instanceof KScalar scalar) {
            setText(scalar, referral.namespace());
        } else {
            node.put("namespace", untagged(referral.namespace(), nameNode));
        }
    }

    /** The candidates in an (effective) namespace, or null when none has it ({@code GroupedBy...Namespace}). */
    private static List<Resource> grouped(
            List<Resource> candidates, String namespace, java.util.function.Function<Resource, ResId> id) {
        List<Resource> out = new ArrayList<>();
        for (Resource candidate : candidates) {
            ResId resId = id.apply(candidate);
            if (resId.isClusterScoped()) {
                continue;
            }
            String effective = resId.namespace().isEmpty() ? "default" : resId.namespace();
            if (effective.equals(namespace)) {
                out.add(candidate);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Resource selectReferral(
            String oldName,
            List<Resource> candidates,
            Filter filter,
            Resource referrer,
            Predicate<List<Resource>> identical,
            KNode at) {
        List<Resource> found = new ArrayList<>();
        Gvk roleRef = roleRefGvk(filter, referrer);
        for (Resource candidate : candidates) {
            if (!previousNameMatches(candidate, oldName)
                    || !previousIdSelectedBy(candidate, filter.target())
                    || (roleRef != null && !previousIdSelectedBy(candidate, roleRef))
                    || !sameCurrentNamespace(candidate, referrer)) {
                continue;
            }
            found.add(candidate);
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<Resource> sameContext = new ArrayList<>();
        for (Resource candidate : found) {
            if (sameEndingSubSlice(candidate.prefixes, referrer.prefixes)
                    && sameEndingSubSlice(candidate.suffixes, referrer.suffixes)) {
                sameContext.add(candidate);
            }
        }
        if (sameContext.size() == 1) {
            return sameContext.get(0);
        }
        if (sameContext.isEmpty()) {
            return null;
        }
        if (identical.test(sameContext)) {
            return sameContext.get(0);
        }
        List<String> ids = new ArrayList<>();
        for (Resource candidate : sameContext) {
            ids.add(candidate.curId().toString());
        }
        throw KustomizeError.failed(referrer.file, at, "found multiple possible referrals: " + String.join(", ", ids));
    }

    private static boolean previousNameMatches(Resource candidate, String name) {
        for (ResId id : candidate.previousIds) {
            if (id.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean previousIdSelectedBy(Resource candidate, Gvk selector) {
        for (ResId id : candidate.previousIds) {
            if (id.gvk().isSelectedBy(selector)) {
                return true;
            }
        }
        return false;
    }

    /** For {@code roleRef/name}: the roleRef's apiGroup and kind, when both are there. */
    private static Gvk roleRefGvk(Filter filter, Resource referrer) {
        if (!filter.spec().path().endsWith("roleRef/name")) {
            return null;
        }
        KMap roleRef = referrer.root.map("roleRef");
        if (roleRef == null || roleRef.get("apiGroup") == null || roleRef.get("kind") == null) {
            return null;
        }
        return new Gvk(roleRef.string("apiGroup"), "", roleRef.string("kind"));
    }

    private static boolean sameCurrentNamespace(Resource candidate, Resource referrer) {
        ResId referrerId = referrer.curId();
        if (referrerId.isClusterScoped()) {
            return true;
        }
        ResId id = candidate.curId();
        return id.isClusterScoped() || candidate.kind().equals("ServiceAccount") || referrerId.isNsEquals(id);
    }

    /** kustomize {@code utils.SameEndingSubSlice}. */
    private static boolean sameEndingSubSlice(List<String> a, List<String> b) {
        List<String> shortest = a.size() <= b.size() ? a : b;
        List<String> longest = a.size() <= b.size() ? b : a;
        int diff = longest.size() - shortest.size();
        if (shortest.isEmpty()) {
            return diff == 0;
        }
        for (int i = shortest.size() - 1; i >= 0; i--) {
            if (!longest.get(i + diff).equals(shortest.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNamesAreTheSame(List<Resource> resources) {
        String name = resources.get(0).name();
        return resources.stream().allMatch(r -> r.name().equals(name));
    }

    private static boolean allNamesAndNamespacesAreTheSame(List<Resource> resources) {
        Resource first = resources.get(0);
        return resources.stream()
                .allMatch(r -> r.name().equals(first.name()) && r.namespace().equals(first.namespace()));
    }

    /** kyaml sets the new text as an untagged scalar, typed on output as go-yaml v3 reads it. */
    private static void setText(KScalar node, String text) {
        node.value = text;
        node.type = YamlReader.plainType(text, YamlReader.Typing.KUSTOMIZE);
        node.taggedNull = false;
    }

    private static KScalar untagged(String text, KNode origin) {
        KScalar scalar = KScalar.string(text, origin);
        setText(scalar, text);
        return scalar;
    }
}

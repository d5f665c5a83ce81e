package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.List;

/**
 * {@code namePrefix:} and {@code nameSuffix:} (kustomize {@code PrefixTransformer}, {@code SuffixTransformer}): every
 * object but CustomResourceDefinitions, APIServices and Namespaces records the prefix or suffix and its id, then each
 * name field spec gets the prefix or suffix added.
 */
final class PrefixSuffix {

    private static final List<Gvk> SKIPPED = List.of(
            new Gvk("", "", "CustomResourceDefinition"),
            new Gvk("apiregistration.k8s.io", "", "APIService"),
            new Gvk("", "", "Namespace"));

    private PrefixSuffix() {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        String prefix = kustomization.string("namePrefix");
        if (!prefix.isEmpty()) {
            apply(resMap, prefix, true, config.namePrefix);
        }
        String suffix = kustomization.string("nameSuffix");
        if (!suffix.isEmpty()) {
            apply(resMap, suffix, false, config.nameSuffix);
        }
    }

    static void apply(ResMap resMap, String affix, boolean prefix, List<FieldSpec> specs) {
        for (Resource resource : resMap.all()) {
            ResId orgId = resource.orgId();
            if (SKIPPED.stream().anyMatch(skip -> orgId.gvk().isSelectedBy(skip))) {
                continue;
            }
            for (FieldSpec spec : specs) {
                if (!orgId.gvk().isSelectedBy(spec.gvk())) {
                    continue;
                }
                if (spec.path().equals("metadata/name")) {
                    if (prefix) {
                        resource.addPrefix(affix);
                    } else {
                        resource.addSuffix(affix);
                    }
                    resource.storePreviousId();
                }
                FieldSpecs.apply(resource, spec, FieldSpecs.Create.SCALAR, null, slot -> {
                    if (slot.get() instanceof KScalar scalar) {
                        scalar.value = prefix ? affix + scalar.value : scalar.value + affix;
                        scalar.type = ScalarNode.Type.STRING;
                        scalar.taggedNull = false;
                    } else {
                        throw KustomizeError.failed(
                                resource.file, slot.get(), "name field spec must target a scalar in " + resource);
                    }
                });
            }
        }
    }
}

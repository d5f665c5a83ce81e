package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.Node;

/** {@code replacements:} (kustomize {@code ReplacementTransformer}, {@code api/filters/replacement}). */
final class Replacements {

    private Replacements() {}

    static void transform(ResMap resMap, Kustomization kustomization, Workspace workspace) {
        Node node = kustomization.get("replacements");
        if (node != null
                && !node.isNull()
                && !kustomization.mappings("replacements").isEmpty()) {
            throw new KustomizeError(
                    KustomizeError.Kind.UNSUPPORTED,
                    kustomization.file,
                    node.line(),
                    node.column(),
                    "'replacements' is not supported by the embedded Kustomize renderer");
        }
    }
}

package dev.plimsoll.policies.internal.kustomize;

/** {@code commonAnnotations:} (kustomize {@code AnnotationsTransformer}): like labels, on the annotation specs. */
final class Annotations {

    private Annotations() {}

    static void transform(ResMap resMap, Kustomization kustomization, TransformerConfig config) {
        Labels.setEntries(
                resMap, kustomization.stringMap("commonAnnotations"), config.commonAnnotations, kustomization.file);
    }
}

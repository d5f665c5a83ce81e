package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.Node;
import java.util.List;

/** {@code vars:} (kustomize {@code ResAccumulator.MergeVars}, {@code ResolveVars}). */
final class Vars {

    /** A var and the resource it names. */
    record Declared(String name) {}

    private Vars() {}

    static void add(List<Declared> vars, Declared declared, String file) {
        vars.add(declared);
    }

    static void merge(Accumulator ra, Kustomization kustomization) {
        Node node = kustomization.get("vars");
        if (node != null && !node.isNull() && !kustomization.mappings("vars").isEmpty()) {
            throw new KustomizeError(
                    KustomizeError.Kind.UNSUPPORTED,
                    kustomization.file,
                    node.line(),
                    node.column(),
                    "'vars' is not supported by the embedded Kustomize renderer");
        }
    }

    static void resolve(Accumulator ra, String file) {}
}

package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * What a kustomization has built so far: its resources, the transformer config merged from every level, and the vars
 * declared (kustomize {@code api/internal/accumulator/resaccumulator.go}).
 */
final class Accumulator {

    final ResMap resMap = new ResMap();
    TransformerConfig config = TransformerConfig.EMPTY;
    final List<Vars.Declared> vars = new ArrayList<>();

    void mergeConfig(TransformerConfig other, String file) {
        config = config.merge(other, file);
    }

    void mergeAccumulator(Accumulator other, String file) {
        resMap.appendAll(other.resMap, file);
        mergeConfig(other.config, file);
        for (Vars.Declared declared : other.vars) {
            Vars.add(vars, declared, file);
        }
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;

/**
 * A scalar with its text and the type Kustomize reads it as. A null keeps whether it was tagged null by the YAML
 * reader ({@code ~}, {@code null}, nothing): kyaml clears tagged nulls when a patch walks over them, but keeps a null
 * that a merge re-created as plain text.
 */
final class KScalar extends KNode {

    String value;
    ScalarNode.Type type;
    boolean taggedNull;

    KScalar(String file, int line, int column, String value, ScalarNode.Type type) {
        super(file, line, column);
        this.value = value;
        this.type = type;
        this.taggedNull = type == ScalarNode.Type.NULL;
    }

    /** A string scalar with the origin of {@code like}. */
    static KScalar string(String value, KNode like) {
        return new KScalar(like.file, like.line, like.column, value, ScalarNode.Type.STRING);
    }

    static KScalar string(String value, String file, int line, int column) {
        return new KScalar(file, line, column, value, ScalarNode.Type.STRING);
    }

    @Override
    boolean isNull() {
        return type == ScalarNode.Type.NULL;
    }

    @Override
    KScalar copy() {
        KScalar copy = new KScalar(file, line, column, value, type);
        copyOriginTo(copy);
        copy.taggedNull = taggedNull;
        return copy;
    }

    @Override
    public String toString() {
        return value;
    }
}

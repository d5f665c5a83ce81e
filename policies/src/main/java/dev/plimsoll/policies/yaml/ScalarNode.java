package dev.plimsoll.policies.yaml;

import java.util.Objects;
import java.util.OptionalLong;

/** A scalar with its text as written and the type the Kubernetes API server would read it as. */
public final class ScalarNode extends Node {

    /** How a YAML 1.1 reader (the API server's) types a scalar. */
    public enum Type {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    private final String value;
    private final Type type;
    private final boolean quoted;

    public ScalarNode(Position position, String value, Type type, boolean quoted) {
        super(position);
        this.value = Objects.requireNonNull(value, "value");
        this.type = Objects.requireNonNull(type, "type");
        this.quoted = quoted;
    }

    /** A scalar read from a JSON tree, positioned when asked (see {@link WrittenPositions}). */
    ScalarNode(String value, Type type, boolean quoted) {
        this.value = Objects.requireNonNull(value, "value");
        this.type = Objects.requireNonNull(type, "type");
        this.quoted = quoted;
    }

    /** The scalar's text after YAML unescaping, exactly as written otherwise ({@code "0100"}, {@code "yes"}). */
    public String value() {
        return value;
    }

    public Type type() {
        return type;
    }

    /** True when written in single or double quotes or as a block scalar, i.e. never resolved to a non-string. */
    public boolean quoted() {
        return quoted;
    }

    @Override
    public boolean isNull() {
        return type == Type.NULL;
    }

    public boolean isString() {
        return type == Type.STRING;
    }

    /** The value as a long when it is an integer scalar (decimal, octal {@code 0o}/{@code 0}, hex, underscores). */
    public OptionalLong asLong() {
        if (type != Type.INT) {
            return OptionalLong.empty();
        }
        return Scalars.parseYamlInt(value);
    }

    /** True when the scalar is a YAML 1.1 boolean that reads as true. */
    public boolean isTrue() {
        return type == Type.BOOL && Scalars.isYamlTrue(value);
    }

    @Override
    public ScalarNode copy() {
        return new ScalarNode(position(), value, type, quoted);
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public String toString() {
        return value;
    }
}

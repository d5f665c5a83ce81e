package dev.plimsoll.generator;

import java.util.Objects;

/**
 * A {@link PlatformDefinition} class could not be used: {@link #problem()} says why, the message says it in words that
 * fit any adapter ({@code X does not implement …}), and the cause, when there is one, is what the JVM or the definition
 * threw.
 */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the class could not be used. */
    public enum Problem {
        /** No class of that name on the class path, or it could not be linked (a class it needs is missing). */
        NOT_FOUND,
        /** The class does not implement {@link PlatformDefinition}. */
        NOT_A_DEFINITION,
        /** The class is abstract, or has no public no-argument constructor. */
        NOT_INSTANTIABLE,
        /** Its constructor or {@code define()} threw, or {@code define()} returned {@code null}. */
        FAILED
    }

    private final String className;
    private final Problem problem;

    DefinitionException(String className, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.className = Objects.requireNonNull(className, "className");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The class name as given. */
    public String className() {
        return className;
    }

    public Problem problem() {
        return problem;
    }
}

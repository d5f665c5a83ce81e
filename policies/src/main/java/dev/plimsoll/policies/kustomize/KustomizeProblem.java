package dev.plimsoll.policies.kustomize;

import java.util.Objects;

/**
 * Why a Kustomize build did not produce objects, and where: the file (relative to the lint root), line and column of
 * the field or entry concerned.
 *
 * @param kind what went wrong
 * @param file the file the problem is in, relative to the lint root and {@code /}-separated
 * @param line 1-based
 * @param column 1-based
 * @param message for people; names the field or entry
 */
public record KustomizeProblem(Kind kind, String file, int line, int column, String message) {

    /** The kinds of problem, each reported under its own rule id. */
    public enum Kind {
        /** The tree uses a Kustomize feature the embedded renderer does not build (and no external build was allowed). */
        UNSUPPORTED,
        /** A path leads outside the lint root; it was not read. */
        PATH_ESCAPE,
        /** Kustomize itself would fail to build the tree (bad field, missing file, no patch target, ...). */
        FAILED,
        /** An external {@code kustomize} or {@code kubectl} build failed or could not run. */
        EXTERNAL,
        /** A defect of the renderer; the message says what happened. */
        INTERNAL
    }

    public KustomizeProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(line, 1);
        column = Math.max(column, 1);
    }
}

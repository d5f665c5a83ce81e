package dev.plimsoll.policies.internal.kustomize;

/**
 * Why a build stopped: an unsupported feature, a path outside the lint root, or a problem Kustomize itself would
 * fail on. Carries the file and position it concerns.
 */
final class KustomizeError extends RuntimeException {

    enum Kind {
        UNSUPPORTED,
        PATH_ESCAPE,
        FAILED
    }

    final Kind kind;
    final String file;
    final int line;
    final int column;

    KustomizeError(Kind kind, String file, int line, int column, String message) {
        super(message);
        this.kind = kind;
        this.file = file;
        this.line = Math.max(line, 1);
        this.column = Math.max(column, 1);
    }

    static KustomizeError failed(String file, KNode at, String message) {
        return new KustomizeError(
                Kind.FAILED,
                at == null ? file : at.file,
                at == null ? 1 : at.line,
                at == null ? 1 : at.column,
                message);
    }

    static KustomizeError failed(String file, String message) {
        return new KustomizeError(Kind.FAILED, file, 1, 1, message);
    }
}

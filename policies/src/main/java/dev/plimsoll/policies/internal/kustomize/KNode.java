package dev.plimsoll.policies.internal.kustomize;

/**
 * A node of a resource while it is being built: mutable, and carrying where its value was written (file, line,
 * column), so that a rendered field can be traced to the base file or the patch that set it.
 *
 * <p>Each node has one parent at a time; values taken from a patch or another resource are copied first.
 */
abstract sealed class KNode permits KMap, KList, KScalar {

    /** The file (relative to the lint root) that wrote this value. */
    String file;

    int line;
    int column;
    /** Where the key of this value was written, when the value sits in a mapping. */
    int keyLine;

    int keyColumn;

    KNode(String file, int line, int column) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.keyLine = line;
        this.keyColumn = column;
    }

    /** A deep copy that keeps every origin. */
    abstract KNode copy();

    /** Gives this node (and its subtree, where it has no origin of its own) the origin of {@code other}. */
    final KNode at(String otherFile, int otherLine, int otherColumn) {
        this.file = otherFile;
        this.line = otherLine;
        this.column = otherColumn;
        this.keyLine = otherLine;
        this.keyColumn = otherColumn;
        return this;
    }

    final void copyOriginTo(KNode target) {
        target.file = file;
        target.line = line;
        target.column = column;
        target.keyLine = keyLine;
        target.keyColumn = keyColumn;
    }

    /** True for a null scalar, tagged or not. */
    boolean isNull() {
        return false;
    }
}

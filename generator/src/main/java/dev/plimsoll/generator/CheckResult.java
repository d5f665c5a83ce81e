package dev.plimsoll.generator;

import java.util.List;

/** The outcome of {@link Generator#check}: every difference between the tree on disk and a fresh render. */
public record CheckResult(List<FileChange> changes) {

    public CheckResult {
        changes = List.copyOf(changes);
    }

    /** True when the tree on disk is exactly what a write would produce. */
    public boolean current() {
        return changes.isEmpty();
    }
}

package dev.plimsoll.generator;

import dev.plimsoll.policies.Report;

/**
 * A platform rendered in memory: the per-environment model, the files of the tree, and the lint report of the
 * rendered objects (findings point at {@code rendered/<env>/…}, the hydrated files).
 */
public record Rendering(PlatformModel model, KustomizeTree tree, Report lint) {}

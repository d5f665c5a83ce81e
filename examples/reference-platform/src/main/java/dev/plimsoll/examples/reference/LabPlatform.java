package dev.plimsoll.examples.reference;

import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.catalog.NodePools;

/**
 * The seeds' lab variant: three nodes in all, the control plane also runs workloads, every other component identical
 * to the reference platform. Generated into {@code examples/lab-platform/}.
 */
public final class LabPlatform implements PlatformDefinition {

    @Override
    public Platform define() {
        return ReferencePlatform.platform("lab", NodePools.lab());
    }
}

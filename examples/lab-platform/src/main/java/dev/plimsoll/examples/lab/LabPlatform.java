package dev.plimsoll.examples.lab;

import dev.plimsoll.examples.reference.ReferencePlatform;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.catalog.NodePools;

/**
 * The seeds' lab variant: three nodes in all, the control plane also runs workloads, every other component identical
 * to the reference platform, whose definition it reuses on {@link NodePools#lab()}. Generated into this module's
 * {@code base/} and {@code overlays/}.
 */
public final class LabPlatform implements PlatformDefinition {

    @Override
    public Platform define() {
        return ReferencePlatform.platform("lab", NodePools.lab());
    }
}

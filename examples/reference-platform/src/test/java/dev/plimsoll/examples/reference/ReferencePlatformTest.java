package dev.plimsoll.examples.reference;

import dev.plimsoll.generator.testing.CommittedPlatformTest;
import java.nio.file.Path;

/**
 * The reference platform at the repository root: the committed {@code base/} and {@code overlays/} are exactly what the
 * Java generates (regenerate with {@code -Dplimsoll.reference.update=true}), its lint has no errors, and {@code kubectl
 * kustomize overlays/<env>} builds each environment's model byte for byte.
 */
class ReferencePlatformTest extends CommittedPlatformTest {

    /** The repository root, where the generated tree is committed (the module runs two levels below it). */
    private static final Path ROOT = Path.of("../..");

    ReferencePlatformTest() {
        super("reference-platform", new ReferencePlatform().define(), ROOT, "plimsoll.reference.update");
    }
}

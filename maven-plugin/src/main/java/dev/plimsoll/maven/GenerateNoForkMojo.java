package dev.plimsoll.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The {@code generate} goal without its own compile: for {@code <executions>}, where the lifecycle has compiled the
 * project already (it runs in {@code process-classes}, after the compiler). Do not bind it in a build that also runs
 * {@code check}: the check would compare the tree with itself.
 */
@Mojo(
        name = "generate-no-fork",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class GenerateNoForkMojo extends AbstractGenerateMojo {}

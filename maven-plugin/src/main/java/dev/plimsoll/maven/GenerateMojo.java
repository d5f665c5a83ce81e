package dev.plimsoll.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders {@code <platform>} and writes its Kustomize tree ({@code base/}, {@code overlays/<env>/}, with {@code
 * <hydrate>} also {@code rendered/<env>/}) to {@code <outputDirectory>}, after linting it: nothing is written when the
 * definition is invalid or the lint fails. Compiles the project first, so that {@code mvn plimsoll:generate} works on a
 * fresh clone; in {@code <executions>}, bind {@code generate-no-fork} instead.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class GenerateMojo extends AbstractGenerateMojo {}

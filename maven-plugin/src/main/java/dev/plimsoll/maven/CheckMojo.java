package dev.plimsoll.maven;

import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.FileChange;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the tree in {@code <outputDirectory>} is not exactly what {@code <platform>} renders: prints
 * every stale, missing, extra or hand-written file, with a unified diff for each stale one. Writes nothing. Needs the
 * project's classes: it runs in {@code verify}; on its own, {@code mvn process-classes plimsoll:check}.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class CheckMojo extends AbstractPlatformMojo {

    /** Skips {@code check}. */
    @Parameter(property = "plimsoll.skip.check", defaultValue = "false")
    boolean skipCheck;

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean skipGoal() {
        return skipCheck;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        withPlatform((generator, definition) -> {
            CheckResult result = generator.check(definition, outputDirectory());
            if (result.current()) {
                getLog().info("plimsoll: the tree in " + outputDirectory() + " is what " + platform.trim()
                        + " renders");
                return;
            }
            for (FileChange change : result.changes()) {
                getLog().error(change.toString());
                if (change.diff() != null) {
                    change.diff().lines().forEach(getLog()::error);
                }
            }
            throw new MojoFailureException(result.changes().size() + " file(s) in " + outputDirectory()
                    + " differ from what " + platform.trim()
                    + " renders, listed above: run mvn plimsoll:generate and commit the result");
        });
    }
}

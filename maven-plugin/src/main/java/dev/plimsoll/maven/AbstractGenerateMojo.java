package dev.plimsoll.maven;

import dev.plimsoll.generator.WriteResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes the tree: {@code generate} (compiles first) and {@code generate-no-fork} (for lifecycle bindings). */
abstract class AbstractGenerateMojo extends AbstractPlatformMojo {

    /** Skips {@code generate} and {@code generate-no-fork}. */
    @Parameter(property = "plimsoll.skip.generate", defaultValue = "false")
    boolean skipGenerate;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    boolean skipGoal() {
        return skipGenerate;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        withPlatform((generator, definition) -> {
            WriteResult result = generator.write(definition, outputDirectory());
            getLog().info("plimsoll: " + result.written().size() + " file(s) written, "
                    + result.unchanged().size() + " unchanged, "
                    + result.pruned().size() + " pruned in "
                    + outputDirectory());
            for (String path : result.written()) {
                getLog().debug("written: " + path);
            }
            for (String path : result.pruned()) {
                getLog().info("pruned: " + path);
            }
        });
    }
}

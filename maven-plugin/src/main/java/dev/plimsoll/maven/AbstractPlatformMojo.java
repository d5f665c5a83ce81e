package dev.plimsoll.maven;

import dev.plimsoll.generator.ConcurrentGenerationException;
import dev.plimsoll.generator.DefinitionException;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.LintFailedException;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.PlatformLoader;
import dev.plimsoll.generator.UnownedFileException;
import dev.plimsoll.generator.ValidationException;
import dev.plimsoll.generator.ValidationProblem;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that render the platform definition: {@code generate} and {@code check}. */
abstract class AbstractPlatformMojo extends AbstractPlimsollMojo {

    /**
     * The platform: a class in this project (or its dependencies) that implements {@code
     * dev.plimsoll.generator.PlatformDefinition}, with a public no-argument constructor.
     */
    @Parameter(property = "plimsoll.platform")
    String platform;

    /**
     * Also write {@code rendered/<env>/}, one file per object: what Argo CD applies, and what the {@code lint} goal
     * lints by default. Default: plimsoll's ({@code false}). Set it in the plugin's {@code <configuration>} so that
     * {@code generate} and {@code check} agree.
     */
    @Parameter(property = "plimsoll.hydrate")
    Boolean hydrate;

    /** What the goal does with the rendered platform; typed generation errors are translated by the caller. */
    interface Action {
        void run(Generator generator, Platform platform) throws IOException, MojoFailureException;
    }

    /**
     * Loads {@code <platform>} from the project's classes and runtime dependencies, and runs {@code action} on it while
     * its classes are still loadable; translates the libraries' typed errors into Maven's.
     */
    final void withPlatform(Action action) throws MojoExecutionException, MojoFailureException {
        if (platform == null || platform.isBlank()) {
            throw new MojoExecutionException(
                    "<platform> is not set: name the class that implements " + PlatformDefinition.class.getName()
                            + " (in the plugin's <configuration>, or -Dplimsoll.platform=…)");
        }
        RuleCatalog catalog = catalog();
        Generator.Builder builder =
                Generator.builder().lintConfig(lintConfig(catalog)).catalog(catalog);
        if (hydrate != null) {
            builder.hydrate(hydrate);
        }
        Generator generator = builder.build();
        String className = platform.trim();
        try (PlatformLoader loader = PlatformLoader.of(classpath())) {
            action.run(generator, definition(loader, className));
        } catch (ValidationException e) {
            for (ValidationProblem problem : e.problems()) {
                getLog().error(problem.toString());
            }
            throw new MojoFailureException("the platform definition " + className + " is invalid: "
                    + e.problems().size() + " problem(s), listed above");
        } catch (LintFailedException e) {
            MavenFindings.log(getLog(), e.report(), outputDirectory());
            throw new MojoFailureException("the platform " + className + " renders "
                    + e.report().active().size()
                    + " lint finding(s) at or above <failOn> " + MavenFindings.threshold(e.report())
                    + ", listed above; nothing was written to " + outputDirectory());
        } catch (UnownedFileException | ConcurrentGenerationException e) {
            throw new MojoFailureException("<outputDirectory> " + outputDirectory() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read or write the tree in " + outputDirectory() + ": " + e, e);
        }
    }

    private Platform definition(PlatformLoader loader, String className)
            throws MojoExecutionException, MojoFailureException {
        try {
            return loader.define(className);
        } catch (DefinitionException e) {
            if (e.problem() == DefinitionException.Problem.FAILED) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            String detail =
                    e.problem() == DefinitionException.Problem.NOT_FOUND ? notFound(className, e) : e.getMessage();
            throw new MojoExecutionException(
                    "<platform> must name a class that implements " + PlatformDefinition.class.getName() + ": "
                            + detail,
                    e);
        }
    }

    private String notFound(String className, DefinitionException e) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        String where = basedir().relativize(classes.toAbsolutePath()).toString();
        if (!Files.isDirectory(classes)) {
            return className + " was not found: " + where + " does not exist (compile first: mvn plimsoll:generate"
                    + " compiles on its own; for " + goal() + ", run mvn verify or mvn process-classes plimsoll:"
                    + goal() + ")";
        }
        if (e.getCause() instanceof ClassNotFoundException) {
            return className + " was not found in " + where + " or the project's runtime dependencies";
        }
        return e.getMessage();
    }

    private List<Path> classpath() throws MojoExecutionException {
        try {
            List<Path> entries = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                entries.add(Path.of(element));
            }
            return entries;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException(
                    "the project's runtime dependencies are not resolved: " + e.getMessage(), e);
        }
    }
}

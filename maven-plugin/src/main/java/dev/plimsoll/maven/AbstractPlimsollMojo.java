package dev.plimsoll.maven;

import dev.plimsoll.policies.config.ConfigException;
import dev.plimsoll.policies.config.ConfigProblem;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every plimsoll goal shares: skipping, the project, the output directory and the lint config. */
abstract class AbstractPlimsollMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips every plimsoll goal. */
    @Parameter(property = "plimsoll.skip", defaultValue = "false")
    boolean skip;

    /**
     * The root of the generated tree ({@code base/}, {@code overlays/<env>/}, {@code rendered/<env>/} and the ownership
     * index {@code .plimsoll/}), usually the manifests repository's root.
     */
    @Parameter(property = "plimsoll.outputDirectory", defaultValue = "${project.basedir}")
    File outputDirectory;

    /**
     * The lint config (rule levels, namespaces, environments, fail threshold). Default: {@code plimsoll.yaml} in the
     * project directory when it exists, else plimsoll's defaults.
     */
    @Parameter(property = "plimsoll.config")
    File config;

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}. Default:
     * the config's {@code failOn}, else {@code error}.
     */
    @Parameter(property = "plimsoll.failOn")
    String failOn;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("plimsoll: skipping " + goal() + " (" + (skip ? "plimsoll.skip" : "plimsoll.skip." + goal())
                    + ")");
            return;
        }
        run();
    }

    /** The goal's name, as in {@code plimsoll.skip.<goal>}. */
    abstract String goal();

    /** True when {@code plimsoll.skip.<goal>} is set. */
    abstract boolean skipGoal();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    Path basedir() {
        return project.getBasedir().toPath();
    }

    Path outputDirectory() {
        return outputDirectory.toPath().toAbsolutePath().normalize();
    }

    /** The built-in rules and any that the plugin's own {@code <dependencies>} add through {@code ServiceLoader}. */
    RuleCatalog catalog() {
        return RuleCatalog.withPlugins(AbstractPlimsollMojo.class.getClassLoader());
    }

    /** The config file's contents (or plimsoll's defaults), with {@code failOn} applied. */
    LintConfig lintConfig(RuleCatalog catalog) throws MojoExecutionException {
        LintConfig loaded = readConfig(catalog);
        if (failOn == null || failOn.isBlank()) {
            return loaded;
        }
        try {
            return loaded.withFailOn(LintConfig.failOnFromId(failOn.trim()));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<failOn> must be error, warning, info or none: " + e.getMessage());
        }
    }

    private LintConfig readConfig(RuleCatalog catalog) throws MojoExecutionException {
        Path file;
        if (config != null) {
            file = config.toPath();
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("<config> names a file that does not exist: " + file);
            }
        } else {
            file = basedir().resolve(LintConfig.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                return LintConfig.DEFAULT;
            }
        }
        try {
            return LintConfig.load(
                    file, catalog.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet()));
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                getLog().error(problem.toString());
            }
            throw new MojoExecutionException(
                    "<config> " + file + " is invalid: " + e.problems().size() + " problem(s), listed above");
        }
    }
}

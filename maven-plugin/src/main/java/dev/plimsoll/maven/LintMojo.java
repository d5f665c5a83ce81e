package dev.plimsoll.maven;

import dev.plimsoll.generator.HydratedOutput;
import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.report.Format;
import dev.plimsoll.policies.report.Reporters;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints manifests on disk and writes reports to {@code <reportDirectory>}: by default the generated tree's hydrated
 * output, {@code rendered/<env>/} under {@code <outputDirectory>}, each environment as itself. Prints every finding as
 * a Maven error or warning starting with {@code file:line:col}, and fails the build at the fail threshold, or when some
 * input could not be read.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends AbstractPlimsollMojo {

    /** Skips {@code lint}. */
    @Parameter(property = "plimsoll.skip.lint", defaultValue = "false")
    boolean skipLint;

    /**
     * Files and directories to lint instead of the hydrated output, relative to the project directory; linted as
     * {@code plimsoll lint} does, environments from the config's {@code environments[].paths}.
     */
    @Parameter(property = "plimsoll.paths")
    List<String> paths;

    /**
     * The environments whose hydrated output ({@code rendered/<env>/}) to lint. Default: every environment that has
     * some. Not combined with {@code <paths>}.
     */
    @Parameter(property = "plimsoll.environments")
    List<String> environments;

    /** The report files to write: {@code sarif}, {@code junit}, {@code json}, {@code text}, {@code github}. */
    @Parameter(property = "plimsoll.formats", defaultValue = "sarif,junit,json,text")
    List<String> formats;

    /**
     * Where the reports go: {@code plimsoll.sarif}, {@code TEST-plimsoll.xml}, {@code plimsoll.json}, {@code
     * plimsoll.txt}, {@code plimsoll.github.txt}.
     */
    @Parameter(property = "plimsoll.reportDirectory", defaultValue = "${project.build.directory}/plimsoll")
    File reportDirectory;

    @Override
    String goal() {
        return "lint";
    }

    @Override
    boolean skipGoal() {
        return skipLint;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Format> reportFormats;
        try {
            reportFormats = ReportFiles.parse(formats == null ? List.of() : formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<formats>: " + e.getMessage());
        }
        RuleCatalog catalog = catalog();
        Linter linter =
                Linter.builder().config(lintConfig(catalog)).catalog(catalog).build();
        Report report = lint(linter);
        List<Path> written = writeReports(report, reportFormats);
        MavenFindings.log(getLog(), report, basedir());
        getLog().info("plimsoll: " + MavenFindings.summary(report)
                + (written.isEmpty() ? "" : "; reports in " + reportDirectory.toPath()));
        ExitCode outcome = report.exitCode();
        if (outcome == ExitCode.UNREADABLE_INPUT) {
            throw new MojoFailureException(
                    "plimsoll lint: some input could not be read or parsed; see the findings above");
        }
        if (outcome == ExitCode.FINDINGS) {
            throw new MojoFailureException("plimsoll lint failed: " + MavenFindings.summary(report)
                    + " (the build fails on findings at <failOn> " + MavenFindings.threshold(report) + " and above)");
        }
    }

    private Report lint(Linter linter) throws MojoExecutionException, MojoFailureException {
        List<String> named = nonBlank(paths);
        List<String> selected = nonBlank(environments);
        try {
            if (!named.isEmpty()) {
                if (!selected.isEmpty()) {
                    throw new MojoExecutionException("<environments> selects environments of the hydrated output and"
                            + " cannot be combined with <paths>; map paths to environments in the config instead");
                }
                List<Path> files = new ArrayList<>();
                for (String path : named) {
                    Path file = basedir().resolve(path);
                    if (!Files.exists(file)) {
                        throw new MojoExecutionException("<paths> names a file that does not exist: " + file);
                    }
                    files.add(file);
                }
                return linter.lint(new LintRequest(basedir(), files, List.of(), null));
            }
            if (HydratedOutput.environments(outputDirectory()).isEmpty()) {
                throw new MojoFailureException("plimsoll lint: nothing to lint, "
                        + outputDirectory().resolve(HydratedOutput.ROOT)
                        + " has no environments: generate with <hydrate>true</hydrate>, or name what to lint in"
                        + " <paths>");
            }
            return HydratedOutput.lint(linter, basedir(), outputDirectory(), selected);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<environments>: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + outputDirectory() + ": " + e, e);
        }
    }

    private List<Path> writeReports(Report report, List<Format> reportFormats) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        Path directory = reportDirectory.toPath();
        try {
            Files.createDirectories(directory);
            for (Format format : reportFormats) {
                Path file = directory.resolve(ReportFiles.fileName(format));
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Reporters.write(format, report, writer);
                }
                written.add(file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "cannot write the reports to <reportDirectory> " + directory + ": " + e, e);
        }
        return written;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}

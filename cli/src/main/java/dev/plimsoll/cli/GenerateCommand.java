package dev.plimsoll.cli;

import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.ConcurrentGenerationException;
import dev.plimsoll.generator.DefinitionException;
import dev.plimsoll.generator.FileChange;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.LintFailedException;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformLoader;
import dev.plimsoll.generator.UnownedFileException;
import dev.plimsoll.generator.ValidationException;
import dev.plimsoll.generator.ValidationProblem;
import dev.plimsoll.generator.WriteResult;
import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.report.Format;
import dev.plimsoll.policies.report.Reporters;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plimsoll generate}: renders a platform definition into a Kustomize tree, or checks that the tree is current. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Generates the Kustomize tree (base/, overlays/<env>/, optionally rendered/<env>/) of a platform"
                + " defined in Java, after linting it; with --check, compares instead of writing.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the tree was written (with --check: the tree on disk is current)",
            "  1  lint findings at or above the fail threshold, nothing written (with --check: also when the tree on"
                    + " disk is stale)",
            "  2  usage, config or platform-definition error: nothing was rendered",
            "  4  refused, nothing written: a file plimsoll did not generate is in the way, or another generation is"
                    + " running on the same tree"
        })
final class GenerateCommand implements Callable<Integer> {

    /** Exit code when the writer refuses to touch the tree. */
    static final int REFUSED = 4;

    private final Environment environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--class",
            required = true,
            paramLabel = "CLASS",
            description = "The platform: a class implementing dev.plimsoll.generator.PlatformDefinition, with a public"
                    + " no-argument constructor.")
    String className;

    @Option(
            names = "--classpath",
            paramLabel = "PATHS",
            description = "Where to find CLASS and what it uses: directories and jars, separated by the platform's"
                    + " path separator (':' on Linux and macOS, ';' on Windows).")
    String classpath;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The output directory, usually the manifests repository's root (default: .).")
    String out = ".";

    @Option(names = "--check", description = "Compare with the tree on disk instead of writing; print what differs.")
    boolean check;

    @Option(
            names = "--hydrate",
            description = "Also write rendered/<env>/, one file per object (what Argo CD applies).")
    boolean hydrate;

    @CommandLine.Mixin
    LintConfigOptions lintConfigOptions = new LintConfigOptions();

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    GenerateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        RuleCatalog catalog = RuleCatalog.withPlugins(GenerateCommand.class.getClassLoader());
        Generator generator = Generator.builder()
                .lintConfig(lintConfigOptions.load(environment, catalog))
                .catalog(catalog)
                .hydrate(hydrate)
                .build();
        Path directory = environment.resolve(out);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (PlatformLoader loader = PlatformLoader.of(classpathEntries())) {
            Platform platform = definition(loader);
            if (check) {
                return check(generator.check(platform, directory), stdout);
            }
            WriteResult result = generator.write(platform, directory);
            stdout.printf(
                    "plimsoll: %d file(s) written, %d unchanged, %d pruned in %s%n",
                    result.written().size(),
                    result.unchanged().size(),
                    result.pruned().size(),
                    out);
            stdout.flush();
            return ExitCode.CLEAN.code();
        } catch (ValidationException e) {
            stderr.println("plimsoll: the platform definition " + className + " is invalid:");
            for (ValidationProblem problem : e.problems()) {
                stderr.println("  " + problem);
            }
            stderr.flush();
            return ExitCode.USAGE.code();
        } catch (LintFailedException e) {
            Reporters.write(Format.TEXT, e.report(), stdout);
            stdout.flush();
            stderr.println("plimsoll: " + e.getMessage());
            stderr.flush();
            return ExitCode.FINDINGS.code();
        } catch (UnownedFileException | ConcurrentGenerationException e) {
            stderr.println("plimsoll: " + e.getMessage());
            stderr.flush();
            return REFUSED;
        }
    }

    private int check(CheckResult result, PrintWriter stdout) {
        if (result.current()) {
            stdout.println("plimsoll: the tree in " + out + " is current");
            stdout.flush();
            return ExitCode.CLEAN.code();
        }
        for (FileChange change : result.changes()) {
            stdout.println(change);
            if (change.diff() != null) {
                stdout.print(change.diff());
            }
        }
        stdout.println("plimsoll: " + result.changes().size()
                + " file(s) differ from the platform definition; run plimsoll generate to update them");
        stdout.flush();
        return ExitCode.FINDINGS.code();
    }

    /** Loads {@code --class} (from {@code --classpath}) and calls its {@code define()}. */
    private Platform definition(PlatformLoader loader) {
        try {
            return loader.define(className);
        } catch (DefinitionException e) {
            if (e.problem() == DefinitionException.Problem.NOT_FOUND) {
                throw new UserError(
                        "cannot load class " + className + (classpath == null ? " (no --classpath given)" : "") + ": "
                                + e.getCause(),
                        ExitCode.USAGE);
            }
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
    }

    private List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = environment.resolve(entry);
                if (!Files.exists(path)) {
                    throw new UserError("--classpath entry not found: " + entry, ExitCode.USAGE);
                }
                entries.add(path);
            }
        }
        return entries;
    }
}

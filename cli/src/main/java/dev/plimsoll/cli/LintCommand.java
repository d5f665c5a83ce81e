package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Skip;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.report.Format;
import dev.plimsoll.policies.report.Reporters;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plimsoll lint}: lints files, directories or standard input and writes reports. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Lints Kubernetes manifests: files, directories (recursively) or - for standard input;"
                + " Kustomize trees are built and each overlay linted as one environment.")
final class LintCommand implements Callable<Integer> {

    /** One report to write: a format, and the file it goes to (standard output when absent). */
    static final class Output {

        @Option(
                names = {"-f", "--format"},
                required = true,
                converter = FormatConverter.class,
                completionCandidates = FormatConverter.Candidates.class,
                description = "Report format: ${COMPLETION-CANDIDATES}. Repeat with --output for several reports.")
        Format format;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "Write the preceding --format to FILE instead of standard output.")
        String file;
    }

    private final Environment environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            description = "Files or directories to lint, or - for standard input (default: .).")
    List<String> paths = new ArrayList<>();

    @CommandLine.Mixin
    LintConfigOptions lintConfigOptions = new LintConfigOptions();

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Report paths relative to DIR (default: the working directory).")
    String root;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Output> outputs = new ArrayList<>();

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "Lint every input as environment NAME (overrides the config's path mapping).")
    String env;

    @Option(
            names = "--kustomize",
            paramLabel = "MODE",
            converter = KustomizeMode.Converter.class,
            completionCandidates = KustomizeMode.Candidates.class,
            description = "embedded (default): Kustomize trees are built in process; external: trees the embedded"
                    + " renderer does not support are built by kustomize or kubectl from the PATH.")
    KustomizeMode kustomize = KustomizeMode.EMBEDDED;

    @Option(names = "--debug", description = "Print stack traces and why rules skipped objects.")
    boolean debug;

    LintCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        RuleCatalog catalog = RuleCatalog.withPlugins(LintCommand.class.getClassLoader());
        LintConfig lintConfig = lintConfigOptions.load(environment, catalog);
        Linter linter = Linter.builder()
                .config(lintConfig)
                .catalog(catalog)
                .kustomize(kustomize.external)
                .build();
        Report report = linter.lint(request());
        writeReports(report);
        if (debug) {
            PrintWriter err = spec.commandLine().getErr();
            for (Skip skip : report.skips()) {
                err.println("debug: " + skip.location() + ": " + skip.ruleId() + " skipped "
                        + skip.object().display() + ": " + skip.reason());
            }
            err.flush();
        }
        return report.exitCode().code();
    }

    private LintRequest request() throws IOException {
        Path rootDirectory = root == null ? environment.workingDirectory() : environment.resolve(root);
        List<Path> files = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<String> named = paths.isEmpty() ? List.of(".") : paths;
        for (String path : named) {
            if (path.equals("-")) {
                sources.add(new Source("<stdin>", environment.in().readAllBytes()));
            } else {
                files.add(environment.resolve(path));
            }
        }
        return new LintRequest(rootDirectory, files, sources, env);
    }

    private void writeReports(Report report) throws IOException {
        List<Output> requested = new ArrayList<>(outputs);
        if (requested.isEmpty()) {
            Output text = new Output();
            text.format = Format.TEXT;
            requested.add(text);
        }
        Set<Path> seen = new HashSet<>();
        for (Output output : requested) {
            if (output.file != null && !seen.add(environment.resolve(output.file))) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--output " + output.file + " is named twice");
            }
        }
        for (Output output : requested) {
            if (output.file == null) {
                PrintWriter out = spec.commandLine().getOut();
                Reporters.write(output.format, report, out);
                out.flush();
            } else {
                Path target = environment.resolve(output.file);
                try {
                    if (target.getParent() != null) {
                        Files.createDirectories(target.getParent());
                    }
                    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        Reporters.write(output.format, report, writer);
                    }
                } catch (IOException e) {
                    throw new UserError("cannot write " + output.file + ": " + e.getMessage(), ExitCode.USAGE);
                }
            }
        }
    }
}

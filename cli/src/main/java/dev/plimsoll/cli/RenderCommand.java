package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.kustomize.KustomizeBuild;
import dev.plimsoll.policies.kustomize.KustomizeProblem;
import dev.plimsoll.policies.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plimsoll render DIR}: prints the build of one kustomization as {@code kubectl kustomize DIR} would. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Prints the build of a kustomization directory byte for byte as `kubectl kustomize DIR` would.")
final class RenderCommand implements Callable<Integer> {

    private final Environment environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            description = "A directory with a kustomization.yaml, kustomization.yml or Kustomization.")
    String directory;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "No file outside DIR is read (default: the Git repository around the kustomization, else the working directory).")
    String root;

    @Option(
            names = "--kustomize",
            paramLabel = "MODE",
            converter = KustomizeMode.Converter.class,
            completionCandidates = KustomizeMode.Candidates.class,
            description = "embedded (default), or external: build trees the embedded renderer does not support with"
                    + " kustomize or kubectl from the PATH.")
    KustomizeMode kustomize = KustomizeMode.EMBEDDED;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the build to FILE instead of standard output.")
    String output;

    RenderCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Path dir = environment.resolve(directory);
        if (!Files.isDirectory(dir) || !KustomizeRenderer.isKustomization(dir)) {
            throw new UserError(
                    "not a kustomization directory: " + directory
                            + " (no kustomization.yaml, kustomization.yml or Kustomization)",
                    ExitCode.USAGE);
        }
        Path rootDirectory = root == null ? defaultRoot(dir) : environment.resolve(root);
        KustomizeBuild build =
                KustomizeRenderer.of(rootDirectory, kustomize.external).render(dir);
        if (!build.succeeded()) {
            KustomizeProblem problem = build.problem();
            PrintWriter err = spec.commandLine().getErr();
            err.println("plimsoll render: " + problem.file() + ":" + problem.line() + ":" + problem.column() + ": "
                    + problem.message());
            if (problem.kind() == KustomizeProblem.Kind.UNSUPPORTED) {
                err.println("Try 'plimsoll render --kustomize=external " + directory + "'");
            }
            err.flush();
            return ExitCode.UNREADABLE_INPUT.code();
        }
        String yaml = build.yaml();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml);
            out.flush();
        } else {
            Path target = environment.resolve(output);
            try {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    writer.write(yaml);
                }
            } catch (IOException e) {
                throw new UserError("cannot write " + output + ": " + e.getMessage(), ExitCode.USAGE);
            }
        }
        return ExitCode.CLEAN.code();
    }

    /** The Git repository around {@code dir} (its bases usually sit elsewhere in it), else the working directory. */
    private Path defaultRoot(Path dir) {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(".git"))) {
                return at;
            }
        }
        return environment.workingDirectory();
    }
}

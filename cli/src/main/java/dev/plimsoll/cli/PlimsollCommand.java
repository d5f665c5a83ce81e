package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.internal.report.ToolVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command: only subcommands and the standard options. */
@Command(
        name = "plimsoll",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Generates and lints the Kubernetes manifests and Kustomize trees of a GitOps repository.",
        subcommands = {
            LintCommand.class,
            RenderCommand.class,
            GenerateCommand.class,
            RulesCommand.class,
            ConfigCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no finding at or above the fail threshold",
            "  1  findings at or above the fail threshold",
            "  2  usage or config error",
            "  3  some input could not be read or parsed (the rest was linted)",
            "  (plimsoll generate --help lists the exit codes of generate)"
        })
final class PlimsollCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing a command: lint, render, generate, rules or config");
    }

    static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PlimsollCommand(), new Factory(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new ShortErrorHandler());
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        return commandLine;
    }

    /** Creates command objects with the process environment injected. */
    private record Factory(Environment environment) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == LintCommand.class) {
                return type.cast(new LintCommand(environment));
            }
            if (type == RenderCommand.class) {
                return type.cast(new RenderCommand(environment));
            }
            if (type == GenerateCommand.class) {
                return type.cast(new GenerateCommand(environment));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Prints the version from the jar's resources. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"plimsoll " + ToolVersion.current()};
        }
    }
}

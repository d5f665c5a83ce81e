package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.internal.report.ToolVersion;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command: only subcommands and the standard options. */
@Command(
        name = "plimsoll",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Generates and lints the Kubernetes manifests and Kustomize trees of a GitOps repository.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no finding at or above the fail threshold",
            "  1  findings at or above the fail threshold",
            "  2  usage or config error",
            "  3  some input could not be read or parsed (the rest was linted)",
            "  (plimsoll generate --help lists the exit codes of generate)"
        })
final class PlimsollCommand implements Runnable {

    /** The subcommands by name, in the order the usage help lists them; each name is its class's command name. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing a command: lint, render, generate, rules or config");
    }

    /**
     * The command line for {@code args}. Building a subcommand's model from its annotations costs a cold start tens of
     * milliseconds, so when {@code args} start with a subcommand's name only that one is built; otherwise (no
     * arguments, help, a misspelt command) all of them are, for the usage help and suggestions.
     */
    static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PlimsollCommand(), new Factory(environment));
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        SUBCOMMANDS.forEach((name, command) -> {
            if (named == null || named == command) {
                commandLine.addSubcommand(name, command);
            }
        });
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new ShortErrorHandler());
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        return commandLine;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("lint", LintCommand.class);
        subcommands.put("render", RenderCommand.class);
        subcommands.put("generate", GenerateCommand.class);
        subcommands.put("rules", RulesCommand.class);
        subcommands.put("config", ConfigCommand.class);
        return Collections.unmodifiableMap(subcommands);
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

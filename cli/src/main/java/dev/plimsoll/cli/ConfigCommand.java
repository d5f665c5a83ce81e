package dev.plimsoll.cli;

import dev.plimsoll.policies.config.LintConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plimsoll config schema}: the config file's JSON Schema, for editors. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Works with plimsoll.yaml.",
        subcommands = {ConfigCommand.Schema.class})
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: schema");
    }

    /** {@code plimsoll config schema}. */
    @Command(name = "schema", mixinStandardHelpOptions = true, description = "Prints the JSON Schema of plimsoll.yaml.")
    static final class Schema implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(LintConfig.schema());
            out.flush();
        }
    }
}

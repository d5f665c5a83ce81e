package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.config.ConfigException;
import dev.plimsoll.policies.config.ConfigProblem;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --fail-on}, shared by the commands that lint: the config they lint with. */
final class LintConfigOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The config file (default: ./plimsoll.yaml if present).")
    String config;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description =
                    "Fail (exit 1) on findings at or above LEVEL: error, warning, info or none (default: the config's, else error).")
    String failOn;

    /** The config file's contents (or the default), with {@code --fail-on} applied. */
    LintConfig load(Environment environment, RuleCatalog catalog) {
        LintConfig loaded = read(environment, catalog);
        return failOn == null ? loaded : loaded.withFailOn(parseFailOn(failOn));
    }

    private LintConfig read(Environment environment, RuleCatalog catalog) {
        Path file;
        if (config != null) {
            file = environment.resolve(config);
            if (!Files.isRegularFile(file)) {
                throw new UserError("config file not found: " + config, ExitCode.USAGE);
            }
        } else {
            file = environment.workingDirectory().resolve(LintConfig.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                return LintConfig.DEFAULT;
            }
        }
        try {
            return LintConfig.load(
                    file, catalog.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet()));
        } catch (ConfigException e) {
            StringBuilder message = new StringBuilder("invalid config:");
            for (ConfigProblem problem : e.problems()) {
                message.append(System.lineSeparator()).append("  ").append(problem);
            }
            throw new UserError(message.toString(), ExitCode.USAGE);
        }
    }

    private Severity parseFailOn(String value) {
        try {
            return LintConfig.failOnFromId(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for --fail-on: '" + value + "' (expected error, warning, info or none)");
        }
    }
}

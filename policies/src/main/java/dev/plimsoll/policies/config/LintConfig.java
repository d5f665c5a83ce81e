package dev.plimsoll.policies.config;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.rule.Namespaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of {@code plimsoll.yaml}: rule levels and options, namespace classification, path-to-environment
 * mapping with per-environment levels, and the fail threshold ({@code null}: findings never fail the run).
 */
public record LintConfig(
        Map<String, RuleConfig> rules, Namespaces namespaces, List<EnvironmentConfig> environments, Severity failOn) {

    /** The file name looked for in the working directory when no {@code --config} is given. */
    public static final String FILE_NAME = "plimsoll.yaml";

    /** No config file: every rule at its default, fail on errors. */
    public static final LintConfig DEFAULT = new LintConfig(Map.of(), Namespaces.DEFAULT, List.of(), Severity.ERROR);

    public LintConfig {
        rules = Map.copyOf(rules);
        environments = List.copyOf(environments);
    }

    public RuleConfig rule(String id) {
        return rules.getOrDefault(id, RuleConfig.DEFAULT);
    }

    /**
     * The severity findings of rule {@code id} get in {@code environment} (may be null): the environment's level if it
     * sets one, else the global level, else the rule's default. Empty when the rule is off there.
     */
    public Optional<Severity> severity(String id, String environment, Severity ruleDefault) {
        if (environment != null) {
            for (EnvironmentConfig env : environments) {
                if (env.name().equals(environment) && env.rules().containsKey(id)) {
                    return env.rules().get(id).severity();
                }
            }
        }
        Level level = rule(id).level();
        return level == null ? Optional.of(ruleDefault) : level.severity();
    }

    /**
     * Reads a fail threshold as config files and command lines spell it: {@code error}, {@code warning}, {@code info},
     * or {@code none}, which returns {@code null} (findings never fail the run).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Severity failOnFromId(String id) {
        if (id.equals("none")) {
            return null;
        }
        try {
            return Severity.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + id + "' is not a fail threshold (expected error, warning, info or none)");
        }
    }

    public LintConfig withFailOn(Severity threshold) {
        return new LintConfig(rules, namespaces, environments, threshold);
    }

    /**
     * Reads and validates a config file whose rule ids are those of the built-in rules and diagnostics. An empty file
     * is {@link #DEFAULT}; every problem found is in the exception, each with its line and column.
     */
    public static LintConfig load(Path file) throws ConfigException {
        return ConfigReader.read(file, ConfigReader.builtInRuleIds());
    }

    /**
     * Reads and validates a config file; a rule id outside {@code knownRuleIds} is a problem. Pass the ids of the
     * catalog the linter will run, e.g. {@code RuleCatalog.withPlugins(loader).descriptors()}, so that plugin rules
     * can be configured.
     */
    public static LintConfig load(Path file, Set<String> knownRuleIds) throws ConfigException {
        return ConfigReader.read(file, knownRuleIds);
    }

    /** Reads and validates config text as {@link #load(Path)} does; {@code fileName} names it in problems. */
    public static LintConfig parse(String fileName, String text) throws ConfigException {
        return ConfigReader.parse(fileName, text, ConfigReader.builtInRuleIds());
    }

    /** Reads and validates config text as {@link #load(Path, Set)} does; {@code fileName} names it in problems. */
    public static LintConfig parse(String fileName, String text, Set<String> knownRuleIds) throws ConfigException {
        return ConfigReader.parse(fileName, text, knownRuleIds);
    }

    /** The JSON Schema that config files are validated against, as shipped in the jar. */
    public static String schema() {
        return ConfigReader.schema();
    }
}

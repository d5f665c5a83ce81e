package dev.plimsoll.policies.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.internal.text.Spelling;
import dev.plimsoll.policies.rule.Namespaces;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleDescriptor;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.Position;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@code plimsoll.yaml}: parses with positions, validates against the shipped schema and then what a schema
 * cannot say (known rule ids, unique environment names, globs that compile), and builds the record. Every problem is
 * collected and thrown once.
 */
final class ConfigReader {

    // YamlReader words its duplicate-key message for manifests; a config file is not sent to the API server.
    private static final String API_SERVER_NOTE = "; the API server rejects this object";

    private final String file;
    private final Set<String> knownRules;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigReader(String file, Set<String> knownRules) {
        this.file = file;
        this.knownRules = Set.copyOf(knownRules);
    }

    static LintConfig read(Path file, Set<String> knownRules) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, "no such file")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, "cannot read: " + e)));
        }
        return new ConfigReader(file.toString(), knownRules).read(new YamlReader().read(bytes));
    }

    static LintConfig parse(String fileName, String text, Set<String> knownRules) throws ConfigException {
        return new ConfigReader(fileName, knownRules).read(new YamlReader().read(text));
    }

    static String schema() {
        return ConfigSchema.text();
    }

    /** The ids of the built-in rules and diagnostics. */
    static Set<String> builtInRuleIds() {
        return BuiltIn.IDS;
    }

    private static final class BuiltIn {
        static final Set<String> IDS = RuleCatalog.builtIn().descriptors().stream()
                .map(RuleDescriptor::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private LintConfig read(YamlReader.Result yaml) throws ConfigException {
        for (YamlReader.Problem problem : yaml.problems()) {
            String message = problem.message();
            if (problem.kind() == YamlReader.ProblemKind.DUPLICATE_KEY && message.endsWith(API_SERVER_NOTE)) {
                message = message.substring(0, message.length() - API_SERVER_NOTE.length());
            }
            problem(problem.position(), message);
        }
        Node root = null;
        for (YamlReader.Document document : yaml.documents()) {
            if (root == null && document.index() == 0) {
                root = document.root();
            } else if (document.index() > 0 && document.root() != null) {
                problem(document.start(), "the config is one YAML document; this is a second one");
            }
        }
        JsonNode json = null;
        if (root != null && !root.isNull()) {
            json = ConfigSchema.json(root);
            problems.addAll(ConfigSchema.validate(file, root, json));
            check(root);
        }
        if (!problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(sorted);
        }
        return json == null ? LintConfig.DEFAULT : build(json);
    }

    /** What the schema cannot say; tolerant of shapes the schema has already reported. */
    private void check(Node root) {
        if (!(root instanceof MappingNode config)) {
            return;
        }
        config.mapping("rules").ifPresent(rules -> checkRuleIds(rules, "rules"));
        if (!(config.get("environments") instanceof SequenceNode environments)) {
            return;
        }
        Map<String, ScalarNode> names = new HashMap<>();
        for (int i = 0; i < environments.length(); i++) {
            if (!(environments.items().get(i) instanceof MappingNode environment)) {
                continue;
            }
            String where = "environments[" + i + "]";
            if (environment.get("name") instanceof ScalarNode name && !name.isNull()) {
                ScalarNode first = names.putIfAbsent(name.value(), name);
                if (first != null) {
                    problem(
                            name.position(),
                            "duplicate environment name '" + name.value() + "' (first at " + first.position() + ")");
                }
            }
            if (environment.get("paths") instanceof SequenceNode paths) {
                for (int j = 0; j < paths.length(); j++) {
                    if (paths.items().get(j) instanceof ScalarNode glob && glob.isString()) {
                        checkGlob(glob, where + ".paths[" + j + "]");
                    }
                }
            }
            environment.mapping("rules").ifPresent(rules -> checkRuleIds(rules, where + ".rules"));
        }
    }

    private void checkRuleIds(MappingNode rules, String where) {
        for (MappingNode.Entry entry : rules.entries()) {
            String id = entry.key().value();
            if (!knownRules.contains(id)) {
                String hint = Spelling.closest(id, knownRules)
                        .map(closest -> "did you mean '" + closest + "'?")
                        .orElse("not a built-in rule, nor one of a plugin on the class path");
                problem(entry.key().position(), "unknown rule '" + id + "' under " + where + " (" + hint + ")");
            }
        }
    }

    private void checkGlob(ScalarNode glob, String where) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob.value());
        } catch (PatternSyntaxException e) {
            // The JDK's glob compiler words a missing brace without its closing quote.
            String reason = e.getDescription().equals("Missing '}") ? "Missing '}'" : e.getDescription();
            problem(glob.position(), "invalid glob '" + glob.value() + "' in " + where + ": " + reason);
        }
    }

    private void problem(Position at, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), message));
    }

    /** The record from a document the checks found nothing wrong with; empty values count as absent. */
    private static LintConfig build(JsonNode config) {
        String failOn = config.path("failOn").asText("error");
        Map<String, RuleConfig> rules = new LinkedHashMap<>();
        config.path("rules").properties().forEach(entry -> rules.put(entry.getKey(), rule(entry.getValue())));
        JsonNode namespaces = config.path("namespaces");
        Set<String> platform = strings(namespaces.path("platform"));
        JsonNode ignored = namespaces.path("ignored");
        List<EnvironmentConfig> environments = new ArrayList<>();
        for (JsonNode environment : config.path("environments")) {
            Map<String, Level> levels = new LinkedHashMap<>();
            environment
                    .path("rules")
                    .properties()
                    .forEach(entry -> levels.put(
                            entry.getKey(), Level.fromId(entry.getValue().asText())));
            environments.add(new EnvironmentConfig(
                    environment.path("name").asText(), List.copyOf(strings(environment.path("paths"))), levels));
        }
        return new LintConfig(
                rules,
                new Namespaces(platform, ignored.isArray() ? strings(ignored) : Namespaces.DEFAULT_IGNORED),
                environments,
                LintConfig.failOnFromId(failOn));
    }

    private static RuleConfig rule(JsonNode rule) {
        JsonNode severity = rule.path("severity");
        JsonNode waivable = rule.path("waivable");
        JsonNode options = rule.path("options");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = options.isObject() ? (Map<String, Object>) value(options) : Map.of();
        return new RuleConfig(
                severity.isTextual() ? Level.fromId(severity.asText()) : null,
                !waivable.isBoolean() || waivable.asBoolean(),
                values);
    }

    /** A JSON value as String, Boolean, Long, BigInteger, Double, List or Map, read-only; null map entries left out. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> {
                if (!entry.getValue().isNull()) {
                    map.put(entry.getKey(), value(entry.getValue()));
                }
            });
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(value(item)));
            return Collections.unmodifiableList(list);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isNull() ? null : node.asText();
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(item -> out.add(item.asText()));
        return out;
    }
}

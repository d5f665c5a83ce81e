package dev.plimsoll.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.rule.Namespaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    private static final Set<String> KNOWN = Set.of(
            "image-digest",
            "netpol-default-deny",
            "pdb-drainable",
            "pdb-present",
            "psa-labels",
            "resource-requests",
            "waiver-expired",
            "waiver-invalid");

    @Test
    void parse_fullConfig_buildsEveryRecord() throws ConfigException {
        // given
        String text = """
                failOn: warning
                rules:
                  image-digest:
                    severity: error
                    waivable: false
                  resource-requests:
                    options:
                      requireMemoryLimit: false
                      containers: [app, sidecar]
                      maxRatio: 4
                  pdb-present:
                    severity: off
                namespaces:
                  platform: [argocd, ingress-nginx, cert-manager, monitoring]
                  ignored: [kube-system]
                environments:
                  - name: prod
                    paths: ["overlays/prod/**", "rendered/prod/**"]
                    rules:
                      resource-requests: error
                      pdb-present: warning
                  - name: dev
                    paths: ["overlays/dev/**"]
                """;

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config.failOn()).isEqualTo(Severity.WARNING);
        assertThat(config.rules())
                .containsOnlyKeys("image-digest", "resource-requests", "pdb-present")
                .containsEntry("image-digest", new RuleConfig(Level.ERROR, false, Map.of()))
                .containsEntry("pdb-present", new RuleConfig(Level.OFF, true, Map.of()))
                .containsEntry(
                        "resource-requests",
                        new RuleConfig(
                                null,
                                true,
                                Map.of(
                                        "requireMemoryLimit",
                                        false,
                                        "containers",
                                        List.of("app", "sidecar"),
                                        "maxRatio",
                                        4L)));
        assertThat(config.namespaces())
                .isEqualTo(new Namespaces(
                        Set.of("argocd", "ingress-nginx", "cert-manager", "monitoring"), Set.of("kube-system")));
        assertThat(config.environments())
                .containsExactly(
                        new EnvironmentConfig(
                                "prod",
                                List.of("overlays/prod/**", "rendered/prod/**"),
                                Map.of("resource-requests", Level.ERROR, "pdb-present", Level.WARNING)),
                        new EnvironmentConfig("dev", List.of("overlays/dev/**"), Map.of()));
        assertThat(config.rule("resource-requests").ruleOptions().bool("requireMemoryLimit", true))
                .isFalse();
        assertThat(config.severity("pdb-present", "prod", Severity.ERROR)).contains(Severity.WARNING);
        assertThat(config.severity("pdb-present", "dev", Severity.ERROR)).isEmpty();
    }

    @Test
    void parse_emptyFile_isDefault() throws ConfigException {
        // given
        String text = "";

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config).isEqualTo(LintConfig.DEFAULT);
    }

    @Test
    void parse_onlyComments_isDefault() throws ConfigException {
        // given
        String text = """
                # rules:
                #   image-digest:
                #     severity: warning
                """;

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config).isEqualTo(LintConfig.DEFAULT);
    }

    @Test
    void parse_explicitNullDocument_isDefault() throws ConfigException {
        // given
        String text = "--- ~\n";

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config).isEqualTo(LintConfig.DEFAULT);
    }

    @Test
    void parse_emptySections_countAsAbsent() throws ConfigException {
        // given
        String text = """
                rules:
                  image-digest:
                namespaces:
                  ignored:
                environments:
                """;

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config.rules()).containsExactly(Map.entry("image-digest", RuleConfig.DEFAULT));
        assertThat(config.namespaces()).isEqualTo(Namespaces.DEFAULT);
        assertThat(config.environments()).isEmpty();
    }

    @Test
    void parse_emptyIgnoredList_replacesDefaults() throws ConfigException {
        // given
        String text = """
                namespaces:
                  ignored: []
                """;

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config.namespaces().ignored()).isEmpty();
    }

    @Test
    void parse_failOnNone_neverFails() throws ConfigException {
        // given
        String text = "failOn: none\n";

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, KNOWN);

        // then
        assertThat(config.failOn()).isNull();
    }

    @Test
    void parse_unknownTopLevelKey_namesTheKnownKeys() {
        // given
        String text = """
                failOn: error
                failon: warning
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly("plimsoll.yaml:2:1: unknown top-level key 'failon' "
                        + "(expected one of: failOn, rules, namespaces, environments)");
    }

    @Test
    void parse_unknownNestedKey_pointsAtTheKey() {
        // given
        String text = """
                rules:
                  image-digest:
                    waivable: false

                    sevrity: error
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly("plimsoll.yaml:5:5: unknown key 'sevrity' under rules.image-digest "
                        + "(expected one of: severity, waivable, options)");
    }

    @Test
    void parse_wrongType_saysWhatWasExpectedAndFound() {
        // given
        String text = """
                rules:
                  image-digest:
                    waivable: yes
                  pdb-present: warning
                namespaces:
                  platform: argocd
                environments:
                  prod:
                    paths: [overlays/prod/**]
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly(
                        "plimsoll.yaml:3:15: rules.image-digest.waivable must be true or false; found the string 'yes'",
                        "plimsoll.yaml:4:16: rules.pdb-present must be a mapping; found the string 'warning' "
                                + "(a rule's level goes under it: severity: warning)",
                        "plimsoll.yaml:6:13: namespaces.platform must be a list; found the string 'argocd'",
                        "plimsoll.yaml:8:3: environments must be a list; found a mapping");
    }

    @Test
    void parse_topLevelList_isAProblem() {
        // given
        String text = """
                - failOn: error
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems).containsExactly("plimsoll.yaml:1:1: the top level must be a mapping; found a list");
    }

    @Test
    void parse_badEnumValue_listsTheValues() {
        // given
        String text = """
                failOn: critical
                rules:
                  image-digest:
                    severity: fatal
                  pdb-present:
                    severity:
                environments:
                  - name: prod
                    paths: [overlays/prod/**]
                    rules:
                      image-digest: strict
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly(
                        "plimsoll.yaml:1:9: invalid value 'critical' for failOn "
                                + "(expected one of: error, warning, info, none)",
                        "plimsoll.yaml:4:15: invalid value 'fatal' for rules.image-digest.severity "
                                + "(expected one of: error, warning, info, off)",
                        "plimsoll.yaml:6:14: no value for rules.pdb-present.severity "
                                + "(expected one of: error, warning, info, off)",
                        "plimsoll.yaml:11:21: invalid value 'strict' for environments[0].rules.image-digest "
                                + "(expected one of: error, warning, info, off)");
    }

    @Test
    void parse_unknownRuleId_suggestsTheClosest() {
        // given
        String text = """
                rules:
                  image-digst:
                    severity: warning
                  no-such-rule-at-all:
                    severity: warning
                environments:
                  - name: prod
                    paths: [overlays/prod/**]
                    rules:
                      resource-request: error
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly(
                        "plimsoll.yaml:2:3: unknown rule 'image-digst' under rules (did you mean 'image-digest'?)",
                        "plimsoll.yaml:4:3: unknown rule 'no-such-rule-at-all' under rules "
                                + "(not a built-in rule, nor one of a plugin on the class path)",
                        "plimsoll.yaml:10:7: unknown rule 'resource-request' under environments[0].rules "
                                + "(did you mean 'resource-requests'?)");
    }

    @Test
    void parse_pluginRuleId_isKnownWhenPassedIn() throws ConfigException {
        // given
        String text = """
                rules:
                  acme-cost-center:
                    severity: warning
                """;

        // when
        LintConfig config = LintConfig.parse("plimsoll.yaml", text, Set.of("acme-cost-center"));

        // then
        assertThat(config.rule("acme-cost-center").level()).isEqualTo(Level.WARNING);
    }

    @Test
    void parse_duplicateKey_isAProblemAtTheSecondKey() {
        // given
        String text = """
                failOn: error
                rules: {}
                failOn: warning
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems).containsExactly("plimsoll.yaml:3:1: duplicate key 'failOn' (first at 1:1)");
    }

    @Test
    void parse_syntaxError_isAProblemWithPosition() {
        // given
        String text = """
                rules:
                  image-digest:
                    severity: [error
                failOn: warning
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("plimsoll.yaml:4:7: ");
    }

    @Test
    void parse_duplicateEnvironmentName_pointsAtTheSecond() {
        // given
        String text = """
                environments:
                  - name: prod
                    paths: [overlays/prod/**]
                  - name: prod
                    paths: [rendered/prod/**]
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems).containsExactly("plimsoll.yaml:4:11: duplicate environment name 'prod' (first at 2:11)");
    }

    @Test
    void parse_environmentShapes_areChecked() {
        // given
        String text = """
                environments:
                  - name: Prod_EU
                    paths: []
                  - paths: ["", "overlays/{prod,staging/**"]
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly(
                        "plimsoll.yaml:2:11: invalid name 'Prod_EU' in environments[0].name: names are DNS labels "
                                + "(at most 63 lower-case letters, digits and '-', starting and ending with a letter "
                                + "or digit)",
                        "plimsoll.yaml:3:12: environments[0].paths must not be empty",
                        "plimsoll.yaml:4:5: environments[1] is missing required key 'name'",
                        "plimsoll.yaml:4:13: environments[1].paths[0] must not be empty",
                        "plimsoll.yaml:4:17: invalid glob 'overlays/{prod,staging/**' in environments[1].paths[1]: "
                                + "Missing '}'");
    }

    @Test
    void parse_namespaceNames_areDnsLabels() {
        // given
        String text = """
                namespaces:
                  platform: [argocd, Monitoring, %s]
                  ignored: [kube-system, 42]
                """.formatted("a".repeat(64));

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly(
                        "plimsoll.yaml:2:22: invalid name 'Monitoring' in namespaces.platform[1]: names are DNS labels "
                                + "(at most 63 lower-case letters, digits and '-', starting and ending with a letter "
                                + "or digit)",
                        "plimsoll.yaml:2:34: invalid name '" + "a".repeat(64) + "' in namespaces.platform[2]: names "
                                + "are DNS labels (at most 63 lower-case letters, digits and '-', starting and ending "
                                + "with a letter or digit)",
                        "plimsoll.yaml:3:26: namespaces.ignored[1] must be a string; found the number 42");
    }

    @Test
    void parse_secondDocument_isAProblem() {
        // given
        String text = """
                failOn: error
                ---
                failOn: warning
                """;

        // when
        List<String> problems = problems(text);

        // then
        assertThat(problems)
                .containsExactly("plimsoll.yaml:2:1: the config is one YAML document; this is a second one");
    }

    @Test
    void parse_manyProblems_areReportedTogetherInOrder() {
        // given
        String text = """
                failOn: sometimes
                rules:
                  image-digest:
                    severity: error
                    severity: warning
                  psa-label:
                    waivable: no
                colour: blue
                environments:
                  - name: prod
                    paths: [overlays/prod/**]
                  - name: prod
                    paths: [overlays/prod-eu/**]
                """;

        // when
        ConfigException thrown =
                catchThrowableOfType(ConfigException.class, () -> LintConfig.parse("conf/plimsoll.yaml", text, KNOWN));

        // then
        assertThat(thrown.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "conf/plimsoll.yaml:1:9: invalid value 'sometimes' for failOn "
                                + "(expected one of: error, warning, info, none)",
                        "conf/plimsoll.yaml:5:5: duplicate key 'severity' (first at 4:5)",
                        "conf/plimsoll.yaml:6:3: unknown rule 'psa-label' under rules (did you mean 'psa-labels'?)",
                        "conf/plimsoll.yaml:7:15: rules.psa-label.waivable must be true or false; found the string 'no'",
                        "conf/plimsoll.yaml:8:1: unknown top-level key 'colour' "
                                + "(expected one of: failOn, rules, namespaces, environments)",
                        "conf/plimsoll.yaml:12:11: duplicate environment name 'prod' (first at 10:11)");
        assertThat(thrown).hasMessageStartingWith("conf/plimsoll.yaml:1:9: invalid value 'sometimes'");
    }

    @Test
    void load_file_readsItAndNamesItInProblems(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("plimsoll.yaml");
        Files.writeString(file, "failOn: never\n", StandardCharsets.UTF_8);

        // when
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> LintConfig.load(file, KNOWN));

        // then
        assertThat(thrown.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(file + ":1:9: invalid value 'never' for failOn "
                        + "(expected one of: error, warning, info, none)");
    }

    @Test
    void load_missingFile_isAProblem(@TempDir Path dir) {
        // given
        Path file = dir.resolve("plimsoll.yaml");

        // when
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> LintConfig.load(file));

        // then
        assertThat(thrown.problems()).extracting(ConfigProblem::toString).containsExactly(file + ":1:1: no such file");
    }

    @Test
    void load_notUtf8_isAProblem(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("plimsoll.yaml");
        Files.write(file, new byte[] {'f', 'a', 'i', 'l', 'O', 'n', ':', ' ', (byte) 0xff, '\n'});

        // when
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> LintConfig.load(file));

        // then
        assertThat(thrown.problems())
                .extracting(ConfigProblem::toString)
                .singleElement()
                .asString()
                .startsWith(file + ":1:9: invalid UTF-8");
    }

    @Test
    void parse_exampleInDocs_isValid() throws IOException, ConfigException {
        // given
        String docs = Files.readString(Path.of(System.getProperty("plimsoll.repo"), "docs", "config.md"));
        int start = docs.indexOf("```yaml\n") + "```yaml\n".length();
        String example = docs.substring(start, docs.indexOf("```", start));

        // when
        LintConfig config = LintConfig.parse("docs/config.md", example, KNOWN);

        // then
        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("prod", "staging", "dev");
        assertThat(config.rule("image-digest").waivable()).isFalse();
    }

    @Test
    void schema_isTheShippedDraft202012Schema() throws IOException {
        // given
        String schema = LintConfig.schema();

        // when
        JsonNode tree = new ObjectMapper().readTree(schema);

        // then
        assertThat(tree.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(tree.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema)
                .isEqualTo(new String(
                        ConfigReaderTest.class
                                .getResourceAsStream("/dev/plimsoll/policies/config/plimsoll-config.schema.json")
                                .readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    private static List<String> problems(String text) {
        ConfigException thrown =
                catchThrowableOfType(ConfigException.class, () -> LintConfig.parse("plimsoll.yaml", text, KNOWN));
        assertThat(thrown).as("config problems").isNotNull();
        return thrown.problems().stream().map(ConfigProblem::toString).toList();
    }
}

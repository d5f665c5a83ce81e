package dev.plimsoll.policies.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");

    @Test
    void matches_matchLabels_requiresEveryLabel() {
        // given
        LabelSelector selector = parse("matchLabels: {app: web, tier: frontend}");

        // when / then
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of("app", "web"))).isFalse();
        assertThat(selector.matches(Map.of("app", "api", "tier", "frontend"))).isFalse();
    }

    @Test
    void matches_in_requiresThePresentKeyToHaveOneOfTheValues() {
        // given
        LabelSelector selector = parse("matchExpressions: [{key: app, operator: In, values: [web, api]}]");

        // when / then
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of("app", "db"))).isFalse();
        assertThat(selector.matches(Map.of("tier", "frontend"))).isFalse();
    }

    @Test
    void matches_notIn_alsoMatchesObjectsWithoutTheKey() {
        // given
        LabelSelector selector = parse("matchExpressions: [{key: app, operator: NotIn, values: [db]}]");

        // when / then
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of("tier", "frontend"))).isTrue();
        assertThat(selector.matches(Map.of("app", "db"))).isFalse();
    }

    @Test
    void matches_exists_requiresTheKeyWhateverItsValue() {
        // given
        LabelSelector selector = parse("matchExpressions: [{key: tier, operator: Exists}]");

        // when / then
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of("tier", ""))).isTrue();
        assertThat(selector.matches(Map.of("app", "web"))).isFalse();
    }

    @Test
    void matches_doesNotExist_requiresTheKeyToBeAbsent() {
        // given
        LabelSelector selector = parse("matchExpressions: [{key: canary, operator: DoesNotExist}]");

        // when / then
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "canary", "true"))).isFalse();
    }

    @Test
    void matches_labelsAndExpressions_areAnded() {
        // given
        LabelSelector selector =
                parse("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [backend]}]}");

        // when / then
        assertThat(selector.matches(WEB)).isFalse();
        assertThat(selector.matches(Map.of("app", "web", "tier", "backend"))).isTrue();
    }

    @Test
    void matches_emptySelector_matchesEverything() {
        // given
        LabelSelector selector = parse("{}");

        // when / then
        assertThat(selector.isEmpty()).isTrue();
        assertThat(selector.matches(WEB)).isTrue();
        assertThat(selector.matches(Map.of())).isTrue();
    }

    @Test
    void parse_emptyMatchLabelsAndExpressions_isTheEmptySelector() {
        // given / when / then
        assertThat(parse("{matchLabels: {}, matchExpressions: []}").isEmpty()).isTrue();
        assertThat(parse("{matchLabels: null}").isEmpty()).isTrue();
    }

    @Test
    void parse_invalidOperator_isEmpty() {
        // given / when / then
        assertThat(parseOptional("matchExpressions: [{key: app, operator: Equals, values: [web]}]"))
                .isEmpty();
        assertThat(parseOptional("matchExpressions: [{key: app, operator: in, values: [web]}]"))
                .isEmpty();
    }

    @Test
    void parse_valuesThatDoNotFitTheOperator_isEmpty() {
        // given / when / then
        assertThat(parseOptional("matchExpressions: [{key: app, operator: In}]"))
                .isEmpty();
        assertThat(parseOptional("matchExpressions: [{key: app, operator: NotIn, values: []}]"))
                .isEmpty();
        assertThat(parseOptional("matchExpressions: [{key: app, operator: Exists, values: [web]}]"))
                .isEmpty();
    }

    @Test
    void parse_notAMappingOrMissingKey_isEmpty() {
        // given / when / then
        assertThat(parseOptional("[app]")).isEmpty();
        assertThat(parseOptional("~")).isEmpty();
        assertThat(parseOptional("matchExpressions: [{operator: Exists}]")).isEmpty();
        assertThat(parseOptional("matchLabels: [app]")).isEmpty();
    }

    private static LabelSelector parse(String yaml) {
        return parseOptional(yaml).orElseThrow();
    }

    private static Optional<LabelSelector> parseOptional(String yaml) {
        MappingNode root = (MappingNode)
                new YamlReader().read("selector:\n  " + yaml).documents().get(0).root();
        return LabelSelector.parse(root.get("selector"));
    }
}

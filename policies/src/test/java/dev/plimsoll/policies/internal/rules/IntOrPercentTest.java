package dev.plimsoll.policies.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.YamlReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntOrPercentTest {

    @Test
    void parse_integerOrPercentage_readsBoth() {
        // given / when / then
        assertThat(parse("1")).contains(new IntOrPercent(1, false));
        assertThat(parse("\"25%\"")).contains(new IntOrPercent(25, true));
        assertThat(parse("25%")).contains(new IntOrPercent(25, true));
    }

    @Test
    void parse_quotedIntegerOrFraction_isEmptyAsTheApiServerRejectsIt() {
        // given / when / then
        assertThat(parse("\"1\"")).isEmpty();
        assertThat(parse("\"1.5%\"")).isEmpty();
        assertThat(parse("~")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10,3,1", "67,3,3", "66,3,2", "50,3,2", "0,5,0", "100,4,4", "1,1000,10", "1,1001,11"})
    void scaledRoundingUp_percentage_roundsUpLikeTheDisruptionController(long percent, long pods, long expected) {
        // given
        IntOrPercent value = new IntOrPercent(percent, true);

        // when / then
        assertThat(value.scaledRoundingUp(pods)).isEqualTo(expected);
    }

    @Test
    void scaledRoundingUp_integer_isTheIntegerWhateverThePodCount() {
        // given / when / then
        assertThat(new IntOrPercent(2, false).scaledRoundingUp(7)).isEqualTo(2);
    }

    private static Optional<IntOrPercent> parse(String yaml) {
        Node root = new YamlReader().read("value: " + yaml).documents().get(0).root();
        return IntOrPercent.parse(((MappingNode) root).get("value"));
    }
}

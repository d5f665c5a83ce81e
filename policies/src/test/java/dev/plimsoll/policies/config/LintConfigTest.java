package dev.plimsoll.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.policies.Severity;
import org.junit.jupiter.api.Test;

class LintConfigTest {

    @Test
    void failOnFromId_everySpelling_severityOrNullForNone() {
        assertThat(LintConfig.failOnFromId("error")).isEqualTo(Severity.ERROR);
        assertThat(LintConfig.failOnFromId("warning")).isEqualTo(Severity.WARNING);
        assertThat(LintConfig.failOnFromId("info")).isEqualTo(Severity.INFO);
        assertThat(LintConfig.failOnFromId("none")).isNull();
    }

    @Test
    void failOnFromId_unknownValue_namesTheAcceptedOnes() {
        assertThatThrownBy(() -> LintConfig.failOnFromId("fatal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'fatal' is not a fail threshold (expected error, warning, info or none)");
    }
}

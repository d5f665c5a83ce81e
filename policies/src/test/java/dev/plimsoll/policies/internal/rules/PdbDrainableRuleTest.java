package dev.plimsoll.policies.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdbDrainableRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new PdbDrainableRule());

    @Test
    void positiveMaxUnavailableZeroAsIntegerOrPercentage() {
        fixtures.expectLintsOf("fail.max-unavailable-zero.yaml").toMatchMarks();
    }

    @Test
    void positiveMinAvailableCoversEveryPodOrHundredPercent() {
        fixtures.expectLintsOf("fail.min-available-all.yaml").toMatchMarks();
    }

    @Test
    void positiveMinAvailablePercentageRoundsUpToEveryPod() {
        fixtures.expectLintsOf("fail.min-available-rounding.yaml").toMatchMarks();
    }

    @Test
    void positiveAutoscalerMinimumIsTheCountThatMatters() {
        fixtures.expectLintsOf("fail.autoscaler-minimum.yaml").toMatchMarks();
    }

    @Test
    void positiveSelectsNoPods() {
        fixtures.expectLintsOf("fail.selects-nothing.yaml").toMatchMarks();
    }

    @Test
    void positiveOverlappingBudgetsReportedOnEachNamingTheOther() {
        fixtures.expectLintsOf("fail.overlapping.yaml").toMatchMarks();
    }

    @Test
    void negativePercentagesRoundUpToOneEvictionAndCountsBelowReplicas() {
        fixtures.expectLintsOf("pass.allows-eviction.yaml").toMatchMarks();
    }

    @Test
    void negativeEmptySelectorInV1SelectsEveryPodOfTheNamespace() {
        fixtures.expectLintsOf("pass.empty-selector-v1.yaml").toMatchMarks();
    }

    @Test
    void negativeUncountablePodsAreSkipped() {
        RuleFixtures.Lints lints =
                fixtures.expectLintsOf("pass.uncountable.yaml").toMatchMarks();

        assertThat(lints.skips())
                .containsExactly("PodDisruptionBudget shop/dont-fire cannot count the pods of DaemonSet/agent,"
                        + " so minAvailable is not checked");
    }
}

package dev.plimsoll.policies.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdbPresentRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new PdbPresentRule());

    @Test
    void positiveNoBudgetSelectsTheWorkload() {
        fixtures.expectLintsOf("fail.no-budget.yaml").toMatchMarks();
    }

    @Test
    void positiveAutoscalerMinimumOfTwoOrMore() {
        fixtures.expectLintsOf("fail.autoscaler-minimum.yaml").toMatchMarks();
    }

    @Test
    void positiveNearMissBudgetInAnotherNamespace() {
        fixtures.expectLintsOf("fail.budget-in-other-namespace.yaml").toMatchMarks();
    }

    @Test
    void positiveEmptySelectorInV1beta1SelectsNothing() {
        fixtures.expectLintsOf("fail.empty-selector-v1beta1.yaml").toMatchMarks();
    }

    @Test
    void negativeBudgetSelectsByLabelsOrExpressions() {
        fixtures.expectLintsOf("pass.budget-selects.yaml").toMatchMarks();
    }

    @Test
    void negativeEmptySelectorInV1SelectsEveryPod() {
        fixtures.expectLintsOf("pass.empty-selector-v1.yaml").toMatchMarks();
    }

    @Test
    void negativeSingleReplicaIsSkippedNotReported() {
        RuleFixtures.Lints lints =
                fixtures.expectLintsOf("pass.single-replica.yaml").toMatchMarks();

        assertThat(lints.skips())
                .containsExactly(
                        "Deployment shop/dont-fire-default has 1 replica; a budget is required from 2 replicas",
                        "StatefulSet shop/dont-fire-one has 1 replica; a budget is required from 2 replicas",
                        "Deployment shop/dont-fire-autoscaled has at least 1 replica, the minimum of HorizontalPodAutoscaler"
                                + " 'api'; a budget is required from 2 replicas");
    }
}

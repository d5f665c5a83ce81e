package dev.plimsoll.policies.internal.rules;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceRequestsRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new ResourceRequestsRule());

    @Test
    void positiveNoResourcesAtAll() {
        fixtures.expectLintsOf("fail.no-resources.yaml").toMatchMarks();
    }

    @Test
    void positiveSomeMissingInContainersAndInitContainers() {
        fixtures.expectLintsOf("fail.partial.yaml").toMatchMarks();
    }

    @Test
    void positiveMemoryLimitRequiredByDefault() {
        fixtures.expectLintsOf("fail.no-memory-limit.yaml").toMatchMarks();
    }

    @Test
    void negativeRequestsAndLimitsSetEphemeralContainersIgnored() {
        fixtures.expectLintsOf("pass.requests-and-limits.yaml").toMatchMarks();
    }

    @Test
    void negativeMemoryLimitNotRequiredWhenOptionIsOff() {
        fixtures.withOptions(Map.of("requireMemoryLimit", false))
                .expectLintsOf("pass.memory-limit-not-required.yaml")
                .toMatchMarks();
    }
}

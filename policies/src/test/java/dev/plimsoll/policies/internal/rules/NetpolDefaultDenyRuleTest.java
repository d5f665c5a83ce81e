package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.rule.Namespaces;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetpolDefaultDenyRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new NetpolDefaultDenyRule());

    @Test
    void positiveNoNetworkPolicyReportedOnTheNamespaceObject() {
        fixtures.expectLintsOf("fail.no-policy.yaml").toMatchMarks();
    }

    @Test
    void positiveNamespaceObjectWithoutWorkloads() {
        fixtures.expectLintsOf("fail.namespace-without-workloads.yaml").toMatchMarks();
    }

    @Test
    void positiveOnlyIngressDeniedReportedOnTheFirstWorkload() {
        fixtures.expectLintsOf("fail.only-ingress.yaml").toMatchMarks();
    }

    @Test
    void positiveAllPodsPolicyWithAllowRulesIsNoDeny() {
        fixtures.expectLintsOf("fail.allow-rules.yaml").toMatchMarks();
    }

    @Test
    void positivePolicyThatSelectsSomePodsIsNoDefault() {
        fixtures.expectLintsOf("fail.not-all-pods.yaml").toMatchMarks();
    }

    @Test
    void positiveNamespaceNotSetCheckedAgainstPoliciesWithoutNamespace() {
        fixtures.expectLintsOf("fail.namespace-not-set.yaml").toMatchMarks();
    }

    @Test
    void negativeDefaultDenyForIngressAndEgress() {
        fixtures.expectLintsOf("pass.default-deny.yaml").toMatchMarks();
    }

    @Test
    void negativeOnePolicyPerDirection() {
        fixtures.expectLintsOf("pass.one-policy-per-direction.yaml").toMatchMarks();
    }

    @Test
    void negativeNamespaceNotSetWithPolicyWithoutNamespace() {
        fixtures.expectLintsOf("pass.namespace-not-set.yaml").toMatchMarks();
    }

    @Test
    void negativeIgnoredNamespace() {
        fixtures.expectLintsOf("pass.ignored-namespace.yaml").toMatchMarks();
    }

    @Test
    void negativeNamespaceIgnoredByConfig() {
        fixtures.withNamespaces(new Namespaces(Set.of(), Set.of("shop")))
                .expectLintsOf("pass.ignored-by-config.yaml")
                .toMatchMarks();
    }
}

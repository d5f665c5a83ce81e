package dev.plimsoll.policies.internal.rules;

import org.junit.jupiter.api.Test;

class NetpolDnsEgressRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new NetpolDnsEgressRule());

    @Test
    void positiveEgressDeniedAndNoPort53Allowed() {
        fixtures.expectLintsOf("fail.no-dns.yaml").toMatchMarks();
    }

    @Test
    void positiveOtherProtocolNamedPortOrRuleNotInForce() {
        fixtures.expectLintsOf("fail.not-dns.yaml").toMatchMarks();
    }

    @Test
    void positiveNamespaceNotSet() {
        fixtures.expectLintsOf("fail.namespace-not-set.yaml").toMatchMarks();
    }

    @Test
    void negativePort53AllowedOverUdpAndTcp() {
        fixtures.expectLintsOf("pass.dns-allowed.yaml").toMatchMarks();
    }

    @Test
    void negativePortRangeOrRuleWithoutPorts() {
        fixtures.expectLintsOf("pass.port-range-or-no-ports.yaml").toMatchMarks();
    }

    @Test
    void negativeEgressNotDenied() {
        fixtures.expectLintsOf("pass.egress-not-denied.yaml").toMatchMarks();
    }

    @Test
    void negativeIgnoredNamespace() {
        fixtures.expectLintsOf("pass.ignored-namespace.yaml").toMatchMarks();
    }
}

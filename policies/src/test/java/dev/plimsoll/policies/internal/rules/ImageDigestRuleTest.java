package dev.plimsoll.policies.internal.rules;

import org.junit.jupiter.api.Test;

class ImageDigestRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new ImageDigestRule());

    @Test
    void positiveLatestTag() {
        fixtures.expectLintsOf("fail.latest.yaml").toMatchMarks();
    }

    @Test
    void positiveUntaggedImageIncludingRegistryPort() {
        fixtures.expectLintsOf("fail.untagged.yaml").toMatchMarks();
    }

    @Test
    void positiveTagOnlyIncludingRegistryPort() {
        fixtures.expectLintsOf("fail.tag-only.yaml").toMatchMarks();
    }

    @Test
    void positiveMalformedDigest() {
        fixtures.expectLintsOf("fail.malformed-digest.yaml").toMatchMarks();
    }

    @Test
    void positiveMissingOrEmptyImage() {
        fixtures.expectLintsOf("fail.missing-image.yaml").toMatchMarks();
    }

    @Test
    void positiveInitAndEphemeralContainers() {
        fixtures.expectLintsOf("fail.init-and-ephemeral.yaml").toMatchMarks();
    }

    @Test
    void positiveEveryPodBearingKind() {
        fixtures.expectLintsOf("fail.every-kind.yaml").toMatchMarks();
    }

    @Test
    void negativeDigestWithOrWithoutTag() {
        fixtures.expectLintsOf("pass.digest.yaml").toMatchMarks();
    }
}

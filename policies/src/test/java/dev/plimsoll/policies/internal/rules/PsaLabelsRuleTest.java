package dev.plimsoll.policies.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.rule.Namespaces;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsaLabelsRuleTest {

    private final RuleFixtures fixtures = RuleFixtures.of(new PsaLabelsRule());

    @Test
    void positiveMissingEnforceLabel() {
        fixtures.expectLintsOf("fail.missing-enforce.yaml").toMatchMarks();
    }

    @Test
    void positiveInvalidEnforceAuditOrWarnLevel() {
        fixtures.expectLintsOf("fail.invalid-level.yaml").toMatchMarks();
    }

    @Test
    void positivePrivilegedForTenantAndPlatform() {
        fixtures.expectLintsOf("fail.privileged.yaml").toMatchMarks();
    }

    @Test
    void positiveTenantBelowRestricted() {
        fixtures.expectLintsOf("fail.tenant-baseline.yaml").toMatchMarks();
    }

    @Test
    void positiveInvalidEnforceVersion() {
        fixtures.expectLintsOf("fail.version.yaml").toMatchMarks();
    }

    @Test
    void positiveWorkloadNamespaceWithoutNamespaceObject() {
        fixtures.expectLintsOf("fail.no-namespace-object.yaml").toMatchMarks();
    }

    @Test
    void negativeRestrictedTenant() {
        fixtures.expectLintsOf("pass.restricted-tenant.yaml").toMatchMarks();
    }

    @Test
    void negativePlatformByLabelAtBaselineOrAbove() {
        fixtures.expectLintsOf("pass.platform-baseline.yaml").toMatchMarks();
    }

    @Test
    void negativePlatformByConfigAtBaseline() {
        fixtures.withNamespaces(new Namespaces(Set.of("argocd"), Namespaces.DEFAULT_IGNORED))
                .expectLintsOf("pass.platform-by-config.yaml")
                .toMatchMarks();
    }

    @Test
    void negativeIgnoredNamespace() {
        fixtures.expectLintsOf("pass.ignored-namespace.yaml").toMatchMarks();
    }

    @Test
    void negativeNamespaceNotSetIsSkipped() {
        RuleFixtures.Lints lints =
                fixtures.expectLintsOf("pass.namespace-not-set.yaml").toMatchMarks();

        assertThat(lints.skips())
                .containsExactly("Deployment/dont-fire namespace not set in the manifest; Pod Security is checked on"
                        + " the Namespace it is deployed to");
    }
}

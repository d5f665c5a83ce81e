package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.rule.Rule;
import java.util.List;

/** The built-in rules, sorted by id. Adding a rule means adding it here. */
public final class BuiltInRules {

    private BuiltInRules() {}

    public static List<Rule> all() {
        return List.of(
                new ImageDigestRule(),
                new NetpolDefaultDenyRule(),
                new NetpolDnsEgressRule(),
                new PdbDrainableRule(),
                new PdbPresentRule(),
                new PsaLabelsRule(),
                new ResourceRequestsRule());
    }
}

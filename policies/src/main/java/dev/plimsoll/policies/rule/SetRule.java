package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.manifest.ManifestSet;

/**
 * A rule that relates objects to each other (a workload to its PodDisruptionBudget, a namespace to its
 * NetworkPolicies). It sees all objects of one environment at once, through the set's indexes.
 */
public interface SetRule extends Rule {

    void check(ManifestSet objects, RuleContext context);
}

package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.internal.rules.NetworkPolicies.Direction;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import java.util.ArrayList;
import java.util.List;

/** The rule {@code netpol-default-deny}; documented in {@code docs/rules/netpol-default-deny.md}. */
@RuleInfo(
        id = "netpol-default-deny",
        summary = "Every namespace that runs pods has a default-deny NetworkPolicy for ingress and egress.",
        severity = Severity.ERROR,
        category = Category.NETWORK,
        since = "0.1.0",
        remediation = "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no rules to "
                + "the namespace, then allow the traffic its pods need in separate policies.")
public final class NetpolDefaultDenyRule implements SetRule {

    @Override
    public void check(ManifestSet objects, RuleContext context) {
        for (PodNamespace namespace : PodNamespace.of(objects, context.namespaces())) {
            List<Manifest> policies = NetworkPolicies.policiesIn(objects, namespace.name());
            boolean ingress =
                    NetworkPolicies.denier(policies, Direction.INGRESS).isPresent();
            boolean egress = NetworkPolicies.denier(policies, Direction.EGRESS).isPresent();
            if (ingress && egress) {
                continue;
            }
            String message;
            if (policies.isEmpty()) {
                message = namespace.display() + " has no NetworkPolicy, so its pods accept and send any traffic";
            } else if (!ingress && !egress) {
                message = namespace.display() + " has no default-deny NetworkPolicy (podSelector: {}, policyTypes "
                        + "Ingress and Egress, no rules)" + reasons(policies, Direction.INGRESS)
                        + reasons(policies, Direction.EGRESS);
            } else if (ingress) {
                message = namespace.display() + " denies only ingress by default: no NetworkPolicy denies all egress"
                        + reasons(policies, Direction.EGRESS);
            } else {
                message = namespace.display() + " denies only egress by default: no NetworkPolicy denies all ingress"
                        + reasons(policies, Direction.INGRESS);
            }
            context.report(namespace.anchor(), namespace.anchorNode(), message);
        }
    }

    /** Why the policies that select all pods do not deny {@code direction}. */
    private static String reasons(List<Manifest> policies, Direction direction) {
        List<String> reasons = new ArrayList<>();
        for (Manifest policy : policies) {
            if (!NetworkPolicies.selectsAllPods(policy)) {
                continue;
            }
            if (NetworkPolicies.policyTypes(policy).contains(direction)) {
                if (NetworkPolicies.hasRules(policy, direction)) {
                    reasons.add("'" + policy.name() + "' has " + direction.field + " allow rules");
                }
            } else if (direction == Direction.EGRESS && !NetworkPolicies.hasPolicyTypes(policy)) {
                reasons.add("'" + policy.name() + "' has no policyTypes, which the API reads as Ingress only");
            }
        }
        return reasons.isEmpty() ? "" : "; " + String.join("; ", reasons);
    }
}

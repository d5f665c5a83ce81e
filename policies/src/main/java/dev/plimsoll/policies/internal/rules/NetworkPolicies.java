package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.manifest.LabelSelector;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How the NetworkPolicy rules read a policy, with the API server's defaults applied. */
final class NetworkPolicies {

    private NetworkPolicies() {}

    /** The two traffic directions a policy can restrict: the {@code policyTypes} values and the rule-list fields. */
    enum Direction {
        INGRESS("Ingress", "ingress"),
        EGRESS("Egress", "egress");

        final String type;
        final String field;

        Direction(String type, String field) {
            this.type = type;
            this.field = field;
        }
    }

    static boolean isPolicy(Manifest object) {
        return object.is("networking.k8s.io", "NetworkPolicy");
    }

    /** The policies in {@code namespace}, in load order. */
    static List<Manifest> policiesIn(ManifestSet objects, String namespace) {
        List<Manifest> out = new ArrayList<>();
        for (Manifest object : objects.inNamespace(namespace)) {
            if (isPolicy(object)) {
                out.add(object);
            }
        }
        return out;
    }

    static MappingNode spec(Manifest policy) {
        return policy.root()
                .mapping("spec")
                .orElse(new MappingNode(policy.root().position()));
    }

    /** True for {@code podSelector: {}}; the API reads a missing or null {@code podSelector} as {@code {}} too. */
    static boolean selectsAllPods(Manifest policy) {
        Node selector = spec(policy).get("podSelector");
        if (selector == null || selector.isNull()) {
            return true;
        }
        return LabelSelector.parse(selector).map(LabelSelector::isEmpty).orElse(false);
    }

    /** True when {@code policyTypes} is written out (not left to the API default). */
    static boolean hasPolicyTypes(Manifest policy) {
        return spec(policy)
                .sequence("policyTypes")
                .map(list -> list.length() > 0)
                .orElse(false);
    }

    /**
     * The directions the policy restricts. Unset {@code policyTypes} means Ingress, plus Egress when the policy has
     * {@code egress} rules (the API server's defaulting).
     */
    static Set<Direction> policyTypes(Manifest policy) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        if (hasPolicyTypes(policy)) {
            for (Node item : spec(policy).sequence("policyTypes").orElseThrow().items()) {
                for (Direction direction : Direction.values()) {
                    if (item instanceof ScalarNode scalar && scalar.value().equals(direction.type)) {
                        types.add(direction);
                    }
                }
            }
            return types;
        }
        types.add(Direction.INGRESS);
        if (!rules(policy, Direction.EGRESS).isEmpty()) {
            types.add(Direction.EGRESS);
        }
        return types;
    }

    /** The allow rules for {@code direction}; each rule is a mapping (an empty one allows everything). */
    static List<MappingNode> rules(Manifest policy, Direction direction) {
        return spec(policy)
                .sequence(direction.field)
                .map(SequenceNode::mappings)
                .orElse(List.of());
    }

    static boolean hasRules(Manifest policy, Direction direction) {
        return spec(policy)
                .sequence(direction.field)
                .map(list -> list.length() > 0)
                .orElse(false);
    }

    /** True when the policy selects every pod, restricts {@code direction}, and allows nothing in that direction. */
    static boolean deniesAll(Manifest policy, Direction direction) {
        return selectsAllPods(policy) && policyTypes(policy).contains(direction) && !hasRules(policy, direction);
    }

    /** The first policy that denies all traffic in {@code direction}. */
    static Optional<Manifest> denier(List<Manifest> policies, Direction direction) {
        return policies.stream().filter(policy -> deniesAll(policy, direction)).findFirst();
    }
}

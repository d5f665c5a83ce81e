package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.internal.rules.NetworkPolicies.Direction;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rule {@code netpol-dns-egress}; documented in {@code docs/rules/netpol-dns-egress.md}. */
@RuleInfo(
        id = "netpol-dns-egress",
        summary = "A namespace that denies egress by default allows egress to DNS on port 53.",
        severity = Severity.WARNING,
        category = Category.NETWORK,
        since = "0.1.0",
        remediation = "Add a NetworkPolicy that allows egress to the cluster DNS on port 53, UDP and TCP, e.g. to "
                + "pods labelled `k8s-app: kube-dns` in namespace kube-system.")
public final class NetpolDnsEgressRule implements SetRule {

    private static final int DNS_PORT = 53;

    @Override
    public void check(ManifestSet objects, RuleContext context) {
        SortedSet<String> namespaces = new TreeSet<>();
        for (Manifest policy : objects.ofKind("NetworkPolicy")) {
            if (NetworkPolicies.isPolicy(policy) && !context.namespaces().isIgnored(policy.namespace())) {
                namespaces.add(policy.namespace());
            }
        }
        for (String namespace : namespaces) {
            List<Manifest> policies = NetworkPolicies.policiesIn(objects, namespace);
            Optional<Manifest> denier = NetworkPolicies.denier(policies, Direction.EGRESS);
            if (denier.isPresent() && policies.stream().noneMatch(NetpolDnsEgressRule::allowsDns)) {
                context.report(
                        denier.get(),
                        egressType(denier.get()),
                        "denies all egress in " + PodNamespace.display(namespace) + " and no NetworkPolicy there "
                                + "allows egress to port 53 (UDP or TCP), so pods cannot resolve names");
            }
        }
    }

    private static boolean allowsDns(Manifest policy) {
        if (!NetworkPolicies.policyTypes(policy).contains(Direction.EGRESS)) {
            return false;
        }
        for (MappingNode rule : NetworkPolicies.rules(policy, Direction.EGRESS)) {
            Node ports = rule.get("ports");
            if (!(ports instanceof SequenceNode list) || list.length() == 0) {
                return true; // no ports restriction: every port to the rule's peers
            }
            for (MappingNode port : list.mappings()) {
                if (coversDns(port)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for a {@code ports} entry that covers 53 over UDP or TCP (TCP when no protocol is given). */
    private static boolean coversDns(MappingNode port) {
        String protocol = port.string("protocol").orElse("TCP");
        if (!protocol.equals("UDP") && !protocol.equals("TCP")) {
            return false;
        }
        Node number = port.get("port");
        if (number == null || number.isNull()) {
            return true; // every port of the protocol
        }
        OptionalLong from = number instanceof ScalarNode scalar ? scalar.asLong() : OptionalLong.empty();
        if (from.isEmpty()) {
            return false; // a named port cannot be resolved from the manifests
        }
        long to = port.scalar("endPort").map(ScalarNode::asLong).orElse(from).orElse(from.getAsLong());
        return from.getAsLong() <= DNS_PORT && DNS_PORT <= to;
    }

    /** The {@code Egress} entry of {@code policyTypes}, else {@code spec}. */
    private static Node egressType(Manifest policy) {
        MappingNode spec = NetworkPolicies.spec(policy);
        Optional<SequenceNode> types = spec.sequence("policyTypes");
        if (types.isPresent()) {
            for (Node item : types.get().items()) {
                if (item instanceof ScalarNode scalar && scalar.value().equals(Direction.EGRESS.type)) {
                    return item;
                }
            }
        }
        return Nodes.at(policy.root(), "spec");
    }
}

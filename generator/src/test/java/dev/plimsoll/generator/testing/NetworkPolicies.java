package dev.plimsoll.generator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.manifest.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicies of one environment's model, asked the way the API documents them: a flow is allowed when the
 * source pod may send it (no policy isolates it for egress, or one of the egress rules of the policies selecting it
 * matches the destination and port) and the destination pod may receive it (the same for ingress). Both ends are
 * answered separately, so a test can show which side is missing. Peers with an {@code ipBlock} match only addresses
 * outside the pod network ({@link #egressAllowsExternal}).
 */
public final class NetworkPolicies {

    /** A pod, by namespace and labels. */
    public record Pod(String namespace, Map<String, String> labels) {

        public static Pod in(String namespace, String... labelKeysAndValues) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < labelKeysAndValues.length; i += 2) {
                labels.put(labelKeysAndValues[i], labelKeysAndValues[i + 1]);
            }
            return new Pod(namespace, labels);
        }

        @Override
        public String toString() {
            return namespace + "/" + labels;
        }
    }

    private final List<JsonNode> policies = new ArrayList<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    private NetworkPolicies(List<JsonNode> objects) {
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (kind.equals("NetworkPolicy")) {
                policies.add(object);
            } else if (kind.equals("Namespace")) {
                namespaceLabels.put(object.at("/metadata/name").asText(), strings(object.at("/metadata/labels")));
            }
        }
    }

    /** The policies among {@code objects} (one environment's model), with the labels of its Namespaces. */
    public static NetworkPolicies of(List<JsonNode> objects) {
        return new NetworkPolicies(objects);
    }

    /** Whether {@code from} may send TCP to {@code to} on {@code port}, as far as {@code from}'s namespace decides. */
    public boolean egressAllows(Pod from, Pod to, int port) {
        return allows(from, "Egress", "egress", "to", peer -> matchesPod(peer, from.namespace(), to), port);
    }

    /** Whether {@code to} may receive TCP from {@code from} on {@code port}, as far as {@code to}'s namespace decides. */
    public boolean ingressAllows(Pod from, Pod to, int port) {
        return allows(to, "Ingress", "ingress", "from", peer -> matchesPod(peer, to.namespace(), from), port);
    }

    /** Whether {@code from} may send TCP to an address outside the cluster on {@code port}. */
    public boolean egressAllowsExternal(Pod from, String ipv4, int port) {
        return allows(from, "Egress", "egress", "to", peer -> matchesAddress(peer, ipv4), port);
    }

    private interface PeerMatch {
        boolean test(JsonNode peer);
    }

    private boolean allows(Pod pod, String type, String rulesField, String peersField, PeerMatch peerMatch, int port) {
        boolean isolated = false;
        for (JsonNode policy : policies) {
            if (!policy.at("/metadata/namespace").asText().equals(pod.namespace())
                    || !selects(policy.at("/spec/podSelector"), pod.labels())
                    || !hasType(policy, type)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : policy.at("/spec").path(rulesField)) {
                if (portMatches(rule.path("ports"), port) && peersMatch(rule.path(peersField), peerMatch)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean hasType(JsonNode policy, String type) {
        for (JsonNode t : policy.at("/spec/policyTypes")) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean peersMatch(JsonNode peers, PeerMatch match) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (match.test(peer)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesPod(JsonNode peer, String policyNamespace, Pod other) {
        if (peer.has("ipBlock")) {
            return false;
        }
        boolean namespaceMatches = peer.has("namespaceSelector")
                ? selects(peer.get("namespaceSelector"), labelsOfNamespace(other.namespace()))
                : other.namespace().equals(policyNamespace);
        boolean podMatches = !peer.has("podSelector") || selects(peer.get("podSelector"), other.labels());
        return namespaceMatches && podMatches;
    }

    private Map<String, String> labelsOfNamespace(String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    private static boolean matchesAddress(JsonNode peer, String ipv4) {
        JsonNode block = peer.get("ipBlock");
        if (block == null || !contains(block.path("cidr").asText(), ipv4)) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (contains(except.asText(), ipv4)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String cidr, String ipv4) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address(parts[0]) & mask) == (address(ipv4) & mask);
    }

    private static long address(String ipv4) {
        long value = 0;
        for (String octet : ipv4.split("\\.")) {
            value = value * 256 + Integer.parseInt(octet);
        }
        return value;
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (p.path("protocol").asText("TCP").equals("TCP") && p.path("port").asInt(-1) == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions are not supported here: " + selector);
        }
        return new LabelSelector(strings(selector.path("matchLabels")), List.of()).matches(labels);
    }

    private static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> values = new HashMap<>();
        mapping.fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}

package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One network flow a platform component's pods need beyond what every platform namespace gets (DNS, and API-server
 * egress for operators): {@code NetworkAllow.httpsEgress()} for a controller that calls out to Git, Helm repositories,
 * ACME or object storage. A component declares its flows ({@link CatalogComponent#networkAllows()}); the catalog
 * renders them, next to the namespace's default-deny, as the NetworkPolicy {@code allow-<component>} selecting every
 * pod of the namespace (charts label their pods their own way).
 *
 * @param direction which side of the namespace's pods the flow is on
 * @param peer the other end
 * @param ports the ports at the destination; empty means every port (the destination's own policy decides)
 */
public record NetworkAllow(Direction direction, Peer peer, List<Port> ports) {

    /** Traffic into the namespace's pods, out of them, or both (between pods of the same namespace). */
    public enum Direction {
        INGRESS,
        EGRESS,
        BOTH
    }

    /** The other end of a flow. */
    public sealed interface Peer {

        /** The NetworkPolicy peer ({@code to} / {@code from} entry). */
        Map<String, Object> object();

        /** Any address, inside or outside the cluster: external services, and the API server calling webhooks. */
        record Anywhere() implements Peer {

            @Override
            public Map<String, Object> object() {
                return map("ipBlock", map("cidr", "0.0.0.0/0"));
            }

            @Override
            public String toString() {
                return "anywhere";
            }
        }

        /** Every pod of the component's own namespace. */
        record SameNamespace() implements Peer {

            @Override
            public Map<String, Object> object() {
                return map("podSelector", map());
            }

            @Override
            public String toString() {
                return "the same namespace";
            }
        }

        /** Every pod of one namespace. */
        record InNamespace(String name) implements Peer {

            public InNamespace {
                Objects.requireNonNull(name, "name");
            }

            @Override
            public Map<String, Object> object() {
                return map("namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", name)));
            }

            @Override
            public String toString() {
                return "namespace " + name;
            }
        }

        /** Every pod of every namespace. */
        record AllNamespaces() implements Peer {

            @Override
            public Map<String, Object> object() {
                return map("namespaceSelector", map());
            }

            @Override
            public String toString() {
                return "all namespaces";
            }
        }
    }

    /** A port at the destination. */
    public record Port(String protocol, int number) {

        public static Port tcp(int number) {
            return new Port("TCP", number);
        }

        @Override
        public String toString() {
            return protocol + "/" + number;
        }
    }

    public NetworkAllow {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        ports = List.copyOf(ports);
    }

    /** HTTPS to anywhere: Git and Helm repositories, ACME, DNS provider APIs, object storage. */
    public static NetworkAllow httpsEgress() {
        return egressAnywhere(443);
    }

    /** TCP to anywhere on these ports (e.g. Vault on 8200). */
    public static NetworkAllow egressAnywhere(int... ports) {
        return new NetworkAllow(Direction.EGRESS, new Peer.Anywhere(), tcp(ports));
    }

    /** DNS to any nameserver, UDP and TCP 53 (cert-manager checks DNS-01 records against authoritative servers). */
    public static NetworkAllow dnsEgressAnywhere() {
        return new NetworkAllow(
                Direction.EGRESS, new Peer.Anywhere(), List.of(new Port("UDP", 53), new Port("TCP", 53)));
    }

    /** Every pod of the namespace with every other, both ways: components made of several workloads. */
    public static NetworkAllow withinNamespace() {
        return new NetworkAllow(Direction.BOTH, new Peer.SameNamespace(), List.of());
    }

    /** TCP to pods of every namespace on these ports, or on every port when none are given. */
    public static NetworkAllow egressToAllNamespaces(int... ports) {
        return new NetworkAllow(Direction.EGRESS, new Peer.AllNamespaces(), tcp(ports));
    }

    /** TCP to every pod of {@code namespace} on these ports (its own policy must admit the flow too). */
    public static NetworkAllow egressToNamespace(String namespace, int... ports) {
        return new NetworkAllow(Direction.EGRESS, new Peer.InNamespace(namespace), tcp(ports));
    }

    /** TCP from every pod of {@code namespace} on these ports. */
    public static NetworkAllow ingressFromNamespace(String namespace, int... ports) {
        return new NetworkAllow(Direction.INGRESS, new Peer.InNamespace(namespace), tcp(ports));
    }

    /** TCP from anywhere on these ports: admission webhooks, which the API server calls from outside the pod network. */
    public static NetworkAllow webhook(int... ports) {
        return new NetworkAllow(Direction.INGRESS, new Peer.Anywhere(), tcp(ports));
    }

    private static List<Port> tcp(int... ports) {
        return Arrays.stream(ports).mapToObj(Port::tcp).toList();
    }

    /** The name of the NetworkPolicy that carries {@code component}'s allows. */
    static String policyName(String component) {
        return "allow-" + component;
    }

    /** The NetworkPolicy that allows {@code allows} for every pod of {@code namespace}. */
    static GenericKubernetesResource policy(String namespace, String component, List<NetworkAllow> allows) {
        List<Object> ingress = new ArrayList<>();
        List<Object> egress = new ArrayList<>();
        for (NetworkAllow allow : allows) {
            if (allow.direction() != Direction.EGRESS) {
                ingress.add(map("from", list(allow.peer().object()), "ports", allow.portObjects()));
            }
            if (allow.direction() != Direction.INGRESS) {
                egress.add(map("to", list(allow.peer().object()), "ports", allow.portObjects()));
            }
        }
        List<Object> types = new ArrayList<>();
        if (!ingress.isEmpty()) {
            types.add("Ingress");
        }
        if (!egress.isEmpty()) {
            types.add("Egress");
        }
        return Kube.object(
                "networking.k8s.io/v1",
                "NetworkPolicy",
                namespace,
                policyName(component),
                map(
                        "spec",
                        map(
                                "podSelector",
                                map(),
                                "policyTypes",
                                types,
                                "ingress",
                                ingress.isEmpty() ? null : ingress,
                                "egress",
                                egress.isEmpty() ? null : egress)));
    }

    private List<Object> portObjects() {
        return ports.isEmpty()
                ? null
                : ports.stream()
                        .map(p -> (Object) map("port", p.number(), "protocol", p.protocol()))
                        .toList();
    }

    /** One line, for tests and messages: {@code egress to anywhere on TCP/443}. */
    @Override
    public String toString() {
        String on = ports.isEmpty()
                ? "every port"
                : ports.stream().map(Port::toString).collect(Collectors.joining(", "));
        return switch (direction) {
            case INGRESS -> "ingress from " + peer + " on " + on;
            case EGRESS -> "egress to " + peer + " on " + on;
            case BOTH -> "ingress and egress within " + peer + " on " + on;
        };
    }
}

package dev.plimsoll.generator.internal.objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Services, Ingresses and NetworkPolicies. */
public final class Networking {

    /** The label the API server puts on every Namespace with its own name; namespace selectors match on it. */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private Networking() {}

    /** The allows of one app's pods; either list may be empty, not both. */
    public static NetworkPolicy allows(
            ObjectMeta meta,
            Map<String, String> pods,
            List<NetworkPolicyIngressRule> ingress,
            List<NetworkPolicyEgressRule> egress) {
        List<String> types = new ArrayList<>();
        if (!ingress.isEmpty()) {
            types.add("Ingress");
        }
        if (!egress.isEmpty()) {
            types.add("Egress");
        }
        return new NetworkPolicyBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withPodSelector(Meta.selector(pods))
                .withPolicyTypes(types)
                .withIngress(ingress)
                .withEgress(egress)
                .endSpec()
                .build();
    }

    /** Traffic from every pod of {@code namespace} to the given TCP ports. */
    public static NetworkPolicyIngressRule fromNamespace(String namespace, List<Integer> ports) {
        return new NetworkPolicyIngressRuleBuilder()
                .withFrom(namespacePeer(namespace))
                .withPorts(ports.stream().map(p -> port("TCP", p)).toList())
                .build();
    }

    /**
     * Traffic from the pods labelled {@code pods} to the given TCP ports; they live in {@code namespace}, or in the
     * policy's own namespace when it is {@code null}.
     */
    public static NetworkPolicyIngressRule fromPods(String namespace, Map<String, String> pods, List<Integer> ports) {
        return new NetworkPolicyIngressRuleBuilder()
                .withFrom(podPeer(namespace, pods))
                .withPorts(ports.stream().map(p -> port("TCP", p)).toList())
                .build();
    }

    /** Traffic to the pods labelled {@code pods} on the given TCP ports, in {@code namespace} or the policy's own. */
    public static NetworkPolicyEgressRule toPods(String namespace, Map<String, String> pods, List<Integer> ports) {
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(podPeer(namespace, pods))
                .withPorts(ports.stream().map(p -> port("TCP", p)).toList())
                .build();
    }

    private static NetworkPolicyPeer podPeer(String namespace, Map<String, String> pods) {
        NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder().withPodSelector(Meta.selector(pods));
        if (namespace != null) {
            peer.withNamespaceSelector(Meta.selector(Map.of(NAMESPACE_NAME_LABEL, namespace)));
        }
        return peer.build();
    }

    /** DNS lookups: UDP and TCP port 53 to the cluster DNS in {@code kube-system}. */
    public static NetworkPolicyEgressRule dns() {
        NetworkPolicyPeer clusterDns = new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(Meta.selector(Map.of(NAMESPACE_NAME_LABEL, "kube-system")))
                .withPodSelector(Meta.selector(Map.of("k8s-app", "kube-dns")))
                .build();
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(clusterDns)
                .withPorts(port("UDP", 53), port("TCP", 53))
                .build();
    }

    private static NetworkPolicyPeer namespacePeer(String namespace) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(Meta.selector(Map.of(NAMESPACE_NAME_LABEL, namespace)))
                .build();
    }

    private static NetworkPolicyPort port(String protocol, int number) {
        return new NetworkPolicyPortBuilder()
                .withProtocol(protocol)
                .withPort(new IntOrString(number))
                .build();
    }

    /** A ClusterIP Service whose ports forward to the container ports of the same names. */
    public static Service service(ObjectMeta meta, Map<String, String> selector, Map<String, Integer> ports) {
        List<ServicePort> servicePorts = new ArrayList<>();
        ports.forEach((name, number) -> servicePorts.add(new ServicePortBuilder()
                .withName(name)
                .withPort(number)
                .withTargetPort(new IntOrString(name))
                .build()));
        return new ServiceBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withSelector(selector)
                .withPorts(servicePorts)
                .endSpec()
                .build();
    }

    /** HTTPS for {@code host}: every path to the Service's named port, TLS from the Secret {@code tlsSecret}. */
    public static Ingress ingress(
            ObjectMeta meta, String ingressClass, String host, String service, String port, String tlsSecret) {
        return new IngressBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withIngressClassName(ingressClass)
                .addNewTl()
                .withHosts(host)
                .withSecretName(tlsSecret)
                .endTl()
                .addNewRule()
                .withHost(host)
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withName(port)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }
}

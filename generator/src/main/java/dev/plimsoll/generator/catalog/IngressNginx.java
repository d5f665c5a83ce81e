package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.catalog.NodePools.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ingress-nginx: one controller per ingress class — {@code nginx} (external, behind the public load balancer) and
 * {@code nginx-internal} (internal load balancer) — on the ingress pool, spread across zones and nodes, with 2+
 * replicas outside dev, and the real client IP established once ({@link ClientIp}).
 */
public final class IngressNginx extends HelmComponent<IngressNginx> {

    /** Where the client address is established. */
    public enum ClientIp {
        /** The load balancer speaks the PROXY protocol. */
        PROXY_PROTOCOL,
        /** The load balancer sets X-Forwarded-For; the controller trusts it. */
        FORWARDED_HEADERS
    }

    private final NodePools pools;
    private PerEnv<Integer> replicas = PerEnv.by(env -> env.tier() == Environment.Tier.DEV ? 1 : 2);
    private ClientIp clientIp = ClientIp.PROXY_PROTOCOL;

    private IngressNginx(NodePools pools) {
        super(
                "ingress-nginx",
                HelmChart.of("https://kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.11.3"),
                "ingress-nginx",
                "namespaces",
                "node-pools",
                "acme-issuers");
        this.pools = Objects.requireNonNull(pools);
        clusterKinds(ClusterKind.INGRESS_CLASS, ClusterKind.VALIDATING_WEBHOOK);
        // to the backends of every Ingress, on whatever port they serve: the backend's own policy decides.
        allow(NetworkAllow.egressToAllNamespaces(), NetworkAllow.webhook(8443));
    }

    public static IngressNginx on(NodePools pools) {
        return new IngressNginx(pools);
    }

    /** Replicas per controller (default 1 in dev, 2 elsewhere; at least 2 outside dev). */
    public IngressNginx replicas(PerEnv<Integer> value) {
        this.replicas = Objects.requireNonNull(value);
        return this;
    }

    public IngressNginx clientIp(ClientIp value) {
        this.clientIp = Objects.requireNonNull(value);
        return this;
    }

    @Override
    public void render(Environment environment, Output output) {
        output.add(application("ingress-nginx", chart(), "ingress-nginx", namespace(), values(environment)));
        output.add(application(
                "ingress-nginx-internal", chart(), "ingress-nginx-internal", namespace(), internal(environment)));
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        return controller(environment, "nginx", "k8s.io/ingress-nginx", false);
    }

    private Map<String, Object> internal(Environment environment) {
        return controller(environment, "nginx-internal", "k8s.io/ingress-nginx-internal", true);
    }

    private Map<String, Object> controller(
            Environment environment, String className, String controllerValue, boolean internal) {
        int count = replicas.in(environment).orElse(2);
        String release = internal ? "ingress-nginx-internal" : "ingress-nginx";
        Map<String, Object> config = clientIp == ClientIp.PROXY_PROTOCOL
                ? map("use-proxy-protocol", "true", "real-ip-header", "proxy_protocol")
                : map("use-forwarded-headers", "true", "compute-full-forwarded-for", "true");
        Map<String, Object> selector = map(
                "matchLabels", map("app.kubernetes.io/instance", release, "app.kubernetes.io/component", "controller"));
        Map<String, Object> controller = map(
                "replicaCount",
                count,
                "ingressClass",
                className,
                "ingressClassResource",
                map("name", className, "controllerValue", controllerValue, "default", false),
                "electionID",
                release + "-leader",
                "config",
                config,
                "priorityClassName",
                NodePools.PLATFORM_CRITICAL,
                "resources",
                map("requests", map("cpu", "100m", "memory", "256Mi"), "limits", map("memory", "512Mi")),
                "topologySpreadConstraints",
                list(
                        map(
                                "maxSkew",
                                1,
                                "topologyKey",
                                "topology.kubernetes.io/zone",
                                "whenUnsatisfiable",
                                "ScheduleAnyway",
                                "labelSelector",
                                selector),
                        map(
                                "maxSkew",
                                1,
                                "topologyKey",
                                "kubernetes.io/hostname",
                                "whenUnsatisfiable",
                                "DoNotSchedule",
                                "labelSelector",
                                selector)),
                "service",
                map("externalTrafficPolicy", "Local", "internal", internal ? map("enabled", true) : null),
                "metrics",
                map("enabled", true, "serviceMonitor", map("enabled", true)));
        controller.putAll(pools.placement(Pool.INGRESS));
        if (count > 1) {
            controller.put("minAvailable", 1);
        }
        return map("controller", controller);
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        List<String> problems = new ArrayList<>(super.validate(environments));
        for (Environment environment : environments) {
            int count = replicas.in(environment).orElse(2);
            if (environment.tier() != Environment.Tier.DEV && count < 2) {
                problems.add("ingress needs 2 or more replicas in " + environment.name() + " (is " + count + ")");
            }
        }
        return problems;
    }
}

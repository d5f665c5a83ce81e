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
 * {@code nginx-internal} (only an internal load balancer, {@link InternalLoadBalancer}) — on the ingress pool, spread
 * across zones and nodes, with 2+ replicas outside dev, and the real client IP established once ({@link ClientIp}).
 */
public final class IngressNginx extends HelmComponent<IngressNginx> {

    /** Where the client address is established. */
    public enum ClientIp {
        /** The load balancer speaks the PROXY protocol. */
        PROXY_PROTOCOL,
        /** The load balancer sets X-Forwarded-For; the controller trusts it. */
        FORWARDED_HEADERS,
        /**
         * Nothing in between rewrites the source: a pass-through load balancer (MetalLB, an internal NLB) and the
         * Service's {@code externalTrafficPolicy: Local} deliver the client's own address to the controller.
         */
        SOURCE_ADDRESS
    }

    /**
     * The annotation that makes the internal controller's LoadBalancer Service private on one kind of infrastructure;
     * chart 4.12.0 renders that Service only when it has annotations.
     */
    public record InternalLoadBalancer(String annotation, String value) {

        public InternalLoadBalancer {
            Objects.requireNonNull(annotation);
            Objects.requireNonNull(value);
        }

        /** AWS Load Balancer Controller: an internal NLB. */
        public static InternalLoadBalancer aws() {
            return new InternalLoadBalancer("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal");
        }

        /** GKE: an internal passthrough Network Load Balancer. */
        public static InternalLoadBalancer gke() {
            return new InternalLoadBalancer("networking.gke.io/load-balancer-type", "Internal");
        }

        /** AKS: an internal Azure Load Balancer. */
        public static InternalLoadBalancer azure() {
            return new InternalLoadBalancer("service.beta.kubernetes.io/azure-load-balancer-internal", "true");
        }

        /** Bare metal: an address from the MetalLB {@code IPAddressPool} {@code pool}, one of private addresses. */
        public static InternalLoadBalancer metalLb(String pool) {
            return new InternalLoadBalancer("metallb.io/address-pool", pool);
        }
    }

    private final NodePools pools;
    private PerEnv<Integer> replicas = PerEnv.by(env -> env.tier() == Environment.Tier.DEV ? 1 : 2);
    private ClientIp clientIp = ClientIp.PROXY_PROTOCOL;
    private ClientIp internalClientIp = ClientIp.SOURCE_ADDRESS;
    private InternalLoadBalancer internalLoadBalancer = InternalLoadBalancer.metalLb("internal");

    private IngressNginx(NodePools pools) {
        super(
                "ingress-nginx",
                HelmChart.of("https://kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.12.0"),
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

    /**
     * Where the external controller learns the client address (default: the PROXY protocol, spoken by the external L4
     * load balancer in front of the ingress nodes, e.g. HAProxy).
     */
    public IngressNginx clientIp(ClientIp value) {
        this.clientIp = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Where the internal controller learns the client address (default: {@link ClientIp#SOURCE_ADDRESS}, since its
     * internal load balancer passes connections through and speaks no PROXY protocol; a controller expecting PROXY
     * headers would refuse every request).
     */
    public IngressNginx internalClientIp(ClientIp value) {
        this.internalClientIp = Objects.requireNonNull(value);
        return this;
    }

    /** How the internal controller's Service stays private (default: the MetalLB pool {@code internal}). */
    public IngressNginx internalLoadBalancer(InternalLoadBalancer value) {
        this.internalLoadBalancer = Objects.requireNonNull(value);
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
        Map<String, Object> config =
                switch (internal ? internalClientIp : clientIp) {
                    case PROXY_PROTOCOL -> map("use-proxy-protocol", "true", "real-ip-header", "proxy_protocol");
                    case FORWARDED_HEADERS ->
                        map("use-forwarded-headers", "true", "compute-full-forwarded-for", "true");
                    case SOURCE_ADDRESS -> map();
                };
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
                internal ? internalService() : map("externalTrafficPolicy", "Local"),
                "metrics",
                map("enabled", true, "serviceMonitor", map("enabled", true)));
        if (!config.isEmpty()) {
            controller.put("config", config);
        }
        controller.putAll(pools.placement(Pool.INGRESS));
        if (count > 1) {
            controller.put("minAvailable", 1);
        }
        return map("controller", controller);
    }

    /** Only the internal Service: the chart's default Service would be a second, public load balancer. */
    private Map<String, Object> internalService() {
        return map(
                "external",
                map("enabled", false),
                "internal",
                map(
                        "enabled",
                        true,
                        "annotations",
                        map(internalLoadBalancer.annotation(), internalLoadBalancer.value()),
                        "externalTrafficPolicy",
                        "Local"));
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

package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Quota;
import dev.plimsoll.generator.internal.objects.Tenants;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Namespaces and tenancy. Every platform namespace gets a Namespace enforcing Pod Security {@code baseline} (or a lower
 * level only with a {@code plimsoll.dev/waive.psa-labels} reason), a default-deny NetworkPolicy and the explicit allows
 * it needs: DNS egress, API-server egress for operators, ingress from anywhere to the ingress tier's web ports, and
 * scrapes from monitoring on its metrics ports. A tenant namespace declared here gets the objects every tenant
 * namespace gets ({@link dev.plimsoll.generator.Component#tenantNamespaces}) with the quota given here, in the
 * environments that give one; the generator then adds nothing for the apps running there (they bring their own
 * allows). Declare a tenant namespace here to give it its own quota or to create it before any app runs in it.
 */
public final class Tenancy implements CatalogComponent {

    public static final String PSA_WAIVER = "plimsoll.dev/waive.psa-labels";
    public static final String TIER_LABEL = "plimsoll.dev/tier";
    public static final String MONITORING = "monitoring";

    /** A platform namespace and what its pods may do on the network. */
    public record PlatformNamespace(
            String name, String level, String waiver, boolean apiServer, List<Integer> metrics, List<Integer> public_) {

        public static PlatformNamespace named(String name) {
            return new PlatformNamespace(name, "baseline", null, false, List.of(), List.of());
        }

        /** Enforces {@code privileged}; {@code reason} says why, and becomes the waiver. */
        public PlatformNamespace privileged(String reason) {
            return new PlatformNamespace(
                    name, "privileged", Objects.requireNonNull(reason), apiServer, metrics, public_);
        }

        /** Its operators talk to the Kubernetes API server. */
        public PlatformNamespace apiServerEgress() {
            return new PlatformNamespace(name, level, waiver, true, metrics, public_);
        }

        /** Monitoring scrapes these ports. */
        public PlatformNamespace metricsPorts(Integer... ports) {
            return new PlatformNamespace(name, level, waiver, apiServer, List.of(ports), public_);
        }

        /** Anyone may connect to these ports (the ingress tier). */
        public PlatformNamespace publicPorts(Integer... ports) {
            return new PlatformNamespace(name, level, waiver, apiServer, metrics, List.of(ports));
        }
    }

    private final List<PlatformNamespace> platform = new ArrayList<>();
    private final Map<String, PerEnv<Quota>> tenants = new LinkedHashMap<>();
    private PerEnv<String> apiServerCidr = PerEnv.all("10.0.0.0/8");

    public static Tenancy create() {
        return new Tenancy();
    }

    @Override
    public String name() {
        return "namespaces";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(ClusterKind.NAMESPACE);
    }

    public Tenancy platform(PlatformNamespace... namespaces) {
        platform.addAll(List.of(namespaces));
        return this;
    }

    /** A tenant namespace with its budget per environment; it exists only where the budget has a value. */
    public Tenancy tenant(String namespace, PerEnv<Quota> quota) {
        tenants.put(namespace, quota);
        return this;
    }

    /** Where the API server answers, for operators' egress (default {@code 10.0.0.0/8}). */
    public Tenancy apiServerCidr(PerEnv<String> value) {
        this.apiServerCidr = Objects.requireNonNull(value);
        return this;
    }

    public List<PlatformNamespace> platformNamespaces() {
        return List.copyOf(platform);
    }

    @Override
    public void render(Environment environment, Output output) {
        for (PlatformNamespace ns : platform) {
            GenericKubernetesResource namespace = Kube.object("v1", "Namespace", null, ns.name(), map());
            Kube.label(namespace, TIER_LABEL, "platform");
            Kube.label(namespace, "pod-security.kubernetes.io/enforce", ns.level());
            Kube.label(namespace, "pod-security.kubernetes.io/warn", "baseline");
            Kube.label(namespace, "pod-security.kubernetes.io/audit", "restricted");
            if (ns.waiver() != null) {
                Kube.annotate(namespace, PSA_WAIVER, ns.waiver());
            }
            output.add(namespace);
            output.add(networkPolicy(ns.name(), "default-deny", map(), list("Ingress", "Egress"), null, null));
            List<Object> egress = new ArrayList<>();
            egress.add(map(
                    "to",
                    list(map(
                            "namespaceSelector",
                            map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")),
                            "podSelector",
                            map("matchLabels", map("k8s-app", "kube-dns")))),
                    "ports",
                    list(map("port", 53, "protocol", "UDP"), map("port", 53, "protocol", "TCP"))));
            if (ns.apiServer()) {
                egress.add(map(
                        "to",
                        list(map(
                                "ipBlock",
                                map("cidr", apiServerCidr.in(environment).orElseThrow()))),
                        "ports",
                        list(map("port", 443, "protocol", "TCP"), map("port", 6443, "protocol", "TCP"))));
            }
            List<Object> ingress = new ArrayList<>();
            if (!ns.metrics().isEmpty()) {
                ingress.add(map(
                        "from",
                        list(map(
                                "namespaceSelector",
                                map("matchLabels", map("kubernetes.io/metadata.name", MONITORING)))),
                        "ports",
                        ports(ns.metrics())));
            }
            if (!ns.public_().isEmpty()) {
                ingress.add(map("ports", ports(ns.public_())));
            }
            output.add(networkPolicy(
                    ns.name(),
                    "allow-platform",
                    map(),
                    ingress.isEmpty() ? list("Egress") : list("Ingress", "Egress"),
                    ingress.isEmpty() ? null : ingress,
                    egress));
        }
        tenants.forEach((namespace, quota) -> quota.in(environment)
                .ifPresent(q -> Tenants.namespace(namespace, q, Map.of(Kube.PART_OF, Kube.PLATFORM))
                        .forEach(output::add)));
    }

    private static List<Object> ports(List<Integer> numbers) {
        return numbers.stream()
                .map(p -> (Object) map("port", p, "protocol", "TCP"))
                .toList();
    }

    private static GenericKubernetesResource networkPolicy(
            String namespace,
            String name,
            Map<String, Object> podSelector,
            List<Object> types,
            List<Object> ingress,
            List<Object> egress) {
        return Kube.object(
                "networking.k8s.io/v1",
                "NetworkPolicy",
                namespace,
                name,
                map(
                        "spec",
                        map("podSelector", podSelector, "policyTypes", types, "ingress", ingress, "egress", egress)));
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        List<String> problems = new ArrayList<>();
        for (PlatformNamespace ns : platform) {
            if (!ns.level().equals("baseline")
                    && (ns.waiver() == null || ns.waiver().isBlank())) {
                problems.add("namespace " + ns.name() + " enforces " + ns.level() + " without a reason");
            }
        }
        return problems;
    }
}

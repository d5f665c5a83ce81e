package dev.plimsoll.generator.internal.objects;

import dev.plimsoll.generator.Quota;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every tenant namespace gets, whoever declares it: a Namespace enforcing Pod Security {@code restricted}, a
 * default-deny NetworkPolicy, DNS egress for every pod, a ResourceQuota and a LimitRange.
 */
public final class Tenants {

    public static final String DEFAULT_DENY = "default-deny";
    public static final String ALLOW_DNS = "allow-dns";
    public static final String QUOTA = "tenant-quota";
    public static final String LIMITS = "tenant-defaults";

    private Tenants() {}

    /** The tenant objects of {@code namespace}, each with {@code labels} besides its own. */
    public static List<HasMetadata> namespace(String namespace, Quota quota, Map<String, String> labels) {
        return List.of(
                tenantNamespace(namespace, labels),
                defaultDeny(namespace, labels),
                dnsEgress(namespace, labels),
                quota(namespace, quota, labels),
                limits(namespace, quota, labels));
    }

    private static Namespace tenantNamespace(String name, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put("pod-security.kubernetes.io/enforce", "restricted");
        all.put("pod-security.kubernetes.io/enforce-version", "latest");
        Namespace namespace = new Namespace();
        namespace.setMetadata(Meta.cluster(name, all));
        return namespace;
    }

    /** Denies all ingress and egress of every pod in {@code namespace}; allows are separate policies. */
    private static NetworkPolicy defaultDeny(String namespace, Map<String, String> labels) {
        return new NetworkPolicyBuilder()
                .withMetadata(Meta.named(DEFAULT_DENY, namespace, labels))
                .withNewSpec()
                .withPodSelector(Meta.everyPod())
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build();
    }

    /** Every pod of the namespace may ask the cluster DNS: without it the default deny breaks every name lookup. */
    private static NetworkPolicy dnsEgress(String namespace, Map<String, String> labels) {
        return new NetworkPolicyBuilder()
                .withMetadata(Meta.named(ALLOW_DNS, namespace, labels))
                .withNewSpec()
                .withPodSelector(Meta.everyPod())
                .withPolicyTypes("Egress")
                .withEgress(Networking.dns())
                .endSpec()
                .build();
    }

    private static ResourceQuota quota(String namespace, Quota quota, Map<String, String> labels) {
        Map<String, Quantity> hard = new LinkedHashMap<>();
        hard.put("requests.cpu", new Quantity(quota.cpu()));
        hard.put("requests.memory", new Quantity(quota.memory()));
        hard.put("limits.memory", new Quantity(quota.memory()));
        hard.put("pods", new Quantity(Integer.toString(quota.pods())));
        return new ResourceQuotaBuilder()
                .withMetadata(Meta.named(QUOTA, namespace, labels))
                .withNewSpec()
                .withHard(hard)
                .endSpec()
                .build();
    }

    private static LimitRange limits(String namespace, Quota quota, Map<String, String> labels) {
        return new LimitRangeBuilder()
                .withMetadata(Meta.named(LIMITS, namespace, labels))
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .addToDefaultRequest("cpu", new Quantity(quota.defaultCpu()))
                .addToDefaultRequest("memory", new Quantity(quota.defaultMemory()))
                .addToDefault("memory", new Quantity(quota.defaultMemory()))
                .endLimit()
                .endSpec()
                .build();
    }
}

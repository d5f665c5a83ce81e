package dev.plimsoll.generator;

import java.util.Objects;

/**
 * A tenant namespace's budget: a ResourceQuota on cpu and memory requests, the memory limit and the pod count, and the
 * LimitRange defaults a container gets when it asks for nothing. Quantities use the Kubernetes notation.
 */
public record Quota(String cpu, String memory, int pods, String defaultCpu, String defaultMemory) {

    /** The budget of a tenant namespace that no component declares: 4 cpu, 8Gi and 40 pods. */
    public static final Quota DEFAULT = Quota.of("4", "8Gi", 40);

    public Quota {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(defaultCpu, "defaultCpu");
        Objects.requireNonNull(defaultMemory, "defaultMemory");
    }

    /** {@code cpu} and {@code memory} requests (and memory limit) for {@code pods} pods; containers default to 100m/128Mi. */
    public static Quota of(String cpu, String memory, int pods) {
        return new Quota(cpu, memory, pods, "100m", "128Mi");
    }
}

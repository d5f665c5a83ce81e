package dev.plimsoll.generator;

import java.util.Objects;

/**
 * The compute a container asks for: cpu and memory requests, a memory limit (by default the memory request, so that
 * the pod cannot be killed for using what it asked for) and an optional cpu limit. Quantities use the Kubernetes
 * notation ({@code 250m}, {@code 512Mi}).
 */
public record Compute(String cpuRequest, String memoryRequest, String memoryLimit, String cpuLimit) {

    public Compute {
        Objects.requireNonNull(cpuRequest, "cpuRequest");
        Objects.requireNonNull(memoryRequest, "memoryRequest");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }

    /** Requests {@code cpu} and {@code memory}, with a memory limit equal to the memory request. */
    public static Compute of(String cpu, String memory) {
        return new Compute(cpu, memory, memory, null);
    }

    public Compute withMemoryLimit(String limit) {
        return new Compute(cpuRequest, memoryRequest, limit, cpuLimit);
    }

    public Compute withCpuLimit(String limit) {
        return new Compute(cpuRequest, memoryRequest, memoryLimit, limit);
    }
}

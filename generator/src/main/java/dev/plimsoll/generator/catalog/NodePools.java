package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node-pool map as data: which label selects each pool and which taint keeps other workloads off it, and the
 * {@code PriorityClass}es of the platform. Platform components take their node selectors and tolerations from here.
 *
 * <p>{@link #production()}: tainted system, ingress and stateful pools and an untainted general pool. {@link #lab()}:
 * three nodes, the control plane also runs workloads, so nothing selects a pool and everything tolerates the
 * control-plane taint.
 */
public final class NodePools implements CatalogComponent {

    /** The label (and taint key) that names a node's pool. */
    public static final String POOL_KEY = "node.plimsoll.dev/pool";

    public static final String PLATFORM_CRITICAL = "platform-critical";
    public static final String PLATFORM = "platform";
    public static final String TENANT = "tenant";

    /** A pool of nodes that fail and scale alike. */
    public enum Pool {
        SYSTEM,
        INGRESS,
        GENERAL,
        STATEFUL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final boolean dedicated;

    private NodePools(boolean dedicated) {
        this.dedicated = dedicated;
    }

    /** Dedicated pools: system, ingress and stateful tainted {@code NoSchedule}, general untainted. */
    public static NodePools production() {
        return new NodePools(true);
    }

    /** A lab: every node in one pool, the control plane schedulable for workloads. */
    public static NodePools lab() {
        return new NodePools(false);
    }

    public boolean dedicated() {
        return dedicated;
    }

    @Override
    public String name() {
        return "node-pools";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(ClusterKind.PRIORITY_CLASS);
    }

    /** The node selector that puts a pod on {@code pool}; empty in a lab. */
    public Map<String, Object> nodeSelector(Pool pool) {
        return dedicated ? map(POOL_KEY, pool.label()) : map();
    }

    /** The tolerations a pod on {@code pool} needs. */
    public List<Object> tolerations(Pool pool) {
        if (!dedicated) {
            return List.of(
                    map("key", "node-role.kubernetes.io/control-plane", "operator", "Exists", "effect", "NoSchedule"));
        }
        if (pool == Pool.GENERAL) {
            return List.of();
        }
        return List.of(map("key", POOL_KEY, "operator", "Equal", "value", pool.label(), "effect", "NoSchedule"));
    }

    /**
     * The tolerations of a pod that must run on every node, such as a node agent that backs up the volumes mounted
     * there: each pool's, once.
     */
    public List<Object> everyNode() {
        Set<Object> all = new LinkedHashSet<>();
        for (Pool pool : Pool.values()) {
            all.addAll(tolerations(pool));
        }
        return List.copyOf(all);
    }

    /** The taint on a pool's nodes, as {@code key=value:effect}, or null when the pool is untainted. */
    public String taint(Pool pool) {
        return dedicated && pool != Pool.GENERAL ? POOL_KEY + "=" + pool.label() + ":NoSchedule" : null;
    }

    /** {@code nodeSelector} and {@code tolerations} for Helm values, left out where empty. */
    public Map<String, Object> placement(Pool pool) {
        Map<String, Object> placement = map();
        if (!nodeSelector(pool).isEmpty()) {
            placement.put("nodeSelector", nodeSelector(pool));
        }
        if (!tolerations(pool).isEmpty()) {
            placement.put("tolerations", tolerations(pool));
        }
        return placement;
    }

    @Override
    public void render(Environment environment, Output output) {
        output.add(priorityClass(PLATFORM_CRITICAL, 1_000_000, false, "Platform components every workload needs."));
        output.add(priorityClass(PLATFORM, 100_000, false, "Platform components: observability, backup, policy."));
        output.add(priorityClass(TENANT, 1_000, true, "Tenant workloads (the default)."));
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource priorityClass(
            String name, int value, boolean globalDefault, String description) {
        return Kube.object(
                "scheduling.k8s.io/v1",
                "PriorityClass",
                null,
                name,
                map(
                        "value",
                        value,
                        "globalDefault",
                        globalDefault,
                        "preemptionPolicy",
                        "PreemptLowerPriority",
                        "description",
                        description));
    }
}

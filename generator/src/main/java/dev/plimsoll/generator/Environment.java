package dev.plimsoll.generator;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One stage of the promotion chain (dev → staging → prod): its name (the overlay directory), its position in the chain,
 * its tier, the cluster and base domain it runs on, and labels put on every object it runs. Two environments are the
 * same when their names are.
 *
 * @param order position in the promotion chain, lowest first; unique within a platform
 * @param cluster the cluster's name, for components that need it; may be {@code null}
 * @param domain the base DNS domain of the environment, e.g. for ingress hosts; may be {@code null}
 * @param labels labels on the metadata of every object of the environment (written once, in the overlay)
 */
public record Environment(
        String name, int order, Tier tier, String cluster, String domain, Map<String, String> labels) {

    /** How much an environment matters: production is held to the strictest rules. */
    public enum Tier {
        DEV,
        STAGING,
        PROD
    }

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public static Environment of(String name, int order, Tier tier) {
        return new Environment(name, order, tier, null, null, Map.of());
    }

    public Environment withCluster(String newCluster) {
        return new Environment(name, order, tier, newCluster, domain, labels);
    }

    public Environment withDomain(String newDomain) {
        return new Environment(name, order, tier, cluster, newDomain, labels);
    }

    public Environment withLabel(String key, String value) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(key, value);
        return new Environment(name, order, tier, cluster, domain, more);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Environment environment && environment.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.manifest.Manifest;
import java.util.Set;

/**
 * The namespace classification from the config: platform namespaces (listed in config, or labelled {@code
 * plimsoll.dev/tier: platform}) versus tenant namespaces, and namespaces no namespace-level rule looks at.
 */
public record Namespaces(Set<String> platform, Set<String> ignored) {

    public static final String TIER_LABEL = "plimsoll.dev/tier";

    public static final Set<String> DEFAULT_IGNORED = Set.of("kube-system", "kube-public", "kube-node-lease");

    public static final Namespaces DEFAULT = new Namespaces(Set.of(), DEFAULT_IGNORED);

    public Namespaces {
        platform = Set.copyOf(platform);
        ignored = Set.copyOf(ignored);
    }

    public boolean isIgnored(String namespace) {
        return ignored.contains(namespace);
    }

    /** True when the namespace is configured as platform or its Namespace object (may be null) says so. */
    public boolean isPlatform(String namespace, Manifest namespaceObject) {
        return platform.contains(namespace)
                || (namespaceObject != null
                        && "platform".equals(namespaceObject.labels().get(TIER_LABEL)));
    }
}

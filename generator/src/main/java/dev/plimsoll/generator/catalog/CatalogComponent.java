package dev.plimsoll.generator.catalog;

import dev.plimsoll.generator.Component;
import dev.plimsoll.generator.Environment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog component: a {@link Component} that declares which other components must be in place before it, and what
 * the rest of the platform must grant it: the charts it installs and the cluster-scoped kinds it creates (Argo CD's
 * {@code platform} project allows exactly these) and the network flows its pods need (rendered as a NetworkPolicy).
 * {@link Catalog} turns these declarations into Argo CD sync waves, project rules and allows; nobody numbers waves or
 * lists repositories by hand.
 */
public interface CatalogComponent extends Component {

    /** The names of the components this one needs first (e.g. a {@code ClusterIssuer} needs cert-manager). */
    Set<String> dependsOn();

    /** The Helm charts this component installs through Argo CD (default none). */
    default List<HelmChart> charts() {
        return List.of();
    }

    /**
     * Every cluster-scoped kind this component creates, through its charts or its own objects (default none). The
     * catalog refuses to render an own cluster-scoped object of a kind not declared here.
     */
    default Set<ClusterKind> clusterKinds() {
        return Set.of();
    }

    /** The flows this component's pods need, by namespace (default none). */
    default Map<String, List<NetworkAllow>> networkAllows() {
        return Map.of();
    }

    /**
     * Renders with the whole catalog in view, for components that derive objects from the platform (Argo CD's
     * projects); by default, {@link #render(Environment, Output)}.
     */
    default void render(Environment environment, Output output, Catalog catalog) {
        render(environment, output);
    }
}

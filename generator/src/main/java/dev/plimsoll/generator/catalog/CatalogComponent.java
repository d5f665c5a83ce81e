package dev.plimsoll.generator.catalog;

import dev.plimsoll.generator.Component;
import java.util.Set;

/**
 * A catalog component: a {@link Component} that declares which other components must be in place before it. {@link
 * Catalog} turns these declarations into Argo CD sync waves; nobody numbers waves by hand.
 */
public interface CatalogComponent extends Component {

    /** The names of the components this one needs first (e.g. a {@code ClusterIssuer} needs cert-manager). */
    Set<String> dependsOn();
}

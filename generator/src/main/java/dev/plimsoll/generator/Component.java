package dev.plimsoll.generator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * A part of the platform that contributes objects per environment: a catalog component (Argo CD, ingress-nginx,
 * cert-manager, …), a tenant {@link App}, or a named set of {@link Manifests}. Its {@link #name()} is its directory
 * ({@code base/<name>/}, {@code overlays/<env>/<name>/}) and its path in validation messages
 * ({@code platform/components/<name>}).
 *
 * <p>Implementations must be deterministic: the same environment gives the same objects in the same order. The
 * generator calls {@link #render} of different components at the same time (never one component twice at once), so a
 * component must not share mutable state with another.
 */
public interface Component {

    /** A DNS label, unique among the platform's components, apps and manifest sets. */
    String name();

    /** Adds the objects this component runs in {@code environment}; adds nothing where it does not run. */
    void render(Environment environment, Output output);

    /**
     * Problems with the component's own settings, as messages without a location (the generator prefixes the path).
     * Called once, before anything is rendered.
     */
    default List<String> validate(List<Environment> environments) {
        return List.of();
    }

    /** Where a component puts its objects. */
    interface Output {

        /** A typed object, serialized as the fabric8 model writes it (without nulls and empty collections). */
        void add(HasMetadata object);

        /** One or more YAML documents, each a Kubernetes object, read as the API server reads YAML. */
        void addYaml(String yaml);
    }
}

package dev.plimsoll.generator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;

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
     * The tenant namespaces this component runs workloads in, in {@code environment} (an {@link App}: its namespace,
     * where it runs). The generator gives each such namespace its tenant objects once, however many components run
     * there — a Namespace enforcing Pod Security {@code restricted}, a default-deny NetworkPolicy, DNS egress, a
     * ResourceQuota and a LimitRange ({@link Quota#DEFAULT}) — unless a component renders that Namespace itself (the
     * catalog's {@code Tenancy}, with its own quota): then that component owns the namespace and the generator adds
     * nothing to it.
     */
    default Set<String> tenantNamespaces(Environment environment) {
        return Set.of();
    }

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

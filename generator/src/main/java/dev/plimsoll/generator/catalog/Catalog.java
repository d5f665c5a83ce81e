package dev.plimsoll.generator.catalog;

import dev.plimsoll.generator.Component;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Platform;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The platform's components and the dependency graph between them. Each component's Argo CD sync wave is its depth in
 * the graph (0 without dependencies, else one more than its deepest dependency), written on every object it renders
 * as {@code argocd.argoproj.io/sync-wave}. A dependency on an unknown component and a cycle are validation problems,
 * and so is a {@code Secret} carrying data: Git holds references to secrets, never their values.
 *
 * <p>A tenant app added with {@link #tenant} gets its namespace as one added to the platform directly does (see {@link
 * Component#tenantNamespaces}); those objects carry no wave, which Argo CD reads as wave 0, the namespaces' stage.
 * Declaring the namespace in {@link Tenancy} instead gives it that quota and puts it in the {@code namespaces}
 * component.
 *
 * <pre>{@code
 * Catalog.of(new NodePools(...), new Tenancy(...), new CertManager(), new AcmeIssuers(...))
 *         .tenant(checkoutApp, "ingress-nginx", "vault-secret-store")
 *         .addTo(platform);
 * }</pre>
 */
public final class Catalog {

    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    private Catalog() {}

    public static Catalog of(CatalogComponent... parts) {
        Catalog catalog = new Catalog();
        for (CatalogComponent part : parts) {
            catalog.add(part);
        }
        return catalog;
    }

    public Catalog add(CatalogComponent component) {
        return add(component, component.dependsOn());
    }

    /** Any component (a tenant {@code App}, a set of {@code Manifests}) with the components it needs first. */
    public Catalog tenant(Component component, String... dependsOn) {
        return add(component, Set.of(dependsOn));
    }

    private Catalog add(Component component, Set<String> needs) {
        if (components.putIfAbsent(component.name(), component) != null) {
            throw new IllegalArgumentException("component '" + component.name() + "' is added twice");
        }
        dependencies.put(component.name(), Set.copyOf(needs));
        return this;
    }

    /** The sync wave of every component, by name; unknown dependencies count as wave 0 (and fail validation). */
    public Map<String, Integer> waves() {
        Map<String, Integer> waves = new TreeMap<>();
        for (String name : components.keySet()) {
            wave(name, waves, new ArrayList<>());
        }
        return waves;
    }

    private int wave(String name, Map<String, Integer> waves, List<String> path) {
        if (waves.containsKey(name)) {
            return waves.get(name);
        }
        if (!components.containsKey(name) || path.contains(name)) {
            return -1;
        }
        path.add(name);
        int wave = 0;
        for (String need : dependencies.get(name)) {
            wave = Math.max(wave, wave(need, waves, path) + 1);
        }
        path.remove(path.size() - 1);
        waves.put(name, wave);
        return wave;
    }

    /** Problems with the graph: dependencies on components that are not there, cycles. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        dependencies.forEach((name, needs) -> needs.stream()
                .filter(n -> !components.containsKey(n))
                .sorted()
                .forEach(n -> problems.add("depends on '" + n + "', which the catalog does not contain")));
        for (String name : components.keySet()) {
            if (reaches(name, name, new ArrayList<>())) {
                problems.add("'" + name + "' depends on itself through its dependencies");
            }
        }
        return problems;
    }

    private boolean reaches(String from, String target, List<String> seen) {
        for (String need : dependencies.getOrDefault(from, Set.of())) {
            if (need.equals(target)) {
                return true;
            }
            if (!seen.contains(need)) {
                seen.add(need);
                if (reaches(need, target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The catalog's own components (tenant apps and manifest sets left out), in the order they were added. */
    public List<CatalogComponent> components() {
        return components.values().stream()
                .filter(CatalogComponent.class::isInstance)
                .map(CatalogComponent.class::cast)
                .toList();
    }

    /** Adds every component to {@code platform}, each stamped with its sync wave. */
    public Platform addTo(Platform platform) {
        Map<String, Integer> waves = waves();
        components.values().forEach(c -> platform.component(new Waved(c, waves.getOrDefault(c.name(), 0), this)));
        return platform;
    }

    /** {@code component} rendered as a catalog of its own would render it, without a sync wave (for tests). */
    static Component alone(CatalogComponent component) {
        return new Waved(component, null, Catalog.of(component));
    }

    /** A component as the catalog renders it: with its wave (when given), its allows, its declarations checked. */
    private record Waved(Component inner, Integer wave, Catalog catalog) implements Component {

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void render(Environment environment, Output output) {
            Output checked = new Output() {
                @Override
                public void add(HasMetadata object) {
                    refuseSecretValues(object);
                    refuseUndeclaredClusterKind(object);
                    if (wave != null) {
                        if (object.getMetadata().getAnnotations() == null) {
                            object.getMetadata().setAnnotations(new TreeMap<>());
                        }
                        object.getMetadata().getAnnotations().put(SYNC_WAVE, Integer.toString(wave));
                    }
                    output.add(object);
                }

                @Override
                public void addYaml(String yaml) {
                    throw new IllegalStateException("catalog components render typed objects only");
                }
            };
            if (inner instanceof CatalogComponent component) {
                component.render(environment, checked, catalog);
                new TreeMap<>(component.networkAllows())
                        .forEach((namespace, allows) ->
                                checked.add(NetworkAllow.policy(namespace, component.name(), allows)));
            } else {
                inner.render(environment, checked);
            }
        }

        private void refuseUndeclaredClusterKind(HasMetadata object) {
            if (inner instanceof CatalogComponent component
                    && object.getMetadata().getNamespace() == null
                    && !component.clusterKinds().contains(ClusterKind.of(object.getApiVersion(), object.getKind()))) {
                throw new IllegalStateException("renders the cluster-scoped " + object.getKind() + " "
                        + object.getMetadata().getName() + " but does not declare "
                        + ClusterKind.of(object.getApiVersion(), object.getKind())
                        + " in clusterKinds(), so Argo CD's project would refuse it");
            }
        }

        @Override
        public Set<String> tenantNamespaces(Environment environment) {
            return inner.tenantNamespaces(environment);
        }

        @Override
        public List<String> validate(List<Environment> environments) {
            List<String> problems = new ArrayList<>(inner.validate(environments));
            if (wave == null) {
                return problems;
            }
            Set<String> needs = catalog.dependencies.get(inner.name());
            needs.stream()
                    .filter(n -> !catalog.components.containsKey(n))
                    .sorted()
                    .forEach(n -> problems.add("depends on '" + n + "', which the catalog does not contain"));
            if (catalog.reaches(inner.name(), inner.name(), new ArrayList<>())) {
                problems.add("depends on itself through its dependencies");
            }
            return problems;
        }
    }

    static void refuseSecretValues(HasMetadata object) {
        boolean carriesData = false;
        if (object instanceof Secret secret) {
            carriesData = (secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null
                            && !secret.getStringData().isEmpty());
        } else if (object instanceof GenericKubernetesResource generic && "Secret".equals(generic.getKind())) {
            carriesData = generic.getAdditionalProperties().containsKey("data")
                    || generic.getAdditionalProperties().containsKey("stringData");
        }
        if (carriesData) {
            throw new IllegalStateException("Secret " + object.getMetadata().getName()
                    + " carries data; Git holds references (ExternalSecret), never secret values");
        }
    }
}

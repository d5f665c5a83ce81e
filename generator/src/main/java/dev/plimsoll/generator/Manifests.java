package dev.plimsoll.generator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The escape hatch: objects the DSL has no words for, as fabric8 objects ({@link HasMetadata}, including {@code
 * GenericKubernetesResource} for custom resources) or as raw YAML, in every environment, in some, or different per
 * environment. They live in their own directory, like a component.
 *
 * <pre>{@code
 * Manifests.named("shop-extras")
 *         .add(new ConfigMapBuilder()...build())                      // everywhere
 *         .add(auditPolicy, prod)                                     // prod only
 *         .add(PerEnv.by(env -> certificate(env.domain())))           // a variant per environment
 *         .yaml("""
 *             apiVersion: monitoring.coreos.com/v1
 *             kind: ServiceMonitor
 *             ...""");
 * }</pre>
 */
public final class Manifests implements Component {

    private sealed interface Entry {
        Set<String> namedEnvironments();
    }

    private record Typed(PerEnv<? extends HasMetadata> object) implements Entry {
        @Override
        public Set<String> namedEnvironments() {
            return object.namedEnvironments();
        }
    }

    private record Yaml(PerEnv<String> text) implements Entry {
        @Override
        public Set<String> namedEnvironments() {
            return text.namedEnvironments();
        }
    }

    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    private Manifests(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A set of objects in directory {@code name}. */
    public static Manifests named(String name) {
        return new Manifests(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code object} in every environment. */
    public Manifests add(HasMetadata object) {
        return add(PerEnv.all(object));
    }

    /** {@code object} in the given environments only. */
    public Manifests add(HasMetadata object, Environment... environments) {
        return add(only(object, environments));
    }

    /** A variant of an object per environment; absent where there is no value. */
    public Manifests add(PerEnv<? extends HasMetadata> object) {
        entries.add(new Typed(Objects.requireNonNull(object, "object")));
        return this;
    }

    /** YAML documents (each a Kubernetes object) in every environment. */
    public Manifests yaml(String text) {
        return yaml(PerEnv.all(text));
    }

    /** YAML documents in the given environments only. */
    public Manifests yaml(String text, Environment... environments) {
        return yaml(only(text, environments));
    }

    /** YAML documents per environment; absent where there is no value. */
    public Manifests yaml(PerEnv<String> text) {
        entries.add(new Yaml(Objects.requireNonNull(text, "text")));
        return this;
    }

    private static <T> PerEnv<T> only(T value, Environment... environments) {
        Objects.requireNonNull(value, "value");
        if (environments.length == 0) {
            throw new IllegalArgumentException("name at least one environment, or leave them out for all");
        }
        PerEnv<T> perEnv = PerEnv.of(environments[0], value);
        for (Environment environment : Arrays.copyOfRange(environments, 1, environments.length)) {
            perEnv = perEnv.and(environment, value);
        }
        return perEnv;
    }

    @Override
    public void render(Environment environment, Output output) {
        for (Entry entry : entries) {
            if (entry instanceof Typed typed) {
                typed.object().in(environment).ifPresent(output::add);
            } else if (entry instanceof Yaml yaml) {
                yaml.text().in(environment).ifPresent(output::addYaml);
            }
        }
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        Set<String> known = new HashSet<>();
        environments.forEach(e -> known.add(e.name()));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            entries.get(i).namedEnvironments().stream()
                    .filter(n -> !known.contains(n))
                    .sorted()
                    .forEach(n -> problems.add(
                            "entry " + index + " names environment '" + n + "', which the platform does not define"));
        }
        return problems;
    }
}

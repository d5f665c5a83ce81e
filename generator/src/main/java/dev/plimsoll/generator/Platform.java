package dev.plimsoll.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The whole platform: its environments (the promotion chain), the catalog components it runs, its tenant apps, and any
 * extra {@link Manifests}. Built fluently; {@link Generator} validates it, resolves it per environment and writes it.
 */
public final class Platform {

    private final String name;
    private final List<Environment> environments = new ArrayList<>();
    private final List<Component> components = new ArrayList<>();
    private final List<App> apps = new ArrayList<>();

    private Platform(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public static Platform named(String name) {
        return new Platform(name);
    }

    public String name() {
        return name;
    }

    /** Adds environments; their {@link Environment#order()} decides the promotion chain, not the call order. */
    public Platform environments(Environment... more) {
        environments.addAll(List.of(more));
        return this;
    }

    /** A catalog component, or any other {@link Component} (including {@link Manifests}). */
    public Platform component(Component component) {
        components.add(Objects.requireNonNull(component, "component"));
        return this;
    }

    /** A named set of extra objects; the same as {@link #component}. */
    public Platform manifests(Manifests manifests) {
        return component(manifests);
    }

    public Platform app(App app) {
        apps.add(Objects.requireNonNull(app, "app"));
        return this;
    }

    /** The environments in promotion order (by {@link Environment#order()}, then name). */
    public List<Environment> environments() {
        List<Environment> sorted = new ArrayList<>(environments);
        sorted.sort((a, b) -> a.order() != b.order()
                ? Integer.compare(a.order(), b.order())
                : a.name().compareTo(b.name()));
        return Collections.unmodifiableList(sorted);
    }

    public List<Component> components() {
        return Collections.unmodifiableList(components);
    }

    public List<App> apps() {
        return Collections.unmodifiableList(apps);
    }
}

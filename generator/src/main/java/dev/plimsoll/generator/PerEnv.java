package dev.plimsoll.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A value that may differ by environment, and may be absent in some:
 *
 * <pre>{@code
 * PerEnv.of(dev, 1).and(staging, 2).and(prod, 3)      // one value per named environment, absent elsewhere
 * PerEnv.all("info")                                  // the same everywhere
 * PerEnv.by(env -> "shop." + env.domain())            // computed; a null result means absent
 * }</pre>
 *
 * <p>Immutable. Environments are matched by name.
 */
public final class PerEnv<T> {

    private final Map<String, T> named;
    private final Function<Environment, ? extends T> function;

    private PerEnv(Map<String, T> named, Function<Environment, ? extends T> function) {
        this.named = named;
        this.function = function;
    }

    /** {@code value} in {@code environment} only; add more with {@link #and}. */
    public static <T> PerEnv<T> of(Environment environment, T value) {
        return new PerEnv<T>(Map.of(), null).and(environment, value);
    }

    /** The same {@code value} in every environment. */
    public static <T> PerEnv<T> all(T value) {
        Objects.requireNonNull(value, "value");
        return new PerEnv<>(null, env -> value);
    }

    /** A value computed from the environment; a {@code null} result means absent there. */
    public static <T> PerEnv<T> by(Function<Environment, ? extends T> function) {
        return new PerEnv<>(null, Objects.requireNonNull(function, "function"));
    }

    /** This plus {@code value} in {@code environment}; only for values built with {@link #of}. */
    public PerEnv<T> and(Environment environment, T value) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(value, "value");
        if (named == null) {
            throw new IllegalStateException("and(...) extends PerEnv.of(...), not all(...) or by(...)");
        }
        if (named.containsKey(environment.name())) {
            throw new IllegalArgumentException("environment '" + environment.name() + "' is given twice");
        }
        Map<String, T> more = new LinkedHashMap<>(named);
        more.put(environment.name(), value);
        return new PerEnv<>(Collections.unmodifiableMap(more), null);
    }

    /** The value in {@code environment}, if there is one. */
    public Optional<T> in(Environment environment) {
        if (named != null) {
            return Optional.ofNullable(named.get(environment.name()));
        }
        return Optional.ofNullable(function.apply(environment));
    }

    /** The environments named with {@link #of}/{@link #and}, to check them against the platform's; else empty. */
    public Set<String> namedEnvironments() {
        return named == null ? Set.of() : named.keySet();
    }

    @Override
    public String toString() {
        return named != null ? named.toString() : "PerEnv.by(" + function + ")";
    }
}

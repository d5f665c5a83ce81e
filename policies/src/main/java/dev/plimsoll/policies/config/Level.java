package dev.plimsoll.policies.config;

import dev.plimsoll.policies.Severity;
import java.util.Locale;
import java.util.Optional;

/** A severity as the config sets it: one of the report severities, or {@code off}. */
public enum Level {
    ERROR,
    WARNING,
    INFO,
    OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity findings get at this level; empty for {@code off}. */
    public Optional<Severity> severity() {
        return this == OFF ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }

    public static Level fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

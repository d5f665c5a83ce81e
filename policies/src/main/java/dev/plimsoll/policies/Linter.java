package dev.plimsoll.policies;

import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.engine.Engine;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The entry point for linting Kubernetes manifests from Java: build once, lint many times, from any thread. It never
 * prints and never exits; every outcome is in the returned {@link Report}.
 *
 * <pre>{@code
 * LintConfig config = LintConfig.load(Path.of("plimsoll.yaml"));   // or LintConfig.DEFAULT
 * Linter linter = Linter.builder()
 *         .config(config)
 *         .catalog(RuleCatalog.withPlugins(Thread.currentThread().getContextClassLoader()))
 *         .build();
 * Report report = linter.lint(LintRequest.of(Path.of("."), Path.of("overlays/prod")).withEnvironment("prod"));
 * for (Finding finding : report.active()) {
 *     System.out.println(finding.location() + " " + finding.ruleId() + " " + finding.message());
 * }
 * Reporters.write(Format.SARIF, report, Files.newBufferedWriter(Path.of("plimsoll.sarif")));
 * System.exit(report.exitCode().code());
 * }</pre>
 */
public final class Linter {

    private final Engine engine;
    private final Clock clock;

    private Linter(Builder builder) {
        this.engine = new Engine(builder.config, builder.catalog);
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Lints what the request names; bad input becomes findings, never an exception. */
    public Report lint(LintRequest request) {
        return engine.run(request, LocalDate.now(clock));
    }

    /** Configures a {@link Linter}; every setting has a default. */
    public static final class Builder {

        private LintConfig config = LintConfig.DEFAULT;
        private RuleCatalog catalog = RuleCatalog.builtIn();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder config(LintConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The rules to run; default {@link RuleCatalog#builtIn()}. */
        public Builder catalog(RuleCatalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /** The clock that decides which waivers have expired; default the system clock in UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Linter build() {
            return new Linter(this);
        }
    }
}

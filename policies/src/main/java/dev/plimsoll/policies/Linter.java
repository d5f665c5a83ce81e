package dev.plimsoll.policies;

import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.engine.Engine;
import dev.plimsoll.policies.kustomize.KustomizeRenderer;
import dev.plimsoll.policies.rule.RuleCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The entry point for linting Kubernetes manifests from Java: build once, lint many times, from any thread. It never
 * prints and never exits; every outcome is in the returned {@link Report}. A Kustomize tree among the inputs is built
 * in process and each overlay linted as one environment, findings pointing at the file and line that set each value.
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
        this.engine = new Engine(builder.config, builder.catalog, builder.kustomize);
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
        private KustomizeRenderer.External kustomize = KustomizeRenderer.External.NEVER;

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

        /**
         * Whether a Kustomize tree the embedded renderer does not support (Helm charts, plugins, remote bases) may be
         * built by a {@code kustomize} or {@code kubectl} binary from the PATH; default {@link
         * KustomizeRenderer.External#NEVER}, which reports such trees as {@code kustomize-unsupported}.
         */
        public Builder kustomize(KustomizeRenderer.External value) {
            this.kustomize = Objects.requireNonNull(value, "kustomize");
            return this;
        }

        public Linter build() {
            return new Linter(this);
        }
    }
}

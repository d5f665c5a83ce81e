package dev.plimsoll.cli.bench;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Autoscaling;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.Probe;
import java.util.HexFormat;

/**
 * A synthetic platform for the generation benchmark: 200 apps in dev, staging and prod, four apps per namespace, each
 * with per-environment digests, replicas, compute, env vars and ingress hosts; every tenth app runs in prod only and
 * every seventh autoscales in prod.
 */
public final class SyntheticPlatform implements PlatformDefinition {

    static final int APPS = 200;

    private static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV)
            .withDomain("dev.bench.test")
            .withLabel("env", "dev");
    private static final Environment STAGING = Environment.of("staging", 2, Environment.Tier.STAGING)
            .withDomain("staging.bench.test")
            .withLabel("env", "staging");
    private static final Environment PROD = Environment.of("prod", 3, Environment.Tier.PROD)
            .withDomain("bench.test")
            .withLabel("env", "prod");

    @Override
    public Platform define() {
        Platform platform = Platform.named("bench").environments(DEV, STAGING, PROD);
        for (int i = 0; i < APPS; i++) {
            platform.app(app(i));
        }
        return platform;
    }

    private static App app(int i) {
        String name = String.format("app-%03d", i);
        App app = App.named(name)
                .namespace(String.format("team-%02d", i / 4))
                .image(
                        "ghcr.io/bench/" + name,
                        PerEnv.of(DEV, digest(i, 3)).and(STAGING, digest(i, 2)).and(PROD, digest(i, 1)))
                .port("http", 8080)
                .port("metrics", 9090, STAGING, PROD)
                .compute(PerEnv.of(DEV, Compute.of("50m", "128Mi"))
                        .and(STAGING, Compute.of("100m", "256Mi"))
                        .and(PROD, Compute.of("250m", "512Mi").withMemoryLimit("768Mi")))
                .env("LOG_LEVEL", PerEnv.of(DEV, "debug").and(STAGING, "info").and(PROD, "warn"))
                .env("SERVICE_URL", PerEnv.by(env -> "https://" + name + "." + env.domain()))
                .env("HTTP_PORT", "8080")
                .ingress(PerEnv.by(env -> name + "." + env.domain()))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http"))
                .allowFromNamespace("monitoring")
                .allowEgressToDns();
        if (i % 7 == 0) {
            app.replicas(PerEnv.of(DEV, 1).and(STAGING, 2)).autoscaling(PerEnv.of(PROD, Autoscaling.between(3, 12)));
        } else {
            app.replicas(PerEnv.of(DEV, 1).and(STAGING, 2).and(PROD, 3));
        }
        if (i % 10 == 9) {
            app.onlyIn(PROD);
        }
        return app;
    }

    private static String digest(int app, int version) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) app;
        bytes[1] = (byte) (app >> 8);
        bytes[2] = (byte) version;
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }
}

package com.example.platform;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.Probe;

/** Our platform: two environments and one tenant app. {@code mvn plimsoll:generate} writes it out. */
public final class ExamplePlatform implements PlatformDefinition {

    static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.example.com");
    static final Environment PROD = Environment.of("prod", 2, Environment.Tier.PROD).withDomain("example.com");

    @Override
    public Platform define() {
        App hello = App.named("hello")
                .namespace("team-a")
                // Images are pinned by digest; promotion moves a digest from dev to prod.
                .image(
                        "ghcr.io/example/hello",
                        PerEnv.of(DEV, "sha256:" + "b".repeat(64)).and(PROD, "sha256:" + "a".repeat(64)))
                .port("http", 8080)
                .replicas(PerEnv.of(DEV, 1).and(PROD, 2))
                .compute(PerEnv.of(DEV, Compute.of("50m", "64Mi")).and(PROD, Compute.of("200m", "256Mi")))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http"))
                .ingress(PerEnv.by(env -> "hello." + env.domain()))
                .allowFromIngressTier()
                .allowEgressToDns();
        return Platform.named("example").environments(DEV, PROD).app(hello);
    }
}

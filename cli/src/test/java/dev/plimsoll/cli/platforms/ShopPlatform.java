package dev.plimsoll.cli.platforms;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.Probe;

/** A small, lint-clean platform: one app in two environments. */
public final class ShopPlatform implements PlatformDefinition {

    static final Environment DEV =
            Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.shop.test");
    static final Environment PROD =
            Environment.of("prod", 2, Environment.Tier.PROD).withDomain("shop.test");

    @Override
    public Platform define() {
        return Platform.named("shop")
                .environments(DEV, PROD)
                .app(App.named("storefront")
                        .namespace("shop")
                        .image(
                                "ghcr.io/shop/storefront",
                                PerEnv.of(DEV, "sha256:" + "a".repeat(64)).and(PROD, "sha256:" + "b".repeat(64)))
                        .port("http", 8080)
                        .replicas(PerEnv.of(DEV, 1).and(PROD, 3))
                        .compute(Compute.of("100m", "128Mi"))
                        .ingress(PerEnv.by(env -> "www." + env.domain()))
                        .readiness(Probe.http("/ready", "http"))
                        .allowEgressToDns());
    }
}

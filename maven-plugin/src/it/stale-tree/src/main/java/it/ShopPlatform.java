package it;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.Probe;

public final class ShopPlatform implements PlatformDefinition {

    static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV);
    static final Environment PROD = Environment.of("prod", 2, Environment.Tier.PROD);

    @Override
    public Platform define() {
        return Platform.named("shop")
                .environments(DEV, PROD)
                .app(App.named("checkout")
                        .namespace("shop")
                        .image("ghcr.io/shop/checkout", PerEnv.by(env -> Digests.of(env)))
                        .port("http", 8080)
                        .replicas(PerEnv.of(DEV, 1).and(PROD, 3))
                        .compute(Compute.of("100m", "128Mi"))
                        .readiness(Probe.http("/ready", "http"))
                        .allowEgressToDns());
    }
}

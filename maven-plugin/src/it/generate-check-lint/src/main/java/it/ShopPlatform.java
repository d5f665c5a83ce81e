package it;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;
import it.catalog.TenantApps;

public final class ShopPlatform implements PlatformDefinition {

    static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.shop.test");
    static final Environment PROD = Environment.of("prod", 2, Environment.Tier.PROD).withDomain("shop.test");

    @Override
    public Platform define() {
        return Platform.named("shop")
                .environments(DEV, PROD)
                .app(TenantApps.http("checkout", "shop", "ghcr.io/shop/checkout", PerEnv.by(env -> Digests.of(env)))
                        .replicas(PerEnv.of(DEV, 1).and(PROD, 3))
                        .ingress(PerEnv.by(env -> "checkout." + env.domain())));
    }
}

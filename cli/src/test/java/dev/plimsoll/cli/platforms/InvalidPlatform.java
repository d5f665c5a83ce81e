package dev.plimsoll.cli.platforms;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformDefinition;

/** A platform with mistakes, for the command's validation output. */
public final class InvalidPlatform implements PlatformDefinition {

    @Override
    public Platform define() {
        return Platform.named("shop")
                .environments(ShopPlatform.DEV, ShopPlatform.PROD)
                .app(new ShopPlatform()
                        .define()
                        .apps()
                        .get(0)
                        .replicas(PerEnv.of(ShopPlatform.DEV, 1).and(ShopPlatform.PROD, 0)))
                .app(App.named("Checkout"));
    }
}

package dev.plimsoll.generator;

/**
 * A platform described in Java. {@code plimsoll generate --class …} and the Maven plugin load implementations by
 * name through {@link PlatformLoader}, so they need a public no-argument constructor.
 *
 * <pre>{@code
 * public final class AcmePlatform implements PlatformDefinition {
 *     public Platform define() {
 *         Environment dev = Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.acme.io");
 *         Environment prod = Environment.of("prod", 2, Environment.Tier.PROD).withDomain("acme.io");
 *         return Platform.named("acme")
 *                 .environments(dev, prod)
 *                 .app(App.named("checkout")...);
 *     }
 * }
 * }</pre>
 */
public interface PlatformDefinition {

    Platform define();
}

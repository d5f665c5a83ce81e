package it.catalog;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Probe;

/** The platform team's defaults for a tenant app: probes, requests, DNS egress, scraping by monitoring. */
public final class TenantApps {

    private TenantApps() {}

    public static App http(String name, String namespace, String image, PerEnv<String> digests) {
        return App.named(name)
                .namespace(namespace)
                .image(image, digests)
                .port("http", 8080)
                .compute(Compute.of("100m", "128Mi"))
                .readiness(Probe.http("/ready", "http"))
                .liveness(Probe.http("/healthz", "http"))
                .allowFromNamespace("monitoring")
                .allowEgressToDns();
    }
}

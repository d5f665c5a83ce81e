package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ClusterIssuer}s for Let's Encrypt's staging and production endpoints, solving DNS-01 challenges (wildcards
 * included) with one DNS provider's solver; the provider's credentials come from a Secret that External Secrets
 * writes, never from Git.
 */
public final class AcmeIssuers implements CatalogComponent {

    public static final String STAGING = "letsencrypt-staging";
    public static final String PRODUCTION = "letsencrypt-production";

    private final String email;
    private final Map<String, Object> solver;

    private AcmeIssuers(String email, Map<String, Object> solver) {
        this.email = Objects.requireNonNull(email);
        this.solver = Objects.requireNonNull(solver);
    }

    /** DNS-01 through Cloudflare, the API token in Secret {@code cloudflare-api-token} of cert-manager's namespace. */
    public static AcmeIssuers cloudflare(String email) {
        return new AcmeIssuers(
                email,
                map("cloudflare", map("apiTokenSecretRef", map("name", "cloudflare-api-token", "key", "api-token"))));
    }

    /** DNS-01 through Route 53 in {@code region}, with the controller's workload identity. */
    public static AcmeIssuers route53(String email, String region) {
        return new AcmeIssuers(email, map("route53", map("region", region)));
    }

    @Override
    public String name() {
        return "acme-issuers";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("cert-manager");
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(new ClusterKind("cert-manager.io", "ClusterIssuer"));
    }

    @Override
    public void render(Environment environment, Output output) {
        output.add(issuer(STAGING, "https://acme-staging-v02.api.letsencrypt.org/directory"));
        output.add(issuer(PRODUCTION, "https://acme-v02.api.letsencrypt.org/directory"));
    }

    private io.fabric8.kubernetes.api.model.GenericKubernetesResource issuer(String name, String server) {
        return Kube.object(
                "cert-manager.io/v1",
                "ClusterIssuer",
                null,
                name,
                map(
                        "spec",
                        map(
                                "acme",
                                map(
                                        "email",
                                        email,
                                        "server",
                                        server,
                                        "privateKeySecretRef",
                                        map("name", name + "-account-key"),
                                        "solvers",
                                        list(map("dns01", solver))))));
    }
}

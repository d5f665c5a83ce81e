package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.CatalogTest.POOLS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network flows each catalog component declares, by namespace, beyond the DNS and API-server egress every platform
 * namespace gets ({@link Tenancy}); the golden files show them rendered as {@code allow-<component>}.
 */
class NetworkAllowTest {

    private static final String WITHIN = "ingress and egress within the same namespace on every port";
    private static final String HTTPS = "egress to anywhere on TCP/443";

    static Stream<Arguments> components() {
        return Stream.of(
                args(ArgoCd.following("https://git.acme.test/m.git"), Map.of("argocd", List.of(WITHIN, HTTPS))),
                args(
                        CertManager.on(POOLS),
                        Map.of(
                                "cert-manager",
                                List.of(
                                        HTTPS,
                                        "egress to anywhere on UDP/53, TCP/53",
                                        "ingress from anywhere on TCP/10250"))),
                args(
                        ExternalSecrets.on(POOLS),
                        Map.of("external-secrets", List.of("ingress from anywhere on TCP/10250"))),
                args(
                        VaultSecretStore.at("https://vault.acme.test:8200"),
                        Map.of("external-secrets", List.of("egress to anywhere on TCP/8200"))),
                args(VaultSecretStore.at("https://vault.acme.test"), Map.of("external-secrets", List.of(HTTPS))),
                args(Kyverno.on(POOLS), Map.of("kyverno", List.of("ingress from anywhere on TCP/9443"))),
                args(
                        IngressNginx.on(POOLS),
                        Map.of(
                                "ingress-nginx",
                                List.of(
                                        "egress to all namespaces on every port",
                                        "ingress from anywhere on TCP/8443"))),
                args(
                        KubePrometheusStack.on(POOLS),
                        Map.of(
                                "monitoring",
                                List.of(
                                        WITHIN,
                                        "egress to all namespaces on every port",
                                        "egress to anywhere on TCP/10250, TCP/9100",
                                        HTTPS,
                                        "ingress from anywhere on TCP/10250",
                                        "ingress from namespace ingress-nginx on TCP/3000"))),
                args(Loki.storingIn("https://s3.acme.test"), Map.of("logging", List.of(WITHIN, HTTPS))),
                args(
                        Alloy.shippingTo(Loki.storingIn("https://s3.acme.test"), POOLS),
                        Map.of(
                                "alloy",
                                List.of("egress to namespace logging on TCP/8080"),
                                "logging",
                                List.of("ingress from namespace alloy on TCP/8080"))),
                args(Velero.on(POOLS), Map.of("velero", List.of(HTTPS))),
                args(Storage.longhorn(), Map.of("longhorn-system", List.of(WITHIN))),
                args(Storage.cloudCsi("ebs.csi.aws.com", Map.of()), Map.of()),
                args(Tenancy.create(), Map.of()),
                args(AcmeIssuers.cloudflare("ops@acme.test"), Map.of()));
    }

    private static Arguments args(CatalogComponent component, Map<String, List<String>> allows) {
        return Arguments.of(component.name(), component, allows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void networkAllows_component_declaresTheFlowsItNeeds(
            String name, CatalogComponent component, Map<String, List<String>> expected) {
        // when
        Map<String, List<String>> allows = new TreeMap<>();
        component
                .networkAllows()
                .forEach((namespace, list) -> allows.put(
                        namespace, list.stream().map(NetworkAllow::toString).toList()));

        // then
        assertThat(allows).isEqualTo(expected);
    }
}

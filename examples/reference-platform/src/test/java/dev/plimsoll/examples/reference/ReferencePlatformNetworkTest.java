package dev.plimsoll.examples.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.catalog.Loki;
import dev.plimsoll.generator.catalog.Tenancy;
import dev.plimsoll.generator.testing.NetworkPolicies;
import dev.plimsoll.generator.testing.NetworkPolicies.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The platform's declared flows pass both ends of the NetworkPolicies in every environment: the source namespace lets
 * the traffic out and the destination namespace lets it in (selectors and ports), while default-deny still stops
 * everything else.
 */
class ReferencePlatformNetworkTest {

    private static final Pod INGRESS_NGINX = Pod.in("ingress-nginx", "app.kubernetes.io/name", "ingress-nginx");
    private static final Pod ALLOY = Pod.in("alloy", "app.kubernetes.io/name", "alloy");
    private static final Pod PROMETHEUS = Pod.in(Tenancy.MONITORING, "app.kubernetes.io/name", "prometheus");

    private final PlatformModel model =
            Generator.builder().build().render(new ReferencePlatform().define()).model();

    @Test
    void ingressTier_everyIngressBackend_allowedAtBothEnds() {
        forEachEnvironment((objects, policies, softly) -> objects.stream()
                .filter(o -> kind(o, "Ingress"))
                .forEach(ingress -> {
                    String namespace = ingress.at("/metadata/namespace").asText();
                    JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
                    JsonNode service = find(
                            objects, "Service", namespace, backend.path("name").asText());
                    JsonNode deployment = find(
                            objects,
                            "Deployment",
                            namespace,
                            backend.path("name").asText());
                    Pod app = new Pod(namespace, strings(service.at("/spec/selector")));
                    int port =
                            containerPort(deployment, backend.at("/port/name").asText());
                    flow(softly, policies, INGRESS_NGINX, app, port);
                }));
    }

    @Test
    void monitoring_everyMetricsPortOfPlatformAndTenants_allowedAtBothEnds() {
        forEachEnvironment((objects, policies, softly) -> {
            for (Tenancy.PlatformNamespace namespace :
                    ReferencePlatform.tenancy().platformNamespaces()) {
                namespace.metrics().forEach(port -> flow(softly, policies, PROMETHEUS, Pod.in(namespace.name()), port));
            }
            objects.stream().filter(o -> kind(o, "Deployment")).forEach(deployment -> deployment
                    .at("/spec/template/spec/containers/0/ports")
                    .forEach(port -> flow(
                            softly,
                            policies,
                            PROMETHEUS,
                            new Pod(
                                    deployment.at("/metadata/namespace").asText(),
                                    strings(deployment.at("/spec/template/metadata/labels"))),
                            port.path("containerPort").asInt())));
        });
    }

    @Test
    void platformComponents_partsAndServicesTheyNeed_allowed() {
        forEachEnvironment((objects, policies, softly) -> {
            // parts of one component talking to each other
            Pod argocdServer = Pod.in("argocd", "app.kubernetes.io/name", "argocd-server");
            flow(
                    softly,
                    policies,
                    argocdServer,
                    Pod.in("argocd", "app.kubernetes.io/name", "argocd-repo-server"),
                    8081);
            flow(softly, policies, argocdServer, Pod.in("argocd", "app.kubernetes.io/name", "argocd-redis"), 6379);
            flow(
                    softly,
                    policies,
                    PROMETHEUS,
                    Pod.in(Tenancy.MONITORING, "app.kubernetes.io/name", "alertmanager"),
                    9093);
            flow(softly, policies, Pod.in("logging", "app.kubernetes.io/component", "read"), Pod.in("logging"), 9095);
            // the log shipper on every node pushing into Loki's gateway
            flow(
                    softly,
                    policies,
                    ALLOY,
                    Pod.in("logging", "app.kubernetes.io/component", "gateway"),
                    Loki.GATEWAY_PORT);
            // Grafana through the internal ingress class
            flow(
                    softly,
                    policies,
                    INGRESS_NGINX,
                    Pod.in(Tenancy.MONITORING, "app.kubernetes.io/name", "grafana"),
                    3000);
            // the outside world: Git and chart repositories, ACME and the DNS API, object storage, Vault
            external(softly, policies, "argocd", 443);
            external(softly, policies, "cert-manager", 443);
            external(softly, policies, "logging", 443);
            external(softly, policies, "velero", 443);
            external(softly, policies, "external-secrets", 8200);
        });
    }

    @Test
    void defaultDeny_flowsNobodyDeclared_stayDenied() {
        forEachEnvironment((objects, policies, softly) -> {
            Pod storefront = Pod.in("shop", "app.kubernetes.io/name", "storefront");
            Pod worker = Pod.in("orders", "app.kubernetes.io/name", "order-worker");
            softly.assertThat(policies.egressAllows(storefront, worker, 9090))
                    .as("shop → orders egress")
                    .isFalse();
            softly.assertThat(policies.ingressAllows(storefront, worker, 9090))
                    .as("shop → orders ingress")
                    .isFalse();
            softly.assertThat(policies.egressAllowsExternal(Pod.in("kyverno"), "203.0.113.10", 443))
                    .as("kyverno → the internet")
                    .isFalse();
            softly.assertThat(policies.ingressAllows(Pod.in("shop"), Pod.in("argocd"), 8080))
                    .as("tenants → Argo CD")
                    .isFalse();
            softly.assertThat(policies.egressAllows(ALLOY, Pod.in("logging"), 3100))
                    .as("alloy → Loki past its gateway")
                    .isFalse();
            softly.assertThat(policies.egressAllowsExternal(ALLOY, "203.0.113.10", 443))
                    .as("alloy → the internet")
                    .isFalse();
        });
    }

    private interface EnvironmentCheck {
        void check(List<JsonNode> objects, NetworkPolicies policies, SoftAssertions softly);
    }

    private void forEachEnvironment(EnvironmentCheck check) {
        SoftAssertions softly = new SoftAssertions();
        for (Environment environment : model.environments()) {
            List<JsonNode> objects = model.objects(environment);
            check.check(objects, NetworkPolicies.of(objects), softly);
        }
        softly.assertAll();
    }

    private static void flow(SoftAssertions softly, NetworkPolicies policies, Pod from, Pod to, int port) {
        softly.assertThat(policies.egressAllows(from, to, port))
                .as("egress of %s to %s on %d", from, to, port)
                .isTrue();
        softly.assertThat(policies.ingressAllows(from, to, port))
                .as("ingress of %s to %s on %d", to, from, port)
                .isTrue();
    }

    private static void external(SoftAssertions softly, NetworkPolicies policies, String namespace, int port) {
        softly.assertThat(policies.egressAllowsExternal(Pod.in(namespace), "203.0.113.10", port))
                .as("egress of %s to the outside on %d", namespace, port)
                .isTrue();
    }

    private static boolean kind(JsonNode object, String kind) {
        return object.path("kind").asText().equals(kind);
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> kind(o, kind)
                        && o.at("/metadata/namespace").asText().equals(namespace)
                        && o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + namespace + "/" + name));
    }

    private static int containerPort(JsonNode deployment, String name) {
        for (JsonNode port : deployment.at("/spec/template/spec/containers/0/ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name + " in " + deployment.at("/metadata/name"));
    }

    private static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> values = new HashMap<>();
        mapping.fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}

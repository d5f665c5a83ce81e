package dev.plimsoll.generator;

import static dev.plimsoll.generator.Scenarios.DEV;
import static dev.plimsoll.generator.Scenarios.PROD;
import static dev.plimsoll.generator.Scenarios.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an {@link App} renders per environment, object by object. */
class AppTest {

    private static JsonNode object(Platform platform, Environment environment, String kind, String name) {
        return Scenarios.object(Generator.builder().build().render(platform).model(), environment, kind, name);
    }

    @Test
    void podAnnotations_perEnvironment_mergedOnThePodTemplate() {
        // given
        Platform platform = Scenarios.podAnnotations();

        // when
        JsonNode dev = object(platform, DEV, "Deployment", "api").at("/spec/template/metadata/annotations");
        JsonNode prod = object(platform, PROD, "Deployment", "api").at("/spec/template/metadata/annotations");

        // then: sorted by key; the staging/prod one is absent in dev; the computed one differs
        assertThat(dev).hasToString("{\"acme.test/cost-center\":\"shop-dev\",\"acme.test/team\":\"shop\"}");
        assertThat(prod)
                .hasToString("{\"acme.test/cost-center\":\"shop-prod\",\"acme.test/on-call\":\"shop-oncall\","
                        + "\"acme.test/team\":\"shop\"}");
    }

    @Test
    void podAnnotations_absentEverywhereItHasNoValue_noAnnotationsField() {
        // given
        Platform platform = Platform.named("acme")
                .environments(DEV, STAGING, PROD)
                .app(Scenarios.checkout().podAnnotations(PerEnv.of(PROD, Map.of("acme.test/audit", "on"))));

        // then
        JsonNode dev = object(platform, DEV, "Deployment", "checkout");
        assertThat(dev.at("/spec/template/metadata").has("annotations")).isFalse();
        assertThat(object(platform, PROD, "Deployment", "checkout").at("/spec/template/metadata/annotations"))
                .hasToString("{\"acme.test/audit\":\"on\"}");
    }

    @Test
    void persistentVolume_runsAsAStatefulSetWithAClaimPerPodSizedPerEnvironment() {
        // given
        Platform platform = Scenarios.database();

        // when
        JsonNode dev = object(platform, DEV, "StatefulSet", "orders-db");
        JsonNode prod = object(platform, PROD, "StatefulSet", "orders-db");

        // then
        assertThat(dev.at("/spec/serviceName").asText()).isEqualTo("orders-db");
        assertThat(dev.at("/spec/volumeClaimTemplates"))
                .hasToString("[{\"metadata\":{\"name\":\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],"
                        + "\"resources\":{\"requests\":{\"storage\":\"1Gi\"}},\"storageClassName\":\"longhorn\"}}]");
        assertThat(prod.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                        .asText())
                .isEqualTo("50Gi");
        JsonNode pod = prod.at("/spec/template/spec");
        assertThat(pod.at("/securityContext"))
                .hasToString("{\"fsGroup\":999,\"runAsGroup\":999,\"runAsNonRoot\":true,\"runAsUser\":999,"
                        + "\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}");
        assertThat(pod.at("/containers/0/volumeMounts"))
                .hasToString("[{\"mountPath\":\"/tmp\",\"name\":\"tmp\"},"
                        + "{\"mountPath\":\"/var/lib/postgresql/data\",\"name\":\"data\"},"
                        + "{\"mountPath\":\"/var/run/postgresql\",\"name\":\"run\"}]");
        assertThat(pod.at("/volumes"))
                .hasToString("[{\"emptyDir\":{},\"name\":\"tmp\"},{\"emptyDir\":{},\"name\":\"run\"}]");
        assertThat(pod.at("/containers/0/env/1"))
                .hasToString("{\"name\":\"POSTGRES_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":"
                        + "{\"key\":\"password\",\"name\":\"orders-db\"}}}");
        assertThat(Generator.builder().build().render(platform).model().objects(DEV))
                .noneMatch(o -> o.path("kind").asText().equals("Deployment")
                        && o.at("/metadata/name").asText().equals("orders-db"));
    }

    @Test
    void allowFromAndEgressTo_sameNamespace_selectThePodsOnTheirPorts() {
        // given
        Platform platform = Scenarios.database();

        // when
        JsonNode database = object(platform, PROD, "NetworkPolicy", "allow-orders-db");
        JsonNode api = object(platform, PROD, "NetworkPolicy", "allow-orders-api");

        // then
        assertThat(database.at("/spec/ingress"))
                .hasToString("[{\"from\":[{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":"
                        + "\"orders-api\"}}}],\"ports\":[{\"port\":5432,\"protocol\":\"TCP\"}]}]");
        assertThat(database.at("/spec/policyTypes")).hasToString("[\"Ingress\"]");
        assertThat(api.at("/spec/egress"))
                .hasToString("[{\"ports\":[{\"port\":5432,\"protocol\":\"TCP\"}],\"to\":[{\"podSelector\":"
                        + "{\"matchLabels\":{\"app.kubernetes.io/name\":\"orders-db\"}}}]}]");
    }

    @Test
    void allowFrom_otherNamespace_selectsItsNamespaceToo() {
        // given
        App reports = App.named("reports")
                .image("ghcr.io/acme/reports", PerEnv.all(Scenarios.DIGEST_1))
                .compute(Compute.of("100m", "128Mi"));
        App checkout = Scenarios.checkout().allowFrom(reports);
        Platform platform = Platform.named("acme")
                .environments(DEV, STAGING, PROD)
                .app(checkout)
                .app(reports);

        // when
        JsonNode from =
                object(platform, PROD, "NetworkPolicy", "allow-checkout").at("/spec/ingress/2/from/0");

        // then
        assertThat(from)
                .hasToString("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":"
                        + "\"reports\"}},\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":"
                        + "\"reports\"}}}");
    }

    @Test
    void autoscaling_statefulApp_targetsTheStatefulSet() {
        // given
        App database = Scenarios.checkout()
                .replicas(PerEnv.of(DEV, 1).and(STAGING, 2))
                .autoscaling(PerEnv.of(PROD, Autoscaling.between(3, 5)))
                .persistentVolume("data", "/data", "longhorn", PerEnv.all("1Gi"));
        Platform platform =
                Platform.named("acme").environments(DEV, STAGING, PROD).app(database);

        // then
        assertThat(object(platform, PROD, "HorizontalPodAutoscaler", "checkout")
                        .at("/spec/scaleTargetRef/kind")
                        .asText())
                .isEqualTo("StatefulSet");
    }
}

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
}

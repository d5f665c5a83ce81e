package dev.plimsoll.generator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectIdTest {

    @Test
    void kustomizeOrder_kindsFirstThenGvkThenNamespaceAndName() {
        // given: the order `kubectl kustomize` printed for these objects (checked with kubectl v1.32, kustomize v5.5)
        List<ObjectId> expected = List.of(
                new ObjectId("v1", "Namespace", "", "shop"),
                new ObjectId("v1", "ConfigMap", "a-b", "x"),
                new ObjectId("v1", "ConfigMap", "a-b", "y"),
                new ObjectId("v1", "ConfigMap", "a-b", "y-z"),
                new ObjectId("v1", "ConfigMap", "a", "x"),
                new ObjectId("v1", "ConfigMap", "", "x"),
                new ObjectId("apps/v1", "Deployment", "shop", "web"),
                new ObjectId("apps/v1", "StatefulSet", "shop", "web"),
                new ObjectId("batch/v1", "CronJob", "shop", "cj"),
                new ObjectId("example.com/v1", "Widget", "shop", "w"),
                new ObjectId("v1", "Pod", "shop", "web"),
                new ObjectId("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "", "v"));
        List<ObjectId> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);

        // when
        shuffled.sort(ObjectId.KUSTOMIZE_ORDER);

        // then
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void kustomizeFileName_groupVersionKindName_lowerCase() {
        assertThat(new ObjectId("apps/v1", "Deployment", "shop", "Web").kustomizeFileName())
                .isEqualTo("apps_v1_deployment_web.yaml");
        assertThat(new ObjectId("v1", "Namespace", "", "shop").kustomizeFileName())
                .isEqualTo("v1_namespace_shop.yaml");
    }
}

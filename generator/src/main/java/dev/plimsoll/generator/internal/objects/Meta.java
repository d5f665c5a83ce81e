package dev.plimsoll.generator.internal.objects;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** Object metadata and label selectors. */
public final class Meta {

    /** The label that ties an app's objects and pods together. */
    public static final String APP_LABEL = "app.kubernetes.io/name";

    private Meta() {}

    public static ObjectMeta named(String name, String namespace, Map<String, String> labels) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels.isEmpty() ? null : labels)
                .build();
    }

    public static ObjectMeta cluster(String name, Map<String, String> labels) {
        return named(name, null, labels);
    }

    public static LabelSelector selector(Map<String, String> matchLabels) {
        return new LabelSelectorBuilder().withMatchLabels(matchLabels).build();
    }

    /** {@code {}}: every pod of the namespace. */
    public static LabelSelector everyPod() {
        return new LabelSelector();
    }
}

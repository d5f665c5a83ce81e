package dev.plimsoll.generator.catalog;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small builders for the catalog's objects, which are written as generic objects (field maps). */
final class Kube {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String PLATFORM = "platform";

    private Kube() {}

    /** An object with the given fields besides apiVersion, kind and metadata. */
    static GenericKubernetesResource object(
            String apiVersion, String kind, String namespace, String name, Map<String, ?> fields) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion(apiVersion);
        resource.setKind(kind);
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(namespace);
        meta.setLabels(new TreeMap<>(Map.of(PART_OF, PLATFORM)));
        resource.setMetadata(meta);
        fields.forEach(resource::setAdditionalProperty);
        return resource;
    }

    static GenericKubernetesResource label(GenericKubernetesResource resource, String key, String value) {
        resource.getMetadata().getLabels().put(key, value);
        return resource;
    }

    static GenericKubernetesResource annotate(GenericKubernetesResource resource, String key, String value) {
        if (resource.getMetadata().getAnnotations() == null) {
            resource.getMetadata().setAnnotations(new TreeMap<>());
        }
        resource.getMetadata().getAnnotations().put(key, value);
        return resource;
    }

    /** A map from alternating keys and values; {@code null} values are left out. Keeps insertion order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}

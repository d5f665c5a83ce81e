package dev.plimsoll.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What each environment runs: the complete, resolved objects, in the order {@code kustomize build} prints them. This
 * is the truth that the Kustomize tree is factored from; {@code kubectl kustomize overlays/<env>} reproduces it.
 */
public final class PlatformModel {

    private final String platform;
    private final List<Environment> environments;
    private final Map<String, List<PlacedObject>> objects;

    public PlatformModel(String platform, List<Environment> environments, Map<String, List<PlacedObject>> objects) {
        this.platform = platform;
        this.environments = List.copyOf(environments);
        this.objects = Map.copyOf(objects);
    }

    public String platform() {
        return platform;
    }

    /** In promotion order. */
    public List<Environment> environments() {
        return environments;
    }

    /** The objects of {@code environment} with the unit each belongs to, in build order. */
    public List<PlacedObject> placed(Environment environment) {
        List<PlacedObject> placed = objects.get(environment.name());
        if (placed == null) {
            throw new NoSuchElementException("no environment '" + environment.name() + "' in " + platform);
        }
        return placed;
    }

    /** The objects of {@code environment}, in build order. */
    public List<JsonNode> objects(Environment environment) {
        return placed(environment).stream().map(p -> (JsonNode) p.object()).toList();
    }
}

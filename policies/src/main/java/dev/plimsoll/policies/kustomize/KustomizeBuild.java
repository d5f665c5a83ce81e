package dev.plimsoll.policies.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of building one kustomization: its objects in Kustomize's output order, or the problem that stopped the
 * build.
 *
 * @param directory the kustomization directory, relative to the lint root
 * @param objects the objects built, empty when {@code problem} is set
 * @param problem why the build failed, or null
 * @param external whether an external {@code kustomize}/{@code kubectl} binary built it (no source mapping then)
 * @param files every file the build read (absolute paths), so that callers know which files it consumed
 */
public record KustomizeBuild(
        String directory, List<RenderedObject> objects, KustomizeProblem problem, boolean external, Set<Path> files) {

    public KustomizeBuild {
        Objects.requireNonNull(directory, "directory");
        objects = List.copyOf(objects);
        files = Set.copyOf(files);
    }

    public boolean succeeded() {
        return problem == null;
    }

    /** The build as {@code kubectl kustomize} prints it; empty for a failed build. */
    public String yaml() {
        List<JsonNode> documents = new ArrayList<>(objects.size());
        for (RenderedObject object : objects) {
            documents.add(CanonicalYaml.toJson(object.root()));
        }
        return CanonicalYaml.writeAll(documents);
    }
}

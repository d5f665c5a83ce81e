package dev.plimsoll.policies.kustomize;

import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One object of a Kustomize build, as positioned nodes that remember where each value was written: {@link #fileOf}
 * gives, for any node of {@link #root()}, the file that set it (the base resource, a patch, or the kustomization that
 * generated or transformed it), and the node's own position is the line and column in that file.
 */
public final class RenderedObject {

    private final MappingNode root;
    private final String file;
    private final int documentIndex;
    private final Map<Node, String> files;
    private final List<String> patchedBy;

    RenderedObject(MappingNode root, String file, int documentIndex, Map<Node, String> files, List<String> patchedBy) {
        this.root = Objects.requireNonNull(root, "root");
        this.file = Objects.requireNonNull(file, "file");
        this.documentIndex = documentIndex;
        this.files = files;
        this.patchedBy = List.copyOf(patchedBy);
    }

    /** The object as built, each node positioned in the file {@link #fileOf} names. */
    public MappingNode root() {
        return root;
    }

    /** The file the object came from (a resource file, or the kustomization that generated it). */
    public String file() {
        return file;
    }

    /** The document of {@link #file()} it came from (0-based). */
    public int documentIndex() {
        return documentIndex;
    }

    /** The file that set {@code node}: the nearest file recorded on the way up to the root, else {@link #file()}. */
    public String fileOf(Node node) {
        for (Node at = node; at != null; at = at.parent()) {
            String recorded = files.get(at);
            if (recorded != null) {
                return recorded;
            }
        }
        return file;
    }

    /** The patch files and kustomizations that changed this object, in the order they did, without repeats. */
    public List<String> patchedBy() {
        return patchedBy;
    }

    /** The object as a manifest of {@code environment}, findings on it pointing where its values were written. */
    public Manifest manifest(String environment) {
        return new Manifest(file, documentIndex, root, environment, this::fileOf);
    }
}

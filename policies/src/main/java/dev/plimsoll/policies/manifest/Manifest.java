package dev.plimsoll.policies.manifest;

import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Kubernetes object as written in a source file: its document tree with positions, where it came from, and the
 * environment it belongs to. An object built from several files (by Kustomize) knows, for each node, which file set
 * it: {@link #fileOf}.
 */
public final class Manifest {

    private final String file;
    private final int documentIndex;
    private final MappingNode root;
    private final String environment;
    private final ObjectRef ref;
    private final Function<Node, String> fileOf;

    /**
     * @param file the source file relative to the lint root, {@code /}-separated
     * @param documentIndex the 0-based index of the document within its file
     * @param root the document; must have string {@code apiVersion} and {@code kind}
     * @param environment the environment the file belongs to, or {@code null}
     */
    public Manifest(String file, int documentIndex, MappingNode root, String environment) {
        this(file, documentIndex, root, environment, null);
    }

    /**
     * An object whose nodes may come from different files.
     *
     * @param fileOf the file that wrote a node of {@code root} (its position is in that file), or null when every node
     *     is from {@code file}
     */
    public Manifest(
            String file, int documentIndex, MappingNode root, String environment, Function<Node, String> fileOf) {
        this.fileOf = fileOf;
        this.file = Objects.requireNonNull(file, "file");
        this.documentIndex = documentIndex;
        this.root = Objects.requireNonNull(root, "root");
        this.environment = environment;
        MappingNode metadata = root.mapping("metadata").orElse(null);
        this.ref = new ObjectRef(
                root.string("apiVersion").orElse(""),
                root.string("kind").orElse(""),
                metadata == null ? "" : metadata.string("namespace").orElse(""),
                metadata == null ? "" : metadata.string("name").orElse(""));
    }

    public String file() {
        return file;
    }

    /** The file that wrote {@code node}, a node of {@link #root()}: {@link #file()} unless built from several. */
    public String fileOf(Node node) {
        return fileOf == null ? file : fileOf.apply(node);
    }

    public int documentIndex() {
        return documentIndex;
    }

    public MappingNode root() {
        return root;
    }

    /** The environment this object belongs to, or {@code null}. */
    public String environment() {
        return environment;
    }

    public ObjectRef ref() {
        return ref;
    }

    public String apiVersion() {
        return ref.apiVersion();
    }

    public String kind() {
        return ref.kind();
    }

    public String name() {
        return ref.name();
    }

    /** {@code metadata.namespace}, or {@code ""} when the manifest leaves it to the deploy tool. */
    public String namespace() {
        return ref.namespace();
    }

    /** The API group: {@code apps} for {@code apps/v1}, {@code ""} for the core group. */
    public String group() {
        int slash = ref.apiVersion().indexOf('/');
        return slash < 0 ? "" : ref.apiVersion().substring(0, slash);
    }

    public MappingNode metadata() {
        return root.mapping("metadata").orElse(root);
    }

    public Map<String, String> labels() {
        return root.mapping("metadata").map(m -> m.stringMap("labels")).orElse(Map.of());
    }

    public Map<String, String> annotations() {
        return root.mapping("metadata").map(m -> m.stringMap("annotations")).orElse(Map.of());
    }

    public boolean is(String group, String kind) {
        return ref.kind().equals(kind) && group().equals(group);
    }

    @Override
    public String toString() {
        return file + "#" + documentIndex + " " + ref.display();
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded Kustomize renderer behind {@code dev.plimsoll.policies.kustomize.KustomizeRenderer}: builds one
 * kustomization directory inside a lint root. Files read are cached for the builder's lifetime, so overlays sharing a
 * base read it once. Thread-safe.
 */
public final class Builder {

    /** One built object: positioned nodes, the files that set them, the files that changed it. */
    public record Built(
            MappingNode root, String file, int documentIndex, Map<Node, String> files, List<String> patchedBy) {}

    /** Why a build stopped. */
    public record Failure(String kind, String file, int line, int column, String message) {}

    /** Objects or a failure, and every file the build read (absolute, normalized). */
    public record Result(String directory, List<Built> objects, Failure failure, Set<Path> filesRead) {

        public Result(String directory, List<Built> objects, Failure failure) {
            this(directory, objects, failure, Set.of());
        }
    }

    private final Workspace workspace;

    public Builder(Path root) {
        this.workspace = new Workspace(root);
    }

    public Path root() {
        return workspace.root;
    }

    /** The path findings show for {@code path}. */
    public String display(Path path) {
        return workspace.display(path);
    }

    /** True when {@code dir} holds a kustomization file. */
    public static boolean isKustomization(Path dir) {
        for (String name : Workspace.KUSTOMIZATION_FILE_NAMES) {
            if (java.nio.file.Files.isRegularFile(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    public Result build(Path dir) {
        Workspace workspace = new Workspace(this.workspace);
        Path absolute = workspace.root.resolve(dir).toAbsolutePath().normalize();
        String shown = workspace.display(absolute);
        try {
            workspace.confine(absolute, shown, null, shown);
            KustTarget target = KustTarget.load(workspace, absolute, List.of(), shown, null);
            List<Built> objects = new ArrayList<>();
            for (Resource resource : target.build()) {
                Map<Node, String> files = Trees.newFileMap();
                Node root = Trees.toNode(resource.root, resource.file, files);
                objects.add(new Built(
                        (MappingNode) root,
                        resource.file,
                        resource.documentIndex,
                        files,
                        List.copyOf(new LinkedHashSet<>(resource.touchedBy))));
            }
            return new Result(shown, objects, null, workspace.filesRead());
        } catch (KustomizeError e) {
            return new Result(
                    shown,
                    List.of(),
                    new Failure(e.kind.name(), e.file, e.line, e.column, e.getMessage()),
                    workspace.filesRead());
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(
                    shown,
                    List.of(),
                    new Failure("INTERNAL", shown, 1, 1, "the embedded Kustomize renderer failed: " + e),
                    workspace.filesRead());
        }
    }
}

package dev.plimsoll.policies.kustomize;

import dev.plimsoll.policies.internal.kustomize.Builder;
import dev.plimsoll.policies.internal.kustomize.ExternalKustomize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds Kustomize trees in process, the way {@code kubectl kustomize} (Kustomize v5.5) does, with every value of every
 * object traced to the file and line that set it. Paths never lead outside the lint root. A tree that uses a feature the
 * embedded renderer does not build fails with {@link KustomizeProblem.Kind#UNSUPPORTED}, unless an external build is
 * allowed, in which case a {@code kustomize} or {@code kubectl} binary on the PATH builds it (without source mapping).
 *
 * <pre>{@code
 * KustomizeRenderer renderer = KustomizeRenderer.of(Path.of("."));
 * KustomizeBuild build = renderer.render(Path.of("overlays/prod"));
 * if (build.succeeded()) {
 *     System.out.print(build.yaml());                       // what `kubectl kustomize overlays/prod` prints
 *     for (RenderedObject object : build.objects()) {
 *         Node image = ...;                                 // any node of object.root()
 *         String file = object.fileOf(image);               // where that value was written
 *     }
 * } else {
 *     System.err.println(build.problem());
 * }
 * }</pre>
 *
 * <p>Thread-safe; files are read once per renderer.
 */
public final class KustomizeRenderer {

    /** Whether a tree the embedded renderer does not support may be built by an external binary. */
    public enum External {
        /** Never run a binary: unsupported trees are reported. */
        NEVER,
        /** Run {@code kustomize build} or {@code kubectl kustomize} from the PATH for unsupported trees. */
        ALLOWED
    }

    private final Builder builder;
    private final External external;

    private KustomizeRenderer(Path root, External external) {
        this.builder = new Builder(Objects.requireNonNull(root, "root"));
        this.external = Objects.requireNonNull(external, "external");
    }

    /** A renderer confined to {@code root} that never runs external binaries. */
    public static KustomizeRenderer of(Path root) {
        return new KustomizeRenderer(root, External.NEVER);
    }

    public static KustomizeRenderer of(Path root, External external) {
        return new KustomizeRenderer(root, external);
    }

    /** Builds the kustomization in {@code dir} (relative to the root, or absolute). */
    public KustomizeBuild render(Path dir) {
        Builder.Result result = builder.build(dir);
        if (result.failure() != null && result.failure().kind().equals("UNSUPPORTED") && external == External.ALLOWED) {
            Builder.Result built = ExternalKustomize.build(builder, dir);
            return convert(
                    new Builder.Result(built.directory(), built.objects(), built.failure(), result.filesRead()), true);
        }
        return convert(result, false);
    }

    /** True when {@code dir} holds a {@code kustomization.yaml}, {@code kustomization.yml} or {@code Kustomization}. */
    public static boolean isKustomization(Path dir) {
        return Builder.isKustomization(dir);
    }

    private static KustomizeBuild convert(Builder.Result result, boolean external) {
        if (result.failure() != null) {
            Builder.Failure failure = result.failure();
            return new KustomizeBuild(
                    result.directory(),
                    List.of(),
                    new KustomizeProblem(
                            KustomizeProblem.Kind.valueOf(failure.kind()),
                            failure.file(),
                            failure.line(),
                            failure.column(),
                            failure.message()),
                    external,
                    result.filesRead());
        }
        List<RenderedObject> objects = new ArrayList<>();
        for (Builder.Built built : result.objects()) {
            objects.add(new RenderedObject(
                    built.root(), built.file(), built.documentIndex(), built.files(), built.patchedBy()));
        }
        return new KustomizeBuild(result.directory(), objects, null, external, result.filesRead());
    }
}

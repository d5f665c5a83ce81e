package dev.plimsoll.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.internal.kustomize.Factoring;
import dev.plimsoll.generator.internal.kustomize.Layout;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import dev.plimsoll.generator.internal.write.TreeWriter;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Generates a platform's GitOps tree from its Java definition: validates the definition, resolves each environment's
 * objects, factors them into Kustomize {@code base/} and {@code overlays/<env>/} (and, with {@link
 * Builder#hydrate(boolean)}, {@code rendered/<env>/}), lints the objects, and writes the tree safely. Thread-safe;
 * never prints, never exits.
 *
 * <pre>{@code
 * Generator generator = Generator.builder()
 *         .lintConfig(LintConfig.load(Path.of("plimsoll.yaml")))   // or LintConfig.DEFAULT
 *         .hydrate(true)
 *         .build();
 * Platform platform = new AcmePlatform().define();
 * try {
 *     WriteResult result = generator.write(platform, Path.of("."));
 *     System.out.println(result.written().size() + " files written, " + result.pruned().size() + " pruned");
 * } catch (ValidationException e) {            // the definition is wrong: every problem, with its path
 *     e.problems().forEach(System.err::println);
 * } catch (LintFailedException e) {            // the rendered objects break the policy: nothing written
 *     e.report().active().forEach(f -> System.err.println(f.location() + " " + f.ruleId() + " " + f.message()));
 * } catch (UnownedFileException | ConcurrentGenerationException e) {
 *     System.err.println(e.getMessage());      // a hand-written file in the way, or another run: nothing written
 * }
 * CheckResult check = generator.check(platform, Path.of("."));   // in CI: is the committed tree current?
 * check.changes().forEach(c -> System.out.println(c + (c.diff() == null ? "" : "\n" + c.diff())));
 * }</pre>
 */
public final class Generator {

    private final Linter linter;
    private final boolean hydrate;

    private Generator(Builder builder) {
        this.linter = Linter.builder()
                .config(builder.lintConfig)
                .catalog(builder.catalog)
                .build();
        this.hydrate = builder.hydrate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders {@code platform} in memory: model, tree and lint report. Throws {@link ValidationException} when the
     * definition is wrong; lint findings are in the result, not thrown.
     */
    public Rendering render(Platform platform) {
        PlatformModel model = ModelBuilder.build(platform);
        Layout layout = Factoring.factor(model, true);
        // Over a list: a tree map's entries split by the tree's shape, unevenly, and leave a core idle.
        List<Map.Entry<String, JsonNode>> documents =
                new ArrayList<>(layout.files().entrySet());
        SortedMap<String, byte[]> files = documents.parallelStream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        file -> CanonicalYaml.write(file.getValue()).getBytes(StandardCharsets.UTF_8),
                        (a, b) -> a,
                        TreeMap::new));
        Report report = lint(model, layout, files);
        if (!hydrate) {
            files.keySet().removeIf(path -> path.startsWith("rendered/"));
        }
        return new Rendering(model, new KustomizeTree(files), report);
    }

    /**
     * Renders {@code platform} and writes the tree under {@code directory}: nothing is written when the definition is
     * invalid, the lint fails at the config's threshold, a hand-written file is in the way, or another run holds the
     * lock (each a {@link GenerationException}).
     */
    public WriteResult write(Platform platform, Path directory) throws IOException {
        Rendering rendering = acceptable(render(platform));
        return new TreeWriter(directory).write(rendering.tree());
    }

    /** Renders {@code platform} and compares it with the tree under {@code directory}, writing nothing. */
    public CheckResult check(Platform platform, Path directory) throws IOException {
        Rendering rendering = acceptable(render(platform));
        return new TreeWriter(directory).check(rendering.tree());
    }

    private static Rendering acceptable(Rendering rendering) {
        if (rendering.lint().failed()) {
            throw new LintFailedException(rendering.lint());
        }
        return rendering;
    }

    /**
     * Lints each environment's hydrated objects as that environment, the environments side by side (a {@link Linter}
     * is thread-safe); one report for all. The linter gets each file's tree with its text, so it need not parse what
     * was just written.
     */
    private Report lint(PlatformModel model, Layout layout, SortedMap<String, byte[]> files) {
        List<Report> reports = model.environments().parallelStream()
                .map(environment -> {
                    String prefix = HydratedOutput.ROOT + "/" + environment.name() + "/";
                    List<Source> sources = new ArrayList<>();
                    files.subMap(prefix, prefix + Character.MAX_VALUE)
                            .forEach((path, content) -> sources.add(
                                    new Source(path, content, layout.files().get(path))));
                    return linter.lint(LintRequest.ofSources(sources).withEnvironment(environment.name()));
                })
                .toList();
        return Reports.concat(reports);
    }

    /** Configures a {@link Generator}; every setting has a default. */
    public static final class Builder {

        private LintConfig lintConfig = LintConfig.DEFAULT;
        private RuleCatalog catalog = RuleCatalog.builtIn();
        private boolean hydrate;

        private Builder() {}

        /** The lint config (rule levels, namespaces, fail threshold); default {@link LintConfig#DEFAULT}. */
        public Builder lintConfig(LintConfig value) {
            this.lintConfig = Objects.requireNonNull(value, "lintConfig");
            return this;
        }

        /** The rules to lint with; default {@link RuleCatalog#builtIn()}. */
        public Builder catalog(RuleCatalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /** Also write {@code rendered/<env>/}, one file per object (default false). */
        public Builder hydrate(boolean value) {
            this.hydrate = value;
            return this;
        }

        public Generator build() {
            return new Generator(this);
        }
    }
}

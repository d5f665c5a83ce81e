package dev.plimsoll.policies.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.policies.testing.KustomizeCorpus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the embedded renderer against the real one: every Kustomization of the corpus (and every
 * Component, built onto the base the corpus names for it in a scratch copy of its project), and every kustomization of
 * the repository's own trees (the generator's golden trees, the generated platforms), is built by {@code kubectl
 * kustomize} and by {@link KustomizeRenderer}; the bytes must be identical, or the renderer must report the tree as
 * unsupported.
 *
 * <p>kubectl's outputs are cached under {@code target/kustomize-builds/<kustomize version>/}, shared with {@code
 * CanonicalYamlKustomizeTest}. When the test runs to its end it writes {@code target/kustomize-differential.ran}, which
 * {@code .ci/run} requires: a build that skipped this test (no kubectl, no corpus) fails CI.
 */
class KustomizeCorpusTest {

    private static final int SHOWN_DIFFERENCES = 12;
    private static final Path MARKER = Path.of("target", "kustomize-differential.ran");
    /** The counts, then every tree that is not identical with its first difference or problem. */
    private static final Path REPORT = Path.of("target", "kustomize-differential.txt");

    enum Outcome {
        IDENTICAL,
        UNSUPPORTED,
        DIFFERENT
    }

    /** A tree to build: the lint root it lives in, its directory there, and the key of kubectl's cached output. */
    record Tree(String name, Path root, Path dir, String cacheKey) {}

    record Result(Tree tree, Outcome outcome, String detail, long nanos) {}

    @Test
    void everyCorpusTree_embeddedBuild_isByteIdenticalToKubectlOrReportedUnsupported() throws Exception {
        // given
        Files.deleteIfExists(MARKER);
        Path corpus = KustomizeCorpus.corpusOrSkip("KustomizeCorpusTest");
        String version = KustomizeCorpus.kubectlOrSkip("KustomizeCorpusTest");
        Path cache = Path.of("target", "kustomize-builds", version);
        Files.createDirectories(cache);
        Path scratch = Files.createTempDirectory("plimsoll-component-checks");
        List<Tree> trees = trees(corpus, scratch);

        // when
        long started = System.nanoTime();
        List<Result> results = buildAll(trees, cache);
        double seconds = (System.nanoTime() - started) / 1e9;
        deleteRecursively(scratch);

        // then
        Map<Outcome, List<Result>> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, new ArrayList<>());
        }
        results.forEach(result -> byOutcome.get(result.outcome()).add(result));
        int total = results.size();
        int identical = byOutcome.get(Outcome.IDENTICAL).size();
        int unsupported = byOutcome.get(Outcome.UNSUPPORTED).size();
        int different = byOutcome.get(Outcome.DIFFERENT).size();
        System.out.printf(
                "Kustomize differential: %d trees: %d identical, %d unsupported, %d different;"
                        + " %.1f%% supported, %.1f s%n",
                total, identical, unsupported, different, 100.0 * (total - unsupported) / total, seconds);
        for (Outcome outcome : List.of(Outcome.DIFFERENT, Outcome.UNSUPPORTED)) {
            byOutcome.get(outcome).stream()
                    .limit(SHOWN_DIFFERENCES)
                    .forEach(result -> System.out.println(
                            "  " + outcome + " " + result.tree().name() + ": " + result.detail()));
        }
        StringBuilder report = new StringBuilder(String.format(
                "%d trees: %d identical, %d unsupported, %d different%n", total, identical, unsupported, different));
        for (Result result : results) {
            if (result.outcome() != Outcome.IDENTICAL) {
                report.append(result.outcome())
                        .append(' ')
                        .append(result.tree().name())
                        .append(": ")
                        .append(result.detail())
                        .append('\n');
            }
        }
        Files.writeString(REPORT, report.toString());
        assertThat(byOutcome.get(Outcome.DIFFERENT))
                .as("trees whose embedded build differs from kubectl kustomize")
                .extracting(result -> result.tree().name())
                .isEmpty();
        assertThat(total - unsupported)
                .as("trees the embedded renderer supports (at least 95%% of %d)", total)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * total));
        Files.writeString(
                MARKER,
                String.format(
                        "%d trees: %d identical, %d unsupported, %d different%n",
                        total, identical, unsupported, different));
    }

    /** Every Kustomization and Component of the corpus, and the repository's own Kustomize trees. */
    static List<Tree> trees(Path corpus, Path scratch) throws IOException {
        JsonNode projects = new ObjectMapper()
                .readTree(corpus.resolve("kustomize-builds.json").toFile())
                .path("projects");
        List<Tree> out = new ArrayList<>();
        Map<String, Path> copies = new ConcurrentHashMap<>();
        int[] component = {0};
        for (var project : (Iterable<Map.Entry<String, JsonNode>>) projects::fields) {
            Path root = corpus.resolve("kustomize").resolve(project.getKey());
            for (JsonNode tree : project.getValue()) {
                String dir = tree.path("dir").asText();
                String name = project.getKey() + "/" + dir;
                if ("Kustomization".equals(tree.path("kind").asText())
                        && "PASS".equals(tree.path("result").asText())) {
                    out.add(new Tree(name, root, Path.of(dir), name));
                } else if ("Component".equals(tree.path("kind").asText())
                        && "PASS".equals(tree.path("component_check").asText())) {
                    Path copy = copies.computeIfAbsent(project.getKey(), key -> copy(root, scratch.resolve(key)));
                    Path check = copy.resolve("plimsoll-component-check-" + component[0]++);
                    Files.createDirectories(check);
                    Files.writeString(
                            check.resolve("kustomization.yaml"),
                            "resources:\n- ../"
                                    + tree.path("component_check_base").asText() + "\ncomponents:\n- ../" + dir + "\n");
                    out.add(new Tree("component " + name, copy, copy.relativize(check), "component:" + name));
                }
            }
        }
        // The repository's own trees: the generator's golden trees, and the platforms generated into the repository
        // (the reference platform at the top, the examples).
        Path repo = Path.of(System.getProperty("plimsoll.repo", ".."))
                .toAbsolutePath()
                .normalize();
        for (String top : List.of("generator/src/test/resources/golden", "base", "overlays", "examples")) {
            Path start = repo.resolve(top);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                for (Path dir : walk.filter(Files::isDirectory)
                        .filter(dir -> !repo.relativize(dir).toString().contains("target"))
                        .filter(KustomizeRenderer::isKustomization)
                        .sorted()
                        .toList()) {
                    String name = "repo/" + repo.relativize(dir).toString().replace('\\', '/');
                    out.add(new Tree(name, repo, repo.relativize(dir), null));
                }
            }
        }
        assertThat(out).as("trees to build").isNotEmpty();
        return out;
    }

    private static Path copy(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** kubectl builds (2-4 at a time, cached), then the embedded builds on the same threads. */
    private static List<Result> buildAll(List<Tree> trees, Path cache) throws Exception {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<Path, KustomizeRenderer> renderers = new ConcurrentHashMap<>();
        try {
            List<Future<Result>> pending = new ArrayList<>();
            for (Tree tree : trees) {
                pending.add(pool.submit(() -> {
                    String expected = kubectl(tree, cache);
                    KustomizeRenderer renderer = renderers.computeIfAbsent(tree.root(), KustomizeRenderer::of);
                    return compare(tree, renderer, expected);
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> result : pending) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result compare(Tree tree, KustomizeRenderer renderer, String expected) {
        long started = System.nanoTime();
        KustomizeBuild build = renderer.render(tree.dir());
        String actual = build.succeeded() ? build.yaml() : null;
        long nanos = System.nanoTime() - started;
        if (expected == null) {
            return new Result(tree, Outcome.DIFFERENT, "kubectl kustomize failed on it", nanos);
        }
        if (!build.succeeded()) {
            KustomizeProblem problem = build.problem();
            Outcome outcome =
                    problem.kind() == KustomizeProblem.Kind.UNSUPPORTED ? Outcome.UNSUPPORTED : Outcome.DIFFERENT;
            return new Result(
                    tree,
                    outcome,
                    problem.kind() + " " + problem.file() + ":" + problem.line() + ":" + problem.column() + " "
                            + problem.message(),
                    nanos);
        }
        if (expected.equals(actual)) {
            return new Result(tree, Outcome.IDENTICAL, "", nanos);
        }
        return new Result(tree, Outcome.DIFFERENT, firstDifference(expected, actual), nanos);
    }

    /** kubectl's output for the tree, from the cache or a fresh build; null when kubectl fails. */
    static String kubectl(Tree tree, Path cache) throws IOException, InterruptedException {
        Path cached = tree.cacheKey() == null
                ? null
                : cache.resolve(URLEncoder.encode(tree.cacheKey(), StandardCharsets.UTF_8) + ".yaml");
        if (cached != null && Files.isRegularFile(cached)) {
            return Files.readString(cached);
        }
        Path errors = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            tree.root().resolve(tree.dir()).toString())
                    .redirectError(errors.toFile())
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return null;
            }
            if (process.exitValue() != 0) {
                return null;
            }
            if (cached != null) {
                Path partial = Files.createTempFile(cache, "build", ".part");
                Files.write(partial, output);
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return new String(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String a = i < want.length ? want[i] : "<end>";
            String b = i < got.length ? got[i] : "<end>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + "\n    kubectl: " + a + "\n    ours:    " + b;
            }
        }
        return "same lines, different bytes";
    }
}

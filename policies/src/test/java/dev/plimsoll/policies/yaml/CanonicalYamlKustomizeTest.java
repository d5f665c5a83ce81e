package dev.plimsoll.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.policies.testing.KustomizeCorpus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the real thing: every Kustomization of the corpus that builds is built with {@code kubectl
 * kustomize}, read back with {@link YamlReader}, converted with {@link CanonicalYaml#toJson} and written with {@link
 * CanonicalYaml#writeAll}; the bytes must equal kubectl's, double-quoted scalars included (written by the port of
 * libyaml's writer, see {@code DoubleQuoted}).
 *
 * <p>kubectl's outputs are cached under {@code target/kustomize-builds/<kustomize version>/}, so only the first run
 * pays for the builds (about two minutes on two cores for the 686 trees); later runs take seconds.
 */
class CanonicalYamlKustomizeTest {

    private static final int SHOWN_DIFFERENCES = 5;

    private enum Outcome {
        IDENTICAL,
        DIFFERENT
    }

    private record Result(String tree, Outcome outcome, int documents, boolean cached, String detail) {}

    @Test
    void kubectlKustomizeCorpus_readAndWrittenAgain_isByteIdentical() throws Exception {
        // given
        Path corpus = KustomizeCorpus.corpusOrSkip("CanonicalYamlKustomizeTest");
        String kustomizeVersion = KustomizeCorpus.kubectlOrSkip("CanonicalYamlKustomizeTest");
        List<String> trees = passingKustomizations(corpus);
        Path cache = Path.of("target", "kustomize-builds", kustomizeVersion);
        Files.createDirectories(cache);

        // when
        long started = System.nanoTime();
        List<Result> results = buildAndCompareAll(corpus, trees, cache);
        double seconds = (System.nanoTime() - started) / 1e9;

        // then
        Map<Outcome, List<Result>> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, new ArrayList<>());
        }
        results.forEach(result -> byOutcome.get(result.outcome()).add(result));
        System.out.printf(
                "kubectl kustomize corpus: %d trees, %d documents: %d identical, %d different; %.1f s,"
                        + " %d builds from cache%n",
                trees.size(),
                results.stream().mapToInt(Result::documents).sum(),
                byOutcome.get(Outcome.IDENTICAL).size(),
                byOutcome.get(Outcome.DIFFERENT).size(),
                seconds,
                results.stream().filter(Result::cached).count());
        byOutcome.get(Outcome.DIFFERENT).stream()
                .limit(SHOWN_DIFFERENCES)
                .forEach(result -> System.out.println("  DIFFERENT " + result.tree() + ": " + result.detail()));
        assertThat(byOutcome.get(Outcome.DIFFERENT))
                .as("trees whose rewrite differs from kubectl's output")
                .extracting(Result::tree)
                .isEmpty();
    }

    /** {@code project/dir} of every directory listed as a Kustomization that builds. */
    private static List<String> passingKustomizations(Path corpus) throws IOException {
        JsonNode projects = new ObjectMapper()
                .readTree(corpus.resolve("kustomize-builds.json").toFile())
                .path("projects");
        List<String> trees = new ArrayList<>();
        projects.properties().forEach(project -> {
            for (JsonNode tree : project.getValue()) {
                if ("Kustomization".equals(tree.path("kind").asText())
                        && "PASS".equals(tree.path("result").asText())) {
                    trees.add(project.getKey() + "/" + tree.path("dir").asText());
                }
            }
        });
        assertThat(trees).as("Kustomizations that build in the corpus").isNotEmpty();
        return trees;
    }

    /** Builds (2-4 at a time) and compares in the same workers, so that reading and writing use every core too. */
    private static List<Result> buildAndCompareAll(Path corpus, List<String> trees, Path cache) throws Exception {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result>> pending = new ArrayList<>();
            for (String tree : trees) {
                pending.add(pool.submit(() -> buildAndCompare(corpus, tree, cache)));
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

    private static Result buildAndCompare(Path corpus, String tree, Path cache)
            throws IOException, InterruptedException {
        Path cached = cache.resolve(URLEncoder.encode(tree, StandardCharsets.UTF_8) + ".yaml");
        boolean fromCache = Files.isRegularFile(cached);
        if (!fromCache) {
            String error = kustomize(corpus.resolve("kustomize").resolve(tree), cached);
            if (error != null) {
                return new Result(tree, Outcome.DIFFERENT, 0, false, "kubectl kustomize failed: " + error);
            }
        }
        byte[] output = Files.readAllBytes(cached);
        YamlReader.Result read = new YamlReader().read(output);
        if (!read.problems().isEmpty()) {
            return new Result(
                    tree,
                    Outcome.DIFFERENT,
                    0,
                    fromCache,
                    "YamlReader: " + read.problems().get(0));
        }
        List<JsonNode> objects = new ArrayList<>();
        for (YamlReader.Document document : read.documents()) {
            objects.add(CanonicalYaml.toJson(document.root()));
        }
        String expected = new String(output, StandardCharsets.UTF_8);
        String actual = CanonicalYaml.writeAll(objects);
        Outcome outcome = expected.equals(actual) ? Outcome.IDENTICAL : Outcome.DIFFERENT;
        String detail = outcome == Outcome.IDENTICAL ? "" : firstDifference(expected, actual);
        return new Result(tree, outcome, objects.size(), fromCache, detail);
    }

    /** Runs {@code kubectl kustomize dir} into {@code target} (atomically); the error text when it fails. */
    private static String kustomize(Path dir, Path target) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(target.getParent(), "kubectl", ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "timed out";
            }
            if (process.exitValue() != 0) {
                return Files.readString(errors).strip();
            }
            Path partial = Files.createTempFile(target.getParent(), "build", ".part");
            Files.write(partial, output);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
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

package dev.plimsoll.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.policies.kustomize.KustomizeBuild;
import dev.plimsoll.policies.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders every Kustomization of the corpus ({@code kustomize-builds.json}) in one JVM and with one {@code kubectl
 * kustomize} process per tree, and prints both totals, the ratio and the per-tree times. The JVM side is a fresh
 * process whose wall time includes its start, so the comparison is cold against cold. Trees are built one after the
 * other on both sides. Each embedded build is also compared with kubectl's bytes.
 *
 * <p>Usage: {@code java -cp plimsoll.jar dev.plimsoll.cli.bench.RenderBenchmark CORPUS [KUBECTL]}; {@code
 * bin/plimsoll-render-bench} runs it. {@code --embedded-only CORPUS OUT} is the child process: it renders every tree
 * and writes each build and its time under {@code OUT}.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--embedded-only")) {
            embeddedOnly(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: RenderBenchmark CORPUS [KUBECTL]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
        String kubectl = args.length > 1 ? args[1] : "kubectl";
        List<String> trees = trees(corpus);
        Path out = Files.createTempDirectory("plimsoll-render-bench");
        System.out.printf(Locale.ROOT, "input     %s: %d Kustomization trees%n", corpus, trees.size());

        // One JVM, cold: a fresh process renders every tree.
        long started = System.nanoTime();
        Process child = new ProcessBuilder(
                        Measure.javaExecutable(),
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RenderBenchmark.class.getName(),
                        "--embedded-only",
                        corpus.toString(),
                        out.toString())
                .inheritIO()
                .start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the embedded run failed");
        }
        double jvmSeconds = (System.nanoTime() - started) / 1e9;

        // One kubectl process per tree, one after the other.
        double kubectlSeconds = 0;
        int identical = 0;
        int kubectlFailed = 0;
        List<double[]> perTree = new ArrayList<>();
        Map<String, Double> embeddedTimes = readTimes(out.resolve("times.tsv"));
        for (int i = 0; i < trees.size(); i++) {
            String tree = trees.get(i);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(
                            kubectl,
                            "kustomize",
                            corpus.resolve("kustomize").resolve(tree).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] bytes = process.getInputStream().readAllBytes();
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            kubectlSeconds += seconds;
            if (!done || process.exitValue() != 0) {
                kubectlFailed++;
                continue;
            }
            Path ours = out.resolve(i + ".yaml");
            if (Files.isRegularFile(ours) && Arrays.equals(Files.readAllBytes(ours), bytes)) {
                identical++;
            }
            perTree.add(new double[] {embeddedTimes.getOrDefault(tree, 0.0), seconds});
        }

        double[] embedded = perTree.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] byKubectl = perTree.stream().mapToDouble(t -> t[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "kubectl   %7.1f s  one `kubectl kustomize` process per tree%n", kubectlSeconds);
        System.out.printf(
                Locale.ROOT,
                "plimsoll  %7.1f s  one JVM for all trees, start included (%.1f s rendering)%n",
                jvmSeconds,
                embeddedTimes.values().stream().mapToDouble(Double::doubleValue).sum());
        System.out.printf(Locale.ROOT, "speed-up  %7.1f x%n", kubectlSeconds / jvmSeconds);
        System.out.printf(
                Locale.ROOT,
                "per tree  plimsoll median %.1f ms, p95 %.1f ms, max %.1f ms; kubectl median %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms%n",
                percentile(embedded, 50) * 1000,
                percentile(embedded, 95) * 1000,
                percentile(embedded, 100) * 1000,
                percentile(byKubectl, 50) * 1000,
                percentile(byKubectl, 95) * 1000,
                percentile(byKubectl, 100) * 1000);
        System.out.printf(
                Locale.ROOT,
                "bytes     %d of %d builds identical to kubectl's%s%n",
                identical,
                trees.size() - kubectlFailed,
                kubectlFailed == 0 ? "" : " (" + kubectlFailed + " kubectl failures)");
        Measure.deleteRecursively(out);
    }

    /** The child process: renders every tree in one JVM, writes each build and a tab-separated time per tree. */
    private static void embeddedOnly(Path corpus, Path out) throws IOException {
        List<String> trees = trees(corpus);
        Map<Path, KustomizeRenderer> renderers = new TreeMap<>();
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < trees.size(); i++) {
            String tree = trees.get(i);
            Path project = corpus.resolve("kustomize").resolve(tree.substring(0, tree.indexOf('/')));
            KustomizeRenderer renderer = renderers.computeIfAbsent(project, KustomizeRenderer::of);
            long start = System.nanoTime();
            KustomizeBuild build = renderer.render(project.resolve(tree.substring(tree.indexOf('/') + 1)));
            String yaml = build.succeeded() ? build.yaml() : "";
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.writeString(out.resolve(i + ".yaml"), yaml, StandardCharsets.UTF_8);
            times.append(tree).append('\t').append(seconds).append('\n');
        }
        Files.writeString(out.resolve("times.tsv"), times.toString());
    }

    private static Map<String, Double> readTimes(Path file) throws IOException {
        Map<String, Double> out = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            out.put(parts[0], Double.parseDouble(parts[1]));
        }
        return out;
    }

    /** {@code project/dir} of every Kustomization the corpus lists as building. */
    static List<String> trees(Path corpus) throws IOException {
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
        return trees;
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

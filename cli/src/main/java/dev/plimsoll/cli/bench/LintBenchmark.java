package dev.plimsoll.cli.bench;

import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.config.EnvironmentConfig;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.rule.Namespaces;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Measures linting a directory of manifests (by default the shared corpus) and prints the numbers: the cold wall time
 * of a CLI process, the warm in-process time, throughput, peak heap, the same bytes through SnakeYAML's composer alone
 * (the floor no linter built on it can beat), and how time grows with ten copies of the input. Everything is measured
 * in one run, so ratios are comparable on a noisy machine.
 *
 * <p>Usage: {@code java -cp plimsoll.jar dev.plimsoll.cli.bench.LintBenchmark DIR [LAUNCHER]}, where LAUNCHER is
 * {@code bin/plimsoll} (cold processes are started through it, as a user starts them, with {@code -Xmx512m} added);
 * {@code bin/plimsoll-bench} runs it.
 */
public final class LintBenchmark {

    private static final int WARMUP = 5;
    private static final int MEASURED = 7;
    private static final int COLD_RUNS = 3;

    private LintBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LintBenchmark DIR [LAUNCHER]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
        // Cold processes first, before this JVM's warm-up, so that its compilations and collections do not compete
        // with them for the cores.
        if (args.length > 1) {
            cold(Path.of(args[1]), corpus);
        }
        List<Source> sources = readAll(corpus);
        long bytes = sources.stream().mapToLong(s -> s.content().length).sum();
        Linter linter = Linter.builder().build();

        Report once = linter.lint(LintRequest.ofSources(sources));
        int documents = once.stats().documents();
        System.out.printf(
                Locale.ROOT,
                "input         %s%n              %d files, %d documents, %d objects, %.1f MB%n",
                corpus,
                sources.size(),
                documents,
                once.stats().objects(),
                bytes / 1e6);

        long peakHeap = Measure.peakHeapOf(() -> linter.lint(LintRequest.ofSources(sources)));
        double lint = median(() -> linter.lint(LintRequest.ofSources(sources)));
        double lintFromDisk = median(() -> linter.lint(LintRequest.of(corpus, corpus)));
        double composeParallel = median(() -> composeAll(sources, true));
        double composeSerial = median(() -> composeAll(sources, false));

        System.out.printf(
                Locale.ROOT,
                "warm lint     %7.0f ms  %8.0f docs/s  %6.1f MB/s  (in memory; from disk %.0f ms)%n",
                lint,
                documents / (lint / 1000),
                bytes / 1e6 / (lint / 1000),
                lintFromDisk);
        System.out.printf(
                Locale.ROOT,
                "compose floor %7.0f ms  %8.0f docs/s  %6.1f MB/s  (SnakeYAML compose only, all cores; one core: %.0f ms)%n",
                composeParallel,
                documents / (composeParallel / 1000),
                bytes / 1e6 / (composeParallel / 1000),
                composeSerial);
        System.out.printf(
                Locale.ROOT,
                "lint/floor    %7.0f %%  of the floor's throughput on all cores (target >= 60%%); %.0f %% of one core's%n",
                100 * composeParallel / lint,
                100 * composeSerial / lint);
        System.out.printf(
                Locale.ROOT,
                "peak heap     %7.0f MB  (one in-memory lint, sum of heap pool peaks; target < 512 MB)%n",
                peakHeap / 1e6);

        List<Source> tenCopies = copies(sources, 10);
        // Each copy is its own environment, as ten clusters' trees are: in one environment every object would collide
        // with nine twins (nine overlapping budgets each), a different input.
        Linter perCopy = Linter.builder().config(copiesConfig(10)).build();
        double ten = Measure.median(() -> perCopy.lint(LintRequest.ofSources(tenCopies)), 1, 3);
        System.out.printf(Locale.ROOT, "10 copies     %7.0f ms  = %.1f x one copy (target <= 11 x)%n", ten, ten / lint);
    }

    private static void cold(Path launcher, Path corpus) throws IOException, InterruptedException {
        long[] times = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            Path report = Files.createTempFile("plimsoll-bench", ".json");
            long start = System.nanoTime();
            int exit = Measure.runCli(
                    launcher,
                    "-Xmx512m",
                    List.of(
                            "lint",
                            "--fail-on",
                            "none",
                            "--format",
                            "json",
                            "--output",
                            report.toString(),
                            corpus.toString()));
            times[i] = (System.nanoTime() - start) / 1_000_000;
            Files.deleteIfExists(report);
            if (exit != 0 && exit != 3) {
                throw new IllegalStateException("the CLI exited " + exit);
            }
        }
        Arrays.sort(times);
        System.out.printf(
                Locale.ROOT,
                "cold CLI      %7d ms  (median of %d processes with -Xmx512m, min %d ms; target < 4000 ms)%n",
                times[COLD_RUNS / 2],
                COLD_RUNS,
                times[0]);
    }

    private static List<Source> readAll(Path root) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(LintBenchmark::isManifest)
                    .sorted()
                    .toList()) {
                sources.add(new Source(root.relativize(file).toString(), Files.readAllBytes(file)));
            }
        }
        return sources;
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static LintConfig copiesConfig(int count) {
        List<EnvironmentConfig> environments = new ArrayList<>();
        for (int copy = 0; copy < count; copy++) {
            environments.add(new EnvironmentConfig("copy" + copy, List.of("copy" + copy + "/**"), Map.of()));
        }
        return new LintConfig(Map.of(), Namespaces.DEFAULT, environments, Severity.ERROR);
    }

    private static List<Source> copies(List<Source> sources, int count) {
        List<Source> out = new ArrayList<>();
        for (int copy = 0; copy < count; copy++) {
            for (Source source : sources) {
                out.add(new Source("copy" + copy + "/" + source.name(), source.content()));
            }
        }
        return out;
    }

    private static int composeAll(List<Source> sources, boolean parallel) {
        Stream<Source> stream = parallel ? sources.parallelStream() : sources.stream();
        return stream.mapToInt(source -> {
                    LoaderOptions options = new LoaderOptions();
                    options.setCodePointLimit(Integer.MAX_VALUE);
                    options.setAllowDuplicateKeys(true);
                    int count = 0;
                    try {
                        for (Node ignored : new Yaml(options)
                                .composeAll(new StringReader(new String(source.content(), StandardCharsets.UTF_8)))) {
                            count++;
                        }
                    } catch (RuntimeException e) {
                        // The floor only times parsing; files SnakeYAML rejects count as far as it got.
                    }
                    return count;
                })
                .sum();
    }

    private static double median(Runnable task) {
        return Measure.median(task, WARMUP, MEASURED);
    }
}

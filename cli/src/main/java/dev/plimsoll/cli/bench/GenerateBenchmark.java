package dev.plimsoll.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Rendering;
import dev.plimsoll.generator.WriteResult;
import dev.plimsoll.generator.internal.kustomize.Factoring;
import dev.plimsoll.generator.internal.kustomize.Layout;
import dev.plimsoll.generator.internal.model.ModelBuilder;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures generating the {@link SyntheticPlatform} (200 apps × 3 environments) and prints the numbers: warm in-process
 * times of each stage (model, factoring and YAML, lint) and of a whole render, writing the tree, peak heap of one
 * render, and the cold wall time of a CLI process that generates it. Targets: warm render under 1 s, cold CLI under
 * 3 s on 2 cores.
 *
 * <p>Usage: {@code java -cp plimsoll.jar dev.plimsoll.cli.bench.GenerateBenchmark [LAUNCHER]}, where LAUNCHER is
 * {@code bin/plimsoll} (cold processes are started through it, as a user starts them); {@code
 * bin/plimsoll-generate-bench} runs it.
 */
public final class GenerateBenchmark {

    private static final int WARMUP = 5;
    private static final int MEASURED = 7;
    private static final int COLD_RUNS = 3;

    private GenerateBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "machine       %d cores available to the JVM; load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        // Cold processes first: this JVM has rendered nothing yet, so no compilation or collection of its own competes
        // with them for the cores.
        if (args.length > 0) {
            cold(Path.of(args[0]));
        }

        Supplier<Platform> platform = () -> new SyntheticPlatform().define();
        Generator generator = Generator.builder().hydrate(true).build();
        Rendering once = generator.render(platform.get());
        long objects = once.model().environments().stream()
                .mapToLong(env -> once.model().objects(env).size())
                .sum();
        long bytes =
                once.tree().files().values().stream().mapToLong(b -> b.length).sum();
        System.out.printf(
                Locale.ROOT,
                "platform      %d apps x %d environments: %d objects; %d files, %.1f MB (with rendered/)%n",
                SyntheticPlatform.APPS,
                once.model().environments().size(),
                objects,
                once.tree().files().size(),
                bytes / 1e6);
        System.out.printf(
                Locale.ROOT,
                "lint          %d active findings%n",
                once.lint().active().size());

        for (int i = 0; i < WARMUP; i++) {
            generator.render(platform.get());
        }
        double model = median(() -> ModelBuilder.build(platform.get()));
        PlatformModel built = ModelBuilder.build(platform.get());
        double factor = median(() -> serialize(Factoring.factor(built, true)));
        Layout layout = Factoring.factor(built, true);
        Linter linter = Linter.builder().build();
        double lint = median(() -> once.model().environments().parallelStream()
                .forEach(env -> linter.lint(
                        LintRequest.ofSources(sources(once, layout, env.name())).withEnvironment(env.name()))));
        double render = median(() -> generator.render(platform.get()));
        long peakHeap = Measure.peakHeapOf(() -> generator.render(platform.get()));
        System.out.printf(
                Locale.ROOT,
                "warm render   %7.0f ms  (target < 1000 ms, lint included): model %.0f ms, factoring + YAML %.0f ms,"
                        + " lint %.0f ms (stages timed apart)%n",
                render,
                model,
                factor,
                lint);

        Path out = Files.createTempDirectory("plimsoll-generate-bench");
        try {
            long start = System.nanoTime();
            WriteResult first = generator.write(platform.get(), out);
            double firstWrite = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            WriteResult again = generator.write(platform.get(), out);
            double secondWrite = (System.nanoTime() - start) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "warm write    %7.0f ms  %d files written to an empty directory; again: %.0f ms, %d written%n",
                    firstWrite,
                    first.written().size(),
                    secondWrite,
                    again.written().size());
        } finally {
            Measure.deleteRecursively(out);
        }
        System.out.printf(
                Locale.ROOT, "peak heap     %7.0f MB  (one warm render, sum of heap pool peaks)%n", peakHeap / 1e6);
        System.out.printf(
                Locale.ROOT,
                "load average  %s at the end (other work on the machine skews wall times)%n",
                loadAverage());
    }

    /** The 1-minute load average, which says how much else the machine was doing. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    /** The hydrated files of {@code env} with their trees, as the generator lints them. */
    private static List<Source> sources(Rendering rendering, Layout layout, String env) {
        String prefix = "rendered/" + env + "/";
        return rendering.tree().files().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new Source(e.getKey(), e.getValue(), layout.files().get(e.getKey())))
                .toList();
    }

    private static int serialize(Layout layout) {
        int length = 0;
        for (JsonNode document : layout.files().values()) {
            length += CanonicalYaml.write(document).length();
        }
        return length;
    }

    /**
     * Cold CLI processes, started through the launcher the way a user starts them: a first generation into an empty
     * directory, with and without {@code rendered/}, then checking a current tree (the CI gate) and regenerating it
     * (nothing to write). The first write creates thousands of files; how long the file system alone takes to create
     * that many is measured just before, because on some disks that alone exceeds the target.
     */
    private static void cold(Path launcher) throws Exception {
        Path current = emptyDirectory();
        try {
            generate(launcher, current, "--hydrate"); // the tree that the check and regeneration runs find current
            List<String> files;
            try (Stream<Path> written = Files.walk(current)) {
                files = written.filter(Files::isRegularFile)
                        .map(file -> current.relativize(file).toString())
                        .filter(file -> !file.startsWith(".plimsoll"))
                        .toList();
            }
            Path floor = emptyDirectory();
            try {
                long start = System.nanoTime();
                createFiles(floor, files);
                System.out.printf(
                        Locale.ROOT,
                        "file floor    %7.0f ms  creating the same %d files empty, in-process, 4 threads: what the file"
                                + " system alone needs for a first write%n",
                        (System.nanoTime() - start) / 1e6,
                        files.size());
            } finally {
                Measure.deleteRecursively(floor);
            }
            coldRun("cold first", launcher, null, "--hydrate");
            coldRun("cold first", launcher, null);
            coldRun("cold check", launcher, current, "--hydrate", "--check");
            coldRun("cold regen", launcher, current, "--hydrate");
        } finally {
            Measure.deleteRecursively(current);
        }
    }

    private static Path emptyDirectory() throws IOException {
        return Files.createTempDirectory("plimsoll-generate-cold");
    }

    /** Times {@code generate} on {@code tree}, or, when it is {@code null}, into a new empty directory each time. */
    private static void coldRun(String label, Path launcher, Path tree, String... options)
            throws IOException, InterruptedException {
        boolean fresh = tree == null;
        long[] times = new long[COLD_RUNS];
        int files = 0;
        for (int i = 0; i < COLD_RUNS; i++) {
            Path out = fresh ? emptyDirectory() : tree;
            long start = System.nanoTime();
            generate(launcher, out, options);
            times[i] = (System.nanoTime() - start) / 1_000_000;
            if (fresh) {
                try (Stream<Path> written = Files.walk(out)) {
                    files = (int) written.filter(Files::isRegularFile).count();
                }
                Measure.deleteRecursively(out);
            }
        }
        Arrays.sort(times);
        System.out.printf(
                Locale.ROOT,
                "%-13s %7d ms  (median of %d processes, min %d ms; target < 3000 ms): generate %s%s%n",
                label,
                times[COLD_RUNS / 2],
                COLD_RUNS,
                times[0],
                String.join(" ", options),
                fresh ? " into an empty directory, " + files + " files written" : " on a current tree");
    }

    /** Runs {@code generate} in a new process through {@code launcher}; fails unless it exits 0. */
    private static void generate(Path launcher, Path out, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", launcher.toString(), "generate", "--class", SyntheticPlatform.class.getName()));
        command.addAll(List.of(options));
        command.addAll(List.of("--out", out.toString()));
        ProcessBuilder process =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int exit = process.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the CLI exited " + exit + " (" + command + ")");
        }
    }

    private static void createFiles(Path root, Collection<String> paths) throws Exception {
        for (String path : paths) {
            Files.createDirectories(root.resolve(path).getParent());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> created = new ArrayList<>();
            for (String path : paths) {
                created.add(pool.submit(() -> Files.createFile(root.resolve(path))));
            }
            for (Future<Path> file : created) {
                file.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(Runnable task) {
        return Measure.median(task, WARMUP, MEASURED);
    }
}

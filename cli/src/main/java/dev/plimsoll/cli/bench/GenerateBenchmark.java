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
import java.util.Collections;
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
 * <p>Usage: {@code java -cp plimsoll.jar dev.plimsoll.cli.bench.GenerateBenchmark [LAUNCHER [SCRATCH]]}, where
 * LAUNCHER is {@code bin/plimsoll} (cold processes are started through it, as a user starts them; without it, only the
 * warm stages run) and SCRATCH the directory to write the trees under (default: the system's temporary directory; all
 * is deleted at the end); {@code bin/plimsoll-generate-bench [SCRATCH]} runs it.
 */
public final class GenerateBenchmark {

    private static final int WARMUP = 5;
    private static final int MEASURED = 7;
    private static final int COLD_RUNS = 3;
    /** Above this, creating a file is slow for a local disk: the file floor line says so. */
    private static final double SLOW_FILE_MICROS = 200;

    private GenerateBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "machine       %d cores available to the JVM; load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        // Nothing the benchmark writes is deleted before the end: on some file systems creating files soon after many
        // were deleted is far slower (see fileFloor), and the benchmark would otherwise measure its own clean-up.
        Path scratch = args.length > 1
                ? Files.createTempDirectory(Files.createDirectories(Path.of(args[1])), "plimsoll-generate-bench")
                : Files.createTempDirectory("plimsoll-generate-bench");
        try {
            // Cold processes first, before this JVM's warm-up, so that its compilations and collections do not compete
            // with them for the cores.
            if (args.length > 0) {
                cold(Path.of(args[0]), scratch);
            }
            warm(scratch.resolve("warm"));
        } finally {
            Measure.deleteRecursively(scratch);
        }
        System.out.printf(
                Locale.ROOT,
                "load average  %s at the end (other work on the machine skews wall times)%n",
                loadAverage());
    }

    /** The warm in-process stages, a warm write into {@code out} (empty) and again, and peak heap. */
    private static void warm(Path out) throws IOException {
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
        System.out.printf(
                Locale.ROOT, "peak heap     %7.0f MB  (one warm render, sum of heap pool peaks)%n", peakHeap / 1e6);
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
     * Cold CLI processes, started through the launcher the way a user starts them: first generations into empty
     * directories, with and without {@code rendered/}, then checking a current tree (the CI gate) and regenerating it
     * (nothing to write). A first write creates thousands of files, so the time the file system alone takes to create
     * as many is measured before and after those runs: it says whether the disk was in a state to be fast.
     */
    private static void cold(Path launcher, Path scratch) throws Exception {
        // The floor needs the tree's paths: one render here, before the cold processes; its compilations are over by
        // the time the floor has been measured.
        List<String> paths = List.copyOf(Generator.builder()
                .hydrate(true)
                .build()
                .render(new SyntheticPlatform().define())
                .tree()
                .files()
                .keySet());
        fileFloor("file floor", scratch.resolve("floor-before"), paths);
        List<Path> firsts = newDirectories(scratch, "first-hydrated-");
        coldRun("cold first", launcher, firsts, "--hydrate");
        coldRun("cold first", launcher, newDirectories(scratch, "first-"));
        fileFloor("file floor", scratch.resolve("floor-after"), paths);
        Path current = firsts.get(0);
        coldRun("cold check", launcher, Collections.nCopies(COLD_RUNS, current), "--hydrate", "--check");
        coldRun("cold regen", launcher, Collections.nCopies(COLD_RUNS, current), "--hydrate");
    }

    /** Paths for {@link #COLD_RUNS} directories under {@code scratch} that do not exist yet. */
    private static List<Path> newDirectories(Path scratch, String prefix) {
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            directories.add(scratch.resolve(prefix + i));
        }
        return directories;
    }

    /**
     * Times creating the files of the synthetic platform's tree, empty, on four threads: what a first write costs the
     * file system alone. Normally some 20 to 100 µs a file; on ext4 without a journal, creating files within minutes of
     * deleting many in the same block groups costs ten times that, because the kernel scans the recently freed inodes
     * on every allocation so as not to reuse them.
     */
    private static void fileFloor(String label, Path root, List<String> paths) throws Exception {
        long start = System.nanoTime();
        createFiles(root, paths);
        double millis = (System.nanoTime() - start) / 1e6;
        double perFile = millis * 1000 / paths.size();
        System.out.printf(
                Locale.ROOT,
                "%-13s %7.0f ms  creating the tree's %d files empty, in-process, 4 threads: %.0f us a file%s%n",
                label,
                millis,
                paths.size(),
                perFile,
                perFile > SLOW_FILE_MICROS ? " (slow: see the README on file systems right after deletions)" : "");
    }

    /** Times {@code generate} once into each of {@code trees}: new directories, or the same current tree again. */
    private static void coldRun(String label, Path launcher, List<Path> trees, String... options)
            throws IOException, InterruptedException {
        boolean fresh = !Files.exists(trees.get(0));
        long[] times = new long[trees.size()];
        for (int i = 0; i < trees.size(); i++) {
            long start = System.nanoTime();
            generate(launcher, trees.get(i), options);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long files;
        try (Stream<Path> written = Files.walk(trees.get(0))) {
            files = written.filter(Files::isRegularFile).count();
        }
        Arrays.sort(times);
        System.out.printf(
                Locale.ROOT,
                "%-13s %7d ms  (median of %d processes, min %d ms; target < 3000 ms): generate %s%s%n",
                label,
                times[times.length / 2],
                times.length,
                times[0],
                String.join(" ", options),
                fresh ? " into an empty directory, " + files + " files written" : " on a current tree");
    }

    /** Runs {@code generate} in a new process through {@code launcher}; fails unless it exits 0. */
    private static void generate(Path launcher, Path out, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("generate", "--class", SyntheticPlatform.class.getName()));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--out", out.toString()));
        int exit = Measure.runCli(launcher, "", arguments);
        if (exit != 0) {
            throw new IllegalStateException("the CLI exited " + exit + " (" + arguments + ")");
        }
    }

    private static void createFiles(Path root, Collection<String> paths) throws Exception {
        for (Path directory : paths.stream()
                .map(path -> root.resolve(path).getParent())
                .distinct()
                .toList()) {
            Files.createDirectories(directory);
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

package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns a lint request's paths and sources into manifests with positions, reporting bad input as findings.
 *
 * <p>Files are listed first ({@link InputWalker}), then read and parsed in parallel, biggest first, on as many threads
 * as there are processors; results are put back in input order, so the outcome does not depend on scheduling. Files
 * that a kustomization in the walked tree reads as patches or generator inputs are dropped afterwards.
 */
public final class ManifestLoader {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LintConfig config;
    private final InputReader reader;

    public ManifestLoader(LintConfig config) {
        this(config, YamlReader.Limits.DEFAULT);
    }

    ManifestLoader(LintConfig config, YamlReader.Limits limits) {
        this.config = Objects.requireNonNull(config, "config");
        this.reader = new InputReader(limits);
    }

    /** Loads every input at once; {@link #loadEach} holds less in memory. */
    public LoadResult load(LintRequest request) {
        List<Manifest> manifests = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        long[] counts = new long[3];
        loadEach(request, batch -> {
            manifests.addAll(batch.manifests());
            problems.addAll(batch.problems());
            counts[0] += batch.stats().files();
            counts[1] += batch.stats().documents();
            counts[2] += batch.stats().bytes();
        });
        return new LoadResult(
                manifests, problems, new Report.Stats((int) counts[0], (int) counts[1], manifests.size(), counts[2]));
    }

    /**
     * Loads the inputs one environment at a time (inputs without one form their own group), handing each group to
     * {@code environment} before reading the next. Environments never see each other's objects, so a lint holds one
     * environment's documents in memory at a time. Walk problems arrive with the first group.
     */
    public void loadEach(LintRequest request, Consumer<LoadResult> environment) {
        Environments environments = new Environments(config.environments(), request.environment());
        InputWalker.Walked walked = InputWalker.walk(request, environments);

        // Kustomizations are read first: they say which files are patches and generator inputs, not resources.
        List<Input> kustomizationFiles = walked.inputs().stream()
                .filter(input -> Kustomizations.isKustomizationFile(input.fileName()))
                .toList();
        List<InputReader.Loaded> kustomizations = readAll(kustomizationFiles);
        Set<Path> kustomizeInputs = new HashSet<>();
        for (InputReader.Loaded each : kustomizations) {
            if (each.kustomization() != null && each.input().path() != null) {
                Kustomizations.references(
                        each.kustomization(), each.input().path().getParent(), kustomizeInputs);
            }
        }

        Map<String, List<Input>> groups = new TreeMap<>();
        for (Input input : walked.inputs()) {
            boolean consumedByKustomize = input.path() != null && kustomizeInputs.contains(input.path());
            if (!consumedByKustomize && !Kustomizations.isKustomizationFile(input.fileName())) {
                groups.computeIfAbsent(Objects.requireNonNullElse(input.environment(), ""), k -> new ArrayList<>())
                        .add(input);
            }
        }
        List<Finding> pending = new ArrayList<>(walked.problems());
        List<InputReader.Loaded> pendingKustomizations = new ArrayList<>(kustomizations);
        if (groups.isEmpty()) {
            environment.accept(result(pendingKustomizations, pending));
            return;
        }
        for (List<Input> group : groups.values()) {
            List<InputReader.Loaded> loaded = new ArrayList<>(pendingKustomizations);
            loaded.addAll(readAll(group));
            environment.accept(result(loaded, pending));
            pending = new ArrayList<>();
            pendingKustomizations = List.of();
        }
    }

    private static LoadResult result(List<InputReader.Loaded> loaded, List<Finding> walkProblems) {
        List<Manifest> manifests = new ArrayList<>();
        List<Finding> problems = new ArrayList<>(walkProblems);
        int files = 0;
        int documents = 0;
        long bytes = 0;
        for (InputReader.Loaded each : loaded) {
            manifests.addAll(each.manifests());
            problems.addAll(each.findings());
            if (each.read()) {
                files++;
                documents += each.documents();
                bytes += each.bytes();
            }
        }
        return new LoadResult(manifests, problems, new Report.Stats(files, documents, manifests.size(), bytes));
    }

    private List<InputReader.Loaded> readAll(List<Input> inputs) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), inputs.size());
        if (threads <= 1) {
            return inputs.stream().map(reader::read).toList();
        }
        // Biggest first, so that no thread is left with one large file while the others are done.
        List<Integer> order = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> inputs.get(i).size()).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "plimsoll-load-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<InputReader.Loaded>> futures = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                futures.add(null);
            }
            for (int i : order) {
                Input input = inputs.get(i);
                futures.set(i, pool.submit(() -> reader.read(input)));
            }
            List<InputReader.Loaded> out = new ArrayList<>(inputs.size());
            for (Future<InputReader.Loaded> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading manifests", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("loading manifests failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

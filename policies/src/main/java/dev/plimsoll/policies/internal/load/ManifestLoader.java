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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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

    public LoadResult load(LintRequest request) {
        Environments environments = new Environments(config.environments(), request.environment());
        InputWalker.Walked walked = InputWalker.walk(request, environments);
        List<InputReader.Loaded> loaded = readAll(walked.inputs());

        Set<Path> kustomizeInputs = new HashSet<>();
        for (InputReader.Loaded each : loaded) {
            if (each.kustomization() != null && each.input().path() != null) {
                Kustomizations.references(
                        each.kustomization(), each.input().path().getParent(), kustomizeInputs);
            }
        }

        List<Manifest> manifests = new ArrayList<>();
        List<Finding> problems = new ArrayList<>(walked.problems());
        int files = 0;
        int documents = 0;
        long bytes = 0;
        for (InputReader.Loaded each : loaded) {
            if (each.input().path() != null
                    && kustomizeInputs.contains(each.input().path())) {
                continue;
            }
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

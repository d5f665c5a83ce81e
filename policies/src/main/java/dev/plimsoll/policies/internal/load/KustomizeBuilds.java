package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.internal.engine.Findings;
import dev.plimsoll.policies.kustomize.KustomizeBuild;
import dev.plimsoll.policies.kustomize.KustomizeProblem;
import dev.plimsoll.policies.kustomize.KustomizeRenderer;
import dev.plimsoll.policies.kustomize.RenderedObject;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the Kustomize entry points among the linted inputs: every kustomization that no other linted kustomization
 * includes (as a resource, base or component) and that is not a component. Each build becomes one environment, named
 * by the config's path mapping, else by the overlay directory ({@code overlays/prod} is {@code prod}), else by the
 * kustomization's directory. The files a successful build read are consumed: they are linted as built, not on their
 * own.
 */
final class KustomizeBuilds {

    /** One entry point's build, as manifests of its environment. */
    record Build(String directory, String environment, List<Manifest> manifests, Set<Path> files) {}

    /** Every build, the problems of the failed ones, and the files the successful ones consumed. */
    record Outcome(List<Build> builds, List<Finding> problems, Set<Path> consumed) {}

    private KustomizeBuilds() {}

    static Outcome run(
            Path root,
            List<InputReader.Loaded> kustomizations,
            Environments environments,
            KustomizeRenderer.External external) {
        TreeMap<String, Path> entries = new TreeMap<>();
        Set<Path> included = new HashSet<>();
        for (InputReader.Loaded loaded : kustomizations) {
            Path file = loaded.input().path();
            MappingNode kustomization = loaded.kustomization();
            if (file == null || kustomization == null) {
                continue;
            }
            Path dir = file.getParent();
            for (String field : List.of("resources", "bases", "components")) {
                if (kustomization.get(field) instanceof SequenceNode list) {
                    for (Node item : list.items()) {
                        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                            try {
                                included.add(dir.resolve(scalar.value()).normalize());
                            } catch (InvalidPathException e) {
                                // Not a path; the build reports it.
                            }
                        }
                    }
                }
            }
            boolean component =
                    kustomization.string("kind").filter("Component"::equals).isPresent();
            if (!component) {
                entries.put(loaded.input().file(), dir);
            }
        }
        KustomizeRenderer renderer = KustomizeRenderer.of(root, external);
        List<Path> dirs = new ArrayList<>();
        for (Path dir : entries.values()) {
            if (!included.contains(dir)) {
                dirs.add(dir);
            }
        }
        List<KustomizeBuild> results = buildAll(renderer, dirs);
        List<Build> builds = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        Set<Path> consumed = new HashSet<>();
        for (KustomizeBuild result : results) {
            String environment = environment(result.directory(), root, environments);
            if (!result.succeeded()) {
                problems.add(problem(result, environment));
                continue;
            }
            consumed.addAll(result.files());
            List<Manifest> manifests = new ArrayList<>();
            for (RenderedObject object : result.objects()) {
                manifests.add(object.manifest(environment));
            }
            builds.add(new Build(result.directory(), environment, manifests, result.files()));
        }
        return new Outcome(builds, problems, consumed);
    }

    private static List<KustomizeBuild> buildAll(KustomizeRenderer renderer, List<Path> dirs) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), dirs.size());
        if (threads <= 1) {
            return dirs.stream().map(renderer::render).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "plimsoll-kustomize");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<KustomizeBuild>> futures = new ArrayList<>();
            for (Path dir : dirs) {
                futures.add(pool.submit(() -> renderer.render(dir)));
            }
            List<KustomizeBuild> out = new ArrayList<>();
            for (Future<KustomizeBuild> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building kustomizations", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building kustomizations failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The environment of a build: the request's or the config's (matched against the kustomization file's path), else
     * the name after {@code overlays/}, else the directory's path (its name for the root).
     */
    static String environment(String directory, Path root, Environments environments) {
        String kustomizationFile = directory.equals(".") ? "kustomization.yaml" : directory + "/kustomization.yaml";
        String configured = environments.of(kustomizationFile);
        if (configured != null) {
            return configured;
        }
        String overlay = Environments.segmentAfter(directory, "overlays");
        if (overlay != null) {
            return overlay;
        }
        if (directory.equals(".")) {
            Path name = root.toAbsolutePath().normalize().getFileName();
            return name == null ? "." : name.toString();
        }
        return directory;
    }

    private static Finding problem(KustomizeBuild build, String environment) {
        KustomizeProblem problem = build.problem();
        Diagnostic diagnostic =
                switch (problem.kind()) {
                    case UNSUPPORTED -> Diagnostic.KUSTOMIZE_UNSUPPORTED;
                    case PATH_ESCAPE -> Diagnostic.KUSTOMIZE_PATH_ESCAPE;
                    case FAILED, EXTERNAL -> Diagnostic.KUSTOMIZE_BUILD;
                    case INTERNAL -> Diagnostic.TOOL_ERROR;
                };
        String message = "building " + build.directory() + ": " + problem.message();
        return Findings.diagnostic(
                diagnostic, new Location(problem.file(), problem.line(), problem.column(), ""), environment, message);
    }

    static boolean isKustomizationDirectory(Path dir) {
        return Files.isDirectory(dir) && KustomizeRenderer.isKustomization(dir);
    }

    static String separators(String path) {
        return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
    }
}

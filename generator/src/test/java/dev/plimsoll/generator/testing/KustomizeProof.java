package dev.plimsoll.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Rendering;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code kubectl kustomize} on generated trees and records each outcome, {@code proved <subject> <env>}
 * or {@code skipped <subject>: …}, for {@link #writeMarker()} to put in {@code target/kustomize-proof.txt}, which
 * {@code .ci/run} requires to hold proofs and no skip. Shared by the generator's tests and the example platforms'.
 */
public final class KustomizeProof {

    public static final Path MARKER = Path.of("target/kustomize-proof.txt");

    private final List<String> outcomes = new ArrayList<>();

    /** kubectl from the PATH; without it, records the skip, says so loudly and aborts the calling test. */
    public Path kubectlOrSkip(String subject) {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            String message = "KUSTOMIZE PROOF SKIPPED for " + subject + ": kubectl is not on the PATH; install kubectl"
                    + " (with its built-in kustomize) to prove the tree builds into the model";
            System.err.println("!!!!! " + message + " !!!!!");
            record("skipped " + subject + ": kubectl not found");
            Assumptions.abort(message);
        }
        return kubectl.get();
    }

    /**
     * Proves that {@code kubectl kustomize overlays/<env>}, run in {@code directory}, prints every environment's model
     * byte for byte.
     */
    public void everyOverlay(String subject, Rendering rendering, Path directory)
            throws IOException, InterruptedException {
        Path kubectl = kubectlOrSkip(subject);
        for (Environment environment : rendering.model().environments()) {
            String overlay = "overlays/" + environment.name();
            assertThat(kustomize(kubectl, directory, overlay))
                    .as("kubectl kustomize " + overlay + " in " + directory)
                    .isEqualTo(CanonicalYaml.writeAll(rendering.model().objects(environment)));
            proved(subject, environment);
        }
    }

    /** What {@code kubectl kustomize <overlay> <more…>} prints, run in {@code directory}; fails when kubectl fails. */
    public static String kustomize(Path kubectl, Path directory, String overlay, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "kustomize", overlay));
        command.addAll(List.of(more));
        Process process =
                new ProcessBuilder(command).directory(directory.toFile()).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("kubectl finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("kubectl kustomize " + overlay + ": " + stderr)
                .isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public void proved(String subject, Environment environment) {
        record("proved " + subject + " " + environment.name());
    }

    private synchronized void record(String outcome) {
        outcomes.add(outcome);
    }

    /** Writes every outcome recorded so far to {@link #MARKER}, replacing an earlier run's. */
    public synchronized void writeMarker() throws IOException {
        Files.createDirectories(MARKER.getParent());
        Files.write(MARKER, outcomes, StandardCharsets.UTF_8);
    }

    private static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}

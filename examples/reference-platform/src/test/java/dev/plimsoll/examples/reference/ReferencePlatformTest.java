package dev.plimsoll.examples.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.Rendering;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Severity;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reference platform at the repository root: the committed {@code base/} and {@code overlays/} are exactly what the
 * Java generates (regenerate with {@code -Dplimsoll.reference.update=true}), its lint has no errors, and {@code kubectl
 * kustomize overlays/<env>} builds each environment's model byte for byte.
 */
class ReferencePlatformTest {

    /** The repository root, where the generated tree is committed (the module runs two levels below it). */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    static final Path MARKER = Path.of("target/kustomize-proof.txt");
    private static final List<String> OUTCOMES = new ArrayList<>();

    private final Generator generator = Generator.builder().build();
    private final Platform platform = new ReferencePlatform().define();

    @Test
    void committedTree_isWhatTheJavaGenerates() throws IOException {
        // given
        if (Boolean.getBoolean("plimsoll.reference.update")) {
            generator.write(platform, ROOT);
        }

        // when
        CheckResult check = generator.check(platform, ROOT);

        // then
        assertThat(check.changes())
                .as("base/ and overlays/ are stale; regenerate with"
                        + " mvn -pl examples/reference-platform -am test -Dplimsoll.reference.update=true")
                .isEmpty();
    }

    @Test
    void labTree_isWhatTheJavaGenerates() throws IOException {
        // given
        Platform lab = new LabPlatform().define();
        Path directory = ROOT.resolve("examples/lab-platform");
        if (Boolean.getBoolean("plimsoll.reference.update")) {
            generator.write(lab, directory);
        }

        // when
        CheckResult check = generator.check(lab, directory);

        // then
        assertThat(check.changes()).as("examples/lab-platform is stale").isEmpty();
        assertThat(generator.render(lab).lint().active().stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .toList())
                .isEmpty();
    }

    @Test
    void lint_everyEnvironment_hasNoErrorsAndEveryWaiverHasAReason() {
        // when
        Rendering rendering = generator.render(platform);

        // then
        List<Finding> errors = rendering.lint().active().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .toList();
        assertThat(errors).isEmpty();
        long warnings = rendering.lint().active().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .count();
        System.out.println("reference platform: " + warnings + " lint warnings, "
                + rendering.lint().findings().stream()
                        .filter(f -> f.waiver() != null)
                        .count() + " waived");
        rendering.lint().findings().stream()
                .filter(f -> f.waiver() != null)
                .forEach(f -> assertThat(f.waiver().reason()).isNotBlank());
    }

    @Test
    void kubectlKustomize_everyOverlay_printsTheModelByteForByte() throws Exception {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            String message = "KUSTOMIZE PROOF SKIPPED for the reference platform: kubectl is not on the PATH";
            System.err.println("!!!!! " + message + " !!!!!");
            OUTCOMES.add("skipped reference-platform: kubectl not found");
            Assumptions.abort(message);
        }
        Rendering rendering = generator.render(platform);
        for (Environment environment : rendering.model().environments()) {
            // when
            String built = kustomize(kubectl.get(), "overlays/" + environment.name());

            // then
            assertThat(built)
                    .as("kubectl kustomize overlays/" + environment.name())
                    .isEqualTo(CanonicalYaml.writeAll(rendering.model().objects(environment)));
            OUTCOMES.add("proved reference-platform " + environment.name());
        }
    }

    private static String kustomize(Path kubectl, String overlay) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay)
                .directory(ROOT.toFile())
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("kubectl kustomize " + overlay + ": " + stderr)
                .isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    static Optional<Path> kubectl() {
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

    @AfterAll
    static void writeMarker() throws IOException {
        Files.createDirectories(MARKER.getParent());
        Files.write(MARKER, OUTCOMES, StandardCharsets.UTF_8);
    }
}

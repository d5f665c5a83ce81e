package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.generator.testing.KustomizeProof;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kustomize proof: for every scenario and environment, {@code kubectl kustomize overlays/<env>} on the written tree
 * prints exactly the environment's model — the same bytes as its hydrated files, in order — and {@code kubectl kustomize
 * -o DIR} writes exactly the hydrated files, under the same names. Needs {@code kubectl} on the
 * PATH; without it the proofs are skipped loudly, and {@link KustomizeProof#MARKER} records the skip, which
 * {@code .ci/run} treats as a failure.
 */
class KustomizeProofTest {

    private static final KustomizeProof PROOF = new KustomizeProof();

    @TempDir
    Path out;

    static Stream<Arguments> scenarios() {
        return GoldenTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void kubectlKustomize_everyOverlay_printsTheModelByteForByte(String name, Supplier<Platform> platform)
            throws Exception {
        Path kubectl = PROOF.kubectlOrSkip(name);
        // given
        Generator generator = Generator.builder().hydrate(true).build();
        Platform definition = platform.get();
        generator.write(definition, out);
        Rendering rendering = generator.render(definition);

        for (Environment environment : rendering.model().environments()) {
            // when
            String built = KustomizeProof.kustomize(kubectl, out, "overlays/" + environment.name());

            // then
            String expected = CanonicalYaml.writeAll(rendering.model().objects(environment));
            assertThat(built)
                    .as("kubectl kustomize overlays/" + environment.name())
                    .isEqualTo(expected);
            assertThat(built).isEqualTo(hydrated(rendering, environment));
            assertThat(kustomizeToDirectory(kubectl, environment))
                    .as("kubectl kustomize overlays/" + environment.name() + " -o DIR")
                    .isEqualTo(renderedFiles(rendering, environment));
            PROOF.proved(name, environment);
        }
    }

    /** The environment's hydrated files, in model order, joined as a stream. */
    private static String hydrated(Rendering rendering, Environment environment) {
        List<String> documents = new ArrayList<>();
        String prefix = "rendered/" + environment.name() + "/";
        rendering.tree().files().forEach((path, bytes) -> {
            if (path.startsWith(prefix)) {
                documents.add(new String(bytes, StandardCharsets.UTF_8));
            }
        });
        assertThat(documents).hasSameSizeAs(rendering.model().objects(environment));
        List<String> ordered = rendering.model().objects(environment).stream()
                .map(CanonicalYaml::write)
                .toList();
        assertThat(documents).containsExactlyInAnyOrderElementsOf(ordered);
        return String.join("---\n", ordered);
    }

    /** What {@code kubectl kustomize -o DIR} writes: file name → content. */
    private Map<String, String> kustomizeToDirectory(Path kubectl, Environment environment)
            throws IOException, InterruptedException {
        Path directory = out.resolve("kustomize-o-" + environment.name());
        Files.createDirectories(directory);
        KustomizeProof.kustomize(kubectl, out, "overlays/" + environment.name(), "-o", directory.toString());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** The environment's {@code rendered/<env>/} files: file name → content. */
    private static Map<String, String> renderedFiles(Rendering rendering, Environment environment) {
        Map<String, String> files = new TreeMap<>();
        String prefix = "rendered/" + environment.name() + "/";
        rendering.tree().files().forEach((path, bytes) -> {
            if (path.startsWith(prefix)) {
                files.put(path.substring(prefix.length()), new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return files;
    }

    @AfterAll
    static void writeMarker() throws IOException {
        PROOF.writeMarker();
    }
}

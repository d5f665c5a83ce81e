package dev.plimsoll.examples.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void checkoutDatabase_everyEnvironment_dumpsIntoItsVolumeBeforeTheSixHourlyBackup() throws IOException {
        // given
        String dump = "mkdir -p /var/lib/postgresql/data/dumps && pg_dump --username=postgres --format=custom"
                + " --file=/var/lib/postgresql/data/dumps/checkout.dump.partial checkout"
                + " && mv /var/lib/postgresql/data/dumps/checkout.dump.partial"
                + " /var/lib/postgresql/data/dumps/checkout.dump";

        // when
        Rendering rendering = generator.render(platform);

        for (Environment environment : rendering.model().environments()) {
            List<JsonNode> objects = rendering.model().objects(environment);
            JsonNode database = find(objects, "StatefulSet", "checkout-db");
            JsonNode annotations = database.at("/spec/template/metadata/annotations");

            // then: exactly Velero's hook, its command a JSON array that runs pg_dump in the database's container
            assertThat(JSON.convertValue(annotations, Map.class))
                    .as(environment.name())
                    .isEqualTo(Map.of(
                            "pre.hook.backup.velero.io/container", "checkout-db",
                            "pre.hook.backup.velero.io/command", "[\"/bin/sh\", \"-c\", \"" + dump + "\"]",
                            "pre.hook.backup.velero.io/timeout", "10m"));
            assertThat(JSON.readValue(
                            annotations.get("pre.hook.backup.velero.io/command").asText(), List.class))
                    .containsExactly("/bin/sh", "-c", dump);
            assertThat(database.at("/spec/template/spec/containers/0/name").asText())
                    .isEqualTo("checkout-db");
            // the dump lands on the claimed volume, in a namespace the 6-hourly schedule backs up
            assertThat(database.at("/spec/template/spec/containers/0/volumeMounts/1")
                            .toString())
                    .isEqualTo("{\"mountPath\":\"/var/lib/postgresql/data\",\"name\":\"data\"}");
            assertThat(database.at("/spec/volumeClaimTemplates/0/metadata/name").asText())
                    .isEqualTo("data");
            assertThat(database.at("/metadata/namespace").asText()).isEqualTo("shop");
            assertThat(find(objects, "Schedule", "critical-6h")
                            .at("/spec/template/includedNamespaces")
                            .toString())
                    .contains("\"shop\"");
        }
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind)
                        && o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow();
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

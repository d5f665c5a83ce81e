package dev.plimsoll.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Rendering;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tests of a platform whose generated tree is committed: the tree is exactly what the Java generates (check mode;
 * the update property regenerates it), also under another default locale and time zone ({@link ForeignDefaults});
 * every environment lints without errors and every waiver has a reason; {@code kubectl kustomize overlays/<env>} builds
 * each environment's model byte for byte ({@link KustomizeProof}); and Argo CD's projects admit every chart Application
 * and every cluster-scoped object of the overlay.
 * A manifests repository's test extends it and names its platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CommittedPlatformTest {

    private final String name;
    private final Platform platform;
    private final Path directory;
    private final String updateProperty;
    private final Generator generator = Generator.builder().build();
    private final KustomizeProof proof = new KustomizeProof();

    /**
     * {@code name} names the platform in messages and proof lines; {@code directory} holds the committed
     * {@code base/} and {@code overlays/}; {@code -D<updateProperty>=true} regenerates them instead of checking.
     */
    protected CommittedPlatformTest(String name, Platform platform, Path directory, String updateProperty) {
        this.name = Objects.requireNonNull(name);
        this.platform = Objects.requireNonNull(platform);
        this.directory = directory.toAbsolutePath().normalize();
        this.updateProperty = Objects.requireNonNull(updateProperty);
    }

    @Test
    void committedTree_isWhatTheJavaGenerates() throws IOException {
        // given
        if (Boolean.getBoolean(updateProperty)) {
            generator.write(platform, directory);
        }

        // when
        CheckResult check = generator.check(platform, directory);

        // then
        assertThat(check.changes())
                .as("%s: base/ and overlays/ in %s are stale; regenerate with %s", name, directory, regenerate())
                .isEmpty();
    }

    @Test
    void committedTree_underForeignLocaleAndTimeZone_isStillWhatTheJavaGenerates() throws Exception {
        // when
        CheckResult check = ForeignDefaults.call(() -> generator.check(platform, directory));

        // then
        assertThat(check.changes())
                .as(
                        "%s: rendered under %s, base/ and overlays/ differ from the committed tree",
                        name, ForeignDefaults.DESCRIPTION)
                .isEmpty();
    }

    /** The Maven command that regenerates the tree, run from the reactor root (surefire names it plimsoll.repo). */
    private String regenerate() {
        Path module = Path.of("").toAbsolutePath();
        String root = System.getProperty("plimsoll.repo");
        String selection =
                root == null || Path.of(root).toAbsolutePath().normalize().equals(module)
                        ? ""
                        : "-pl " + Path.of(root).toAbsolutePath().normalize().relativize(module) + " -am ";
        return "mvn " + selection + "test -D" + updateProperty + "=true";
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
        List<Finding> waived = rendering.lint().findings().stream()
                .filter(f -> f.waiver() != null)
                .toList();
        System.out.println(name + ": " + warnings + " lint warnings, " + waived.size() + " waived");
        waived.forEach(f -> assertThat(f.waiver().reason())
                .as("reason of the %s waiver at %s", f.ruleId(), f.location())
                .isNotBlank());
    }

    @Test
    void argoCdProjects_everyEnvironment_allowEveryChartRepositoryAndClusterScopedKind() {
        // given
        PlatformModel model = generator.render(platform).model();

        for (Environment environment : model.environments()) {
            List<JsonNode> objects = model.objects(environment);
            Map<String, JsonNode> projects = new HashMap<>();
            objects.stream()
                    .filter(o -> o.path("kind").asText().equals("AppProject"))
                    .forEach(o -> projects.put(o.at("/metadata/name").asText(), o.path("spec")));
            List<JsonNode> applications = objects.stream()
                    .filter(o -> o.path("kind").asText().equals("Application"))
                    .toList();

            // then: Argo CD accepts each chart Application's source …
            for (JsonNode application : applications.stream()
                    .filter(a -> a.at("/spec/source").has("chart"))
                    .toList()) {
                JsonNode project = projects.get(application.at("/spec/project").asText());
                assertThat(project)
                        .as("%s: project of Application %s", environment, application.at("/metadata/name"))
                        .isNotNull();
                assertThat(texts(project.path("sourceRepos")))
                        .as(
                                "%s: sourceRepos of the project of Application %s",
                                environment, application.at("/metadata/name"))
                        .contains(application.at("/spec/source/repoURL").asText());
            }
            // … and the root Application, which applies the overlay, may create every cluster-scoped object in it
            JsonNode root = applications.stream()
                    .filter(a -> a.at("/spec/source/path").asText().equals("overlays/" + environment.name()))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError(environment + ": no Application syncs overlays/" + environment.name()));
            List<String> whitelist = new ArrayList<>();
            projects.get(root.at("/spec/project").asText())
                    .path("clusterResourceWhitelist")
                    .forEach(k -> whitelist.add(
                            k.path("group").asText() + "/" + k.path("kind").asText()));
            objects.stream()
                    .filter(o -> o.at("/metadata/namespace").asText().isEmpty())
                    .forEach(o -> {
                        String apiVersion = o.path("apiVersion").asText();
                        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                        assertThat(whitelist)
                                .as("%s: cluster-scoped %s %s", environment, o.path("kind"), o.at("/metadata/name"))
                                .contains(group + "/" + o.path("kind").asText());
                    });
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    @Test
    void kubectlKustomize_everyOverlay_printsTheModelByteForByte() throws Exception {
        proof.everyOverlay(name, generator.render(platform), directory);
    }

    @AfterAll
    void writeMarker() throws IOException {
        proof.writeMarker();
    }
}

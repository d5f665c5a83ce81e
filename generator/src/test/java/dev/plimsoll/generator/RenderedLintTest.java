package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator lints the trees it renders without parsing them back; its findings must be exactly those of linting the
 * written files, down to line and column.
 */
class RenderedLintTest {

    private static final Environment DEV = Environment.of("dev", 1, Environment.Tier.DEV);

    @Test
    void findingsOnRenderedTrees_pointWhereLintingTheWrittenFilesPoints() {
        // given: a raw Deployment that breaks several rules deep inside its pod spec
        Platform platform = Platform.named("acme")
                .environments(DEV)
                .manifests(Manifests.named("legacy").yaml("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: legacy
                          namespace: shop
                        spec:
                          replicas: 2
                          selector:
                            matchLabels:
                              app: legacy
                          template:
                            metadata:
                              labels:
                                app: legacy
                            spec:
                              initContainers:
                                - name: migrate
                                  image: registry.example.com/legacy-migrate:1.2
                              containers:
                                - name: legacy
                                  image: registry.example.com/legacy:latest
                                  ports:
                                    - containerPort: 8080
                        """));

        // when
        Rendering rendering = Generator.builder().hydrate(true).build().render(platform);

        // then
        List<Source> written = rendering.tree().files().entrySet().stream()
                .filter(file -> file.getKey().startsWith("rendered/dev/"))
                .map(file -> new Source(file.getKey(), file.getValue()))
                .toList();
        Report parsed =
                Linter.builder().build().lint(LintRequest.ofSources(written).withEnvironment("dev"));
        List<Finding> findings = rendering.lint().findings();
        assertThat(findings)
                .as("the legacy Deployment breaks rules on nested nodes")
                .anySatisfy(finding -> assertThat(finding.location().line()).isGreaterThan(10));
        assertThat(findings).containsExactlyElementsOf(parsed.findings());
        assertThat(rendering.lint().skips()).containsExactlyElementsOf(parsed.skips());
        assertThat(Map.of(
                        "files",
                        rendering.lint().stats().files(),
                        "objects",
                        rendering.lint().stats().objects()))
                .isEqualTo(Map.of(
                        "files",
                        parsed.stats().files(),
                        "objects",
                        parsed.stats().objects()));
    }
}

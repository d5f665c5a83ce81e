package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.config.LintConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HydratedOutputTest {

    private static final String LATEST_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: toolbox
              namespace: shop
            spec:
              containers:
                - name: toolbox
                  image: busybox:latest
                  resources:
                    requests: {cpu: 10m, memory: 16Mi}
                    limits: {memory: 16Mi}
            """;

    @TempDir
    Path repo;

    private void generate() throws Exception {
        Generator.builder().hydrate(true).build().write(Scenarios.oneApp(), repo);
    }

    private static List<String> lines(Report report) {
        return report.active().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.environment())
                .toList();
    }

    @Test
    void environments_hydratedTree_sortedDirectoryNames() throws Exception {
        // given
        generate();

        // when
        List<String> environments = HydratedOutput.environments(repo);

        // then
        assertThat(environments).containsExactly("dev", "prod", "staging");
        assertThat(HydratedOutput.environments(repo.resolve("nowhere"))).isEmpty();
    }

    @Test
    void lint_everyEnvironment_eachAsItselfSoNothingOverlapsAcrossEnvironments_alsoInAPlainLint() throws Exception {
        // given
        generate();
        Linter linter = Linter.builder().build();

        // when
        Report perEnvironment = HydratedOutput.lint(linter, repo, repo, List.of());
        Report plainLint = linter.lint(LintRequest.of(repo, repo.resolve("rendered")));

        // then: the three environments' budgets would select "the same" pods read as one set; a plain lint of
        // rendered/ also takes each rendered/<env>/ as its environment
        assertThat(lines(perEnvironment)).isEmpty();
        assertThat(perEnvironment.stats().files()).isEqualTo(33);
        assertThat(lines(plainLint)).isEmpty();
        assertThat(plainLint.stats().files()).isEqualTo(33);
    }

    @Test
    void lint_findingInOneEnvironment_carriesThatEnvironmentAndItsRules() throws Exception {
        // given
        generate();
        Files.writeString(repo.resolve("rendered/prod/v1_pod_toolbox.yaml"), LATEST_POD);
        Files.writeString(repo.resolve("rendered/dev/v1_pod_toolbox.yaml"), LATEST_POD);
        LintConfig config = LintConfig.parse("plimsoll.yaml", """
                environments:
                  - name: dev
                    paths: ["rendered/dev/**"]
                    rules:
                      image-digest: warning
                """);
        Linter linter = Linter.builder().config(config).build();

        // when
        Report report = HydratedOutput.lint(linter, repo, repo, List.of());

        // then
        assertThat(report.active())
                .extracting(f -> f.location().file() + " " + f.ruleId() + " "
                        + f.severity().id() + " " + f.environment())
                .containsExactly(
                        "rendered/dev/v1_pod_toolbox.yaml image-digest warning dev",
                        "rendered/prod/v1_pod_toolbox.yaml image-digest error prod");
    }

    @Test
    void lint_namedEnvironments_onlyThose() throws Exception {
        // given
        generate();
        Files.writeString(repo.resolve("rendered/prod/v1_pod_toolbox.yaml"), LATEST_POD);

        // when
        Report report = HydratedOutput.lint(Linter.builder().build(), repo, repo, List.of("dev", "staging"));

        // then
        assertThat(report.findings()).isEmpty();
        assertThat(report.stats().files()).isEqualTo(22);
    }

    @Test
    void lint_environmentWithoutOutput_namedInTheException() throws Exception {
        // given
        generate();

        // when / then
        assertThatThrownBy(() -> HydratedOutput.lint(Linter.builder().build(), repo, repo, List.of("qa", "prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no hydrated output for qa in ")
                .hasMessageEndingWith("(it has: dev, prod, staging)");
    }

    @Test
    void lint_noHydratedOutput_emptyReport() throws Exception {
        // when
        Report report = HydratedOutput.lint(Linter.builder().build(), repo, repo, List.of());

        // then
        assertThat(report.findings()).isEmpty();
        assertThat(report.stats().files()).isZero();
        assertThat(report.rules()).isNotEmpty();
    }
}

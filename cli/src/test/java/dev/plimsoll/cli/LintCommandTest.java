package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static final String GOOD_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: dont-fire
              namespace: apps
            spec:
              containers:
                - name: app
                  image: registry.example/app@%s
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {memory: 64Mi}
            """.formatted(DIGEST);

    private static final String TAGGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: should-fire
              namespace: apps
            spec:
              containers:
                - name: app
                  image: registry.example/app:1.0
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {memory: 64Mi}
            """;

    /** The namespace the pods run in, with the labels and policies that keep namespace-level rules quiet. */
    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: apps
              labels:
                pod-security.kubernetes.io/enforce: restricted
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: apps
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-dns
              namespace: apps
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - ports:
                    - {protocol: UDP, port: 53}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeNamespace() throws IOException {
        Files.writeString(dir.resolve("namespace.yaml"), NAMESPACE);
    }

    @Test
    void lint_badManifestsExample_reportsEveryMissionRuleAndExitsOne() {
        // when
        CliRun run = CliRun.in(CliRun.repo(), "lint", "examples/bad-manifests");

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("examples/bad-manifests/shop/storefront.yaml:20:18: error [image-digest]")
                .contains("[netpol-default-deny]")
                .contains("[psa-labels]")
                .contains("[pdb-present]")
                .contains("[pdb-drainable]")
                .contains("[resource-requests]");
    }

    @Test
    void lint_fixedManifestsExample_isCleanAndExitsZero() {
        // when
        CliRun run = CliRun.in(CliRun.repo(), "lint", "examples/fixed-manifests");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void lint_standardInput_lintsItAsStdin() {
        // when
        CliRun run = CliRun.withInput(dir, TAGGED_POD, "lint", "-");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("<stdin>:9:14: error [image-digest]");
    }

    @Test
    void lint_severalFormats_writesEachWhereAsked() throws IOException {
        // given
        Files.writeString(dir.resolve("pod.yaml"), TAGGED_POD);

        // when
        CliRun run = CliRun.in(
                dir,
                "lint",
                "namespace.yaml",
                "pod.yaml",
                "--format",
                "sarif",
                "--output",
                "out/results.sarif",
                "--format",
                "json",
                "-o",
                "results.json",
                "--format",
                "text");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("pod.yaml:9:14: error [image-digest]");
        JsonNode sarif =
                new ObjectMapper().readTree(dir.resolve("out/results.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")
                        .get(0)
                        .path("results")
                        .get(0)
                        .path("ruleId")
                        .asText())
                .isEqualTo("image-digest");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(9);
    }

    @Test
    void lint_failOnNone_exitsZeroDespiteFindings() throws IOException {
        // given
        Files.writeString(dir.resolve("pod.yaml"), TAGGED_POD);

        // when
        CliRun run = CliRun.in(dir, "lint", "--fail-on", "none", ".");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("[image-digest]");
    }

    @Test
    void lint_cleanInput_exitsZero() throws IOException {
        // given
        Files.writeString(dir.resolve("pod.yaml"), GOOD_POD);

        // when
        CliRun run = CliRun.in(dir, "lint", ".");

        // then
        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    void lint_malformedFileBesideGoodOne_exitsThreeAndStillLintsTheRest() throws IOException {
        // given
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: [Pod\n");
        Files.writeString(dir.resolve("pod.yaml"), TAGGED_POD);

        // when
        CliRun run = CliRun.in(dir, "lint", ".");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out())
                .contains("broken.yaml:3:1: error [yaml-syntax]")
                .contains("pod.yaml:9:14: error [image-digest]");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void lint_missingPath_exitsThree() {
        // when
        CliRun run = CliRun.in(dir, "lint", "nowhere.yaml");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("nowhere.yaml:1:1: error [input-unreadable]");
    }

    @Test
    void lint_unknownFormat_exitsTwoNamingTheFormats() {
        // when
        CliRun run = CliRun.in(dir, "lint", "--format", "html", ".");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'html' is not a format (expected one of: text, json, sarif, junit, github)");
        assertThat(run.err()).contains("Try 'plimsoll lint --help'");
        assertThat(run.err().lines().count()).isLessThan(5);
    }

    @Test
    void lint_unknownOption_exitsTwoWithShortHint() {
        // when
        CliRun run = CliRun.in(dir, "lint", "--fial-on", "error");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--fial-on'").contains("--help");
        assertThat(run.err()).doesNotContain("Usage:");
    }

    @Test
    void lint_badFailOn_exitsTwo() {
        // when
        CliRun run = CliRun.in(dir, "lint", "--fail-on", "fatal", ".");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for --fail-on: 'fatal'");
    }

    @Test
    void lint_missingConfigFile_exitsTwo() {
        // when
        CliRun run = CliRun.in(dir, "lint", "--config", "nope.yaml", ".");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("config file not found: nope.yaml");
    }

    @Test
    void lint_invalidConfigInWorkingDirectory_exitsTwoWithPosition() throws IOException {
        // given
        Files.writeString(dir.resolve("plimsoll.yaml"), "failOn: error\nrulez: {}\n");
        Files.writeString(dir.resolve("pod.yaml"), GOOD_POD);

        // when
        CliRun run = CliRun.in(dir, "lint", ".");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("plimsoll.yaml:2:1:").contains("rulez");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void lint_configTurnsRuleOff_noFinding() throws IOException {
        // given
        Files.writeString(dir.resolve("plimsoll.yaml"), "rules:\n  image-digest:\n    severity: off\n");
        Files.writeString(dir.resolve("pod.yaml"), TAGGED_POD);

        // when
        CliRun run = CliRun.in(dir, "lint", ".");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("image-digest");
    }

    @Test
    void lint_unwritableOutput_exitsTwoWithoutStackTrace() throws IOException {
        // given
        Files.writeString(dir.resolve("pod.yaml"), GOOD_POD);
        Files.writeString(dir.resolve("file"), "");

        // when
        CliRun run = CliRun.in(dir, "lint", "pod.yaml", "--format", "json", "--output", "file/report.json");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write file/report.json").doesNotContain("\tat ");
    }
}

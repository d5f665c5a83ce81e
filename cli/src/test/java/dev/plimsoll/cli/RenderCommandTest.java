package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path repo;

    @BeforeEach
    void writeTree() throws IOException {
        write("base/kustomization.yaml", "resources:\n- service.yaml\n");
        write("base/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                """);
        write("overlays/prod/kustomization.yaml", """
                resources:
                - ../../base
                namespace: shop
                namePrefix: prod-
                commonLabels:
                  env: prod
                """);
    }

    @Test
    void render_overlay_printsWhatKubectlKustomizePrints() {
        // when
        CliRun run = CliRun.in(repo, "render", "overlays/prod");

        // then: the expected bytes are kubectl kustomize's for this tree
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  labels:
                    app: web
                    env: prod
                  name: prod-web
                  namespace: shop
                spec:
                  ports:
                  - port: 80
                  selector:
                    app: web
                    env: prod
                """);
    }

    @Test
    void render_fromInsideTheOverlayWithTheRepositoryAsRoot_readsTheBase() throws IOException {
        // given
        Files.createDirectories(repo.resolve(".git"));

        // when
        CliRun run = CliRun.in(repo.resolve("overlays/prod"), "render", ".");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: prod-web");
    }

    @Test
    void render_unsupportedFeature_exitsThreeNamingTheFieldWithAHint() throws IOException {
        // given
        write("charts/kustomization.yaml", "helmCharts:\n- name: ingress-nginx\n  version: 4.11.3\n");

        // when
        CliRun run = CliRun.in(repo, "render", "charts");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("plimsoll render: charts/kustomization.yaml:1:1: 'helmCharts' is not supported by the"
                        + " embedded Kustomize renderer\nTry 'plimsoll render --kustomize=external charts'\n");
    }

    @Test
    void render_notAKustomization_exitsTwo() {
        // when
        CliRun run = CliRun.in(repo, "render", "base/service.yaml");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a kustomization directory: base/service.yaml");
    }

    private void write(String relative, String content) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}

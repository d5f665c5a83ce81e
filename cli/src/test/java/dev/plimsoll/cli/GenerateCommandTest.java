package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cli.platforms.InvalidPlatform;
import dev.plimsoll.cli.platforms.LatestImagePlatform;
import dev.plimsoll.cli.platforms.ShopPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path work;

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> work.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void generate_validPlatform_writesTreeAndExits0() throws Exception {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", ShopPlatform.class.getName(), "--out", "repo");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("plimsoll: ").contains("file(s) written, 0 unchanged, 0 pruned in repo");
        assertThat(files())
                .contains(
                        "repo/.plimsoll/generated.json",
                        "repo/base/kustomization.yaml",
                        "repo/base/storefront/deployment-storefront.yaml",
                        "repo/overlays/dev/kustomization.yaml",
                        "repo/overlays/prod/kustomization.yaml")
                .noneMatch(p -> p.startsWith("repo/rendered/"));
    }

    @Test
    void generate_hydrated_thenLintTheRepository_cleanEachEnvironmentLintedAsItself() throws Exception {
        // given: the tree the CI gate lints, with rendered/<env>/ beside the overlays
        CliRun generated =
                CliRun.in(work, "generate", "--class", ShopPlatform.class.getName(), "--hydrate", "--out", "repo");
        assertThat(generated.exitCode()).as(generated.err()).isZero();

        // when
        CliRun lint = CliRun.in(work.resolve("repo"), "lint", ".", "--format", "json");
        CliRun rendered = CliRun.in(work.resolve("repo"), "lint", "rendered", "--format", "json");

        // then: what the generator passed passes the gate; environments never see each other's objects
        assertThat(lint.exitCode()).as(lint.out() + lint.err()).isZero();
        assertThat(rendered.exitCode()).as(rendered.out() + rendered.err()).isZero();
        assertThat(rendered.out())
                .contains("\"file\": \"rendered/dev/apps_v1_deployment_storefront.yaml\"", "\"environment\": \"dev\"")
                .doesNotContain("pdb-drainable");
    }

    @Test
    void generate_check_currentTreeExits0_staleTreeExits1WithDiff() throws Exception {
        // given
        CliRun.in(work, "generate", "--class", ShopPlatform.class.getName(), "--hydrate");

        // when
        CliRun current = CliRun.in(work, "generate", "--class", ShopPlatform.class.getName(), "--hydrate", "--check");
        Path deployment = work.resolve("base/storefront/deployment-storefront.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("100m", "200m"));
        CliRun stale = CliRun.in(work, "generate", "--class", ShopPlatform.class.getName(), "--check");

        // then
        assertThat(current.exitCode()).as(current.out()).isZero();
        assertThat(current.out()).isEqualTo("plimsoll: the tree in . is current\n");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.out())
                .contains(
                        "stale base/storefront/deployment-storefront.yaml\n--- a/base/storefront/deployment-storefront.yaml")
                .contains("-            cpu: 200m\n+            cpu: 100m")
                .contains("would prune rendered/prod/")
                .endsWith("file(s) differ from the platform definition; run plimsoll generate to update them\n");
    }

    @Test
    void generate_invalidPlatform_everyProblemWithItsPathAndExit2() throws Exception {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", InvalidPlatform.class.getName());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("plimsoll: the platform definition " + InvalidPlatform.class.getName() + " is invalid:\n")
                .contains("  platform/apps/storefront: replicas must be ≥ 1 in prod (is 0)\n")
                .contains("  platform/apps/Checkout: name is not a DNS label (lower-case letters, digits, '-')\n");
        assertThat(files()).isEmpty();
    }

    @Test
    void generate_lintFindings_reportedAndNothingWrittenExit1() throws Exception {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", LatestImagePlatform.class.getName());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("rendered/dev/v1_pod_toolbox.yaml:").contains("[image-digest]");
        assertThat(run.err()).contains("nothing was written");
        assertThat(files()).isEmpty();
    }

    @Test
    void generate_handWrittenFileInTheWay_refusedExit4() throws Exception {
        // given
        Files.createDirectories(work.resolve("base"));
        Files.writeString(work.resolve("base/kustomization.yaml"), "resources: []\n");

        // when
        CliRun run = CliRun.in(work, "generate", "--class", ShopPlatform.class.getName());

        // then
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err())
                .contains("refusing to overwrite 1 file(s) that plimsoll did not generate: base/kustomization.yaml");
        assertThat(Files.readString(work.resolve("base/kustomization.yaml"))).isEqualTo("resources: []\n");
    }

    @Test
    void generate_unknownClass_oneLineAndExit2() {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", "com.example.Missing");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("plimsoll: cannot load class com.example.Missing (no --classpath given): ")
                .doesNotContain("\tat ");
    }

    @Test
    void generate_classNotAPlatformDefinition_exit2() {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", String.class.getName());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("plimsoll: java.lang.String does not implement"
                        + " dev.plimsoll.generator.PlatformDefinition\n");
    }

    @Test
    void generate_definitionThrows_oneLineAndExit2() {
        // when
        CliRun run = CliRun.in(work, "generate", "--class", ThrowingPlatform.class.getName());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("plimsoll: " + ThrowingPlatform.class.getName()
                        + ".define() failed: java.lang.IllegalStateException: no digests yet\n");
    }

    /** A definition whose code fails. */
    public static final class ThrowingPlatform implements dev.plimsoll.generator.PlatformDefinition {
        @Override
        public dev.plimsoll.generator.Platform define() {
            throw new IllegalStateException("no digests yet");
        }
    }

    @Test
    void generate_missingClassOption_usageErrorWithHint() {
        // when
        CliRun run = CliRun.in(work, "generate");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing required option: '--class=CLASS'")
                .contains("plimsoll generate --help");
    }

    @Test
    void generate_classpathOption_loadsAClassCompiledElsewhere() throws Exception {
        // given: a platform class compiled into its own directory, not on the test classpath
        Path sources = Files.createDirectories(work.resolve("src/com/example"));
        Files.writeString(sources.resolve("TinyPlatform.java"), """
                package com.example;

                import dev.plimsoll.generator.*;

                public final class TinyPlatform implements PlatformDefinition {
                    public Platform define() {
                        return Platform.named("tiny").environments(Environment.of("Dev", 1, Environment.Tier.DEV));
                    }
                }
                """);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                sources.resolve("TinyPlatform.java").toString());
        assertThat(compiled).isZero();

        // when
        CliRun run = CliRun.in(work, "generate", "--class", "com.example.TinyPlatform", "--classpath", "classes");

        // then: loaded and validated (its environment name is not a DNS label)
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("platform/environments/Dev: name is not a DNS label");
    }
}

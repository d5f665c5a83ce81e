package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformLoaderTest {

    @TempDir
    Path work;

    public static final class Valid implements PlatformDefinition {
        @Override
        public Platform define() {
            return Scenarios.oneApp();
        }
    }

    public abstract static class Abstract implements PlatformDefinition {}

    public static final class NoDefaultConstructor implements PlatformDefinition {
        public NoDefaultConstructor(String name) {}

        @Override
        public Platform define() {
            return Scenarios.oneApp();
        }
    }

    public static final class ThrowingConstructor implements PlatformDefinition {
        public ThrowingConstructor() {
            throw new IllegalStateException("no credentials");
        }

        @Override
        public Platform define() {
            return Scenarios.oneApp();
        }
    }

    public static final class ThrowingDefine implements PlatformDefinition {
        @Override
        public Platform define() {
            throw new IllegalStateException("half-written");
        }
    }

    public static final class NullDefine implements PlatformDefinition {
        @Override
        public Platform define() {
            return null;
        }
    }

    private static DefinitionException failure(String className) throws Exception {
        try (PlatformLoader loader = PlatformLoader.of(List.of())) {
            DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.define(className));
            assertThat(e).as("a DefinitionException for " + className).isNotNull();
            assertThat(e.className()).isEqualTo(className);
            return e;
        }
    }

    @Test
    void define_definitionOnTheParentClassPath_returnsItsPlatform() throws Exception {
        // when
        Platform platform;
        try (PlatformLoader loader = PlatformLoader.of(List.of())) {
            platform = loader.define(Valid.class.getName());
        }

        // then
        assertThat(platform.name()).isEqualTo("acme");
        assertThat(platform.apps()).extracting(App::name).containsExactly("checkout");
    }

    @Test
    void define_unknownClass_notFound() throws Exception {
        // when
        DefinitionException e = failure("com.example.Missing");

        // then
        assertThat(e.problem()).isEqualTo(DefinitionException.Problem.NOT_FOUND);
        assertThat(e)
                .hasMessage("class com.example.Missing was not found")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void define_classThatIsNotADefinition_notADefinition() throws Exception {
        // when
        DefinitionException e = failure(String.class.getName());

        // then
        assertThat(e.problem()).isEqualTo(DefinitionException.Problem.NOT_A_DEFINITION);
        assertThat(e).hasMessage("java.lang.String does not implement dev.plimsoll.generator.PlatformDefinition");
    }

    @Test
    void define_abstractOrWithoutNoArgumentConstructor_notInstantiable() throws Exception {
        // when
        DefinitionException abstractClass = failure(Abstract.class.getName());
        DefinitionException noConstructor = failure(NoDefaultConstructor.class.getName());

        // then
        assertThat(abstractClass.problem()).isEqualTo(DefinitionException.Problem.NOT_INSTANTIABLE);
        assertThat(abstractClass).hasMessage(Abstract.class.getName() + " is abstract");
        assertThat(noConstructor.problem()).isEqualTo(DefinitionException.Problem.NOT_INSTANTIABLE);
        assertThat(noConstructor)
                .hasMessage(NoDefaultConstructor.class.getName() + " has no public no-argument constructor");
    }

    @Test
    void define_constructorOrDefineThrowsOrReturnsNull_failedWithTheCause() throws Exception {
        // when
        DefinitionException constructor = failure(ThrowingConstructor.class.getName());
        DefinitionException define = failure(ThrowingDefine.class.getName());
        DefinitionException nothing = failure(NullDefine.class.getName());

        // then
        assertThat(constructor.problem()).isEqualTo(DefinitionException.Problem.FAILED);
        assertThat(constructor)
                .hasMessage("the constructor of " + ThrowingConstructor.class.getName()
                        + " failed: java.lang.IllegalStateException: no credentials")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(define.problem()).isEqualTo(DefinitionException.Problem.FAILED);
        assertThat(define)
                .hasMessage(ThrowingDefine.class.getName()
                        + ".define() failed: java.lang.IllegalStateException: half-written")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(nothing.problem()).isEqualTo(DefinitionException.Problem.FAILED);
        assertThat(nothing).hasMessage(NullDefine.class.getName() + ".define() returned null");
    }

    @Test
    void define_classCompiledElsewhere_itsLambdasLoadMoreClassesWhileRendering() throws Exception {
        // given: a definition whose per-environment lambda uses a class that is first loaded during the render
        Path sources = Files.createDirectories(work.resolve("src/com/example"));
        Files.writeString(sources.resolve("TinyPlatform.java"), """
                package com.example;

                import dev.plimsoll.generator.*;

                public final class TinyPlatform implements PlatformDefinition {
                    public Platform define() {
                        Environment dev = Environment.of("dev", 1, Environment.Tier.DEV).withDomain("dev.example.test");
                        return Platform.named("tiny")
                                .environments(dev)
                                .app(App.named("web")
                                        .image("ghcr.io/example/web", PerEnv.by(env -> Digests.of(env)))
                                        .port("http", 8080)
                                        .compute(Compute.of("50m", "64Mi"))
                                        .readiness(Probe.http("/ready", "http"))
                                        .allowEgressToDns());
                    }
                }
                """);
        Files.writeString(sources.resolve("Digests.java"), """
                package com.example;

                final class Digests {
                    static String of(dev.plimsoll.generator.Environment env) {
                        return "sha256:" + "a".repeat(64);
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
                sources.resolve("TinyPlatform.java").toString(),
                sources.resolve("Digests.java").toString());
        assertThat(compiled).isZero();

        // when
        Rendering rendering;
        try (PlatformLoader loader = PlatformLoader.of(List.of(classes))) {
            Platform platform = loader.define("com.example.TinyPlatform");
            rendering = Generator.builder().hydrate(true).build().render(platform);
        }

        // then
        assertThat(new String(
                        rendering.tree().bytes("rendered/dev/apps_v1_deployment_web.yaml"),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("image: ghcr.io/example/web@sha256:" + "a".repeat(64));
    }
}

package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.generator.testing.ForeignDefaults;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdempotencyTest {

    @TempDir
    Path out;

    static Stream<Arguments> scenarios() {
        return GoldenTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void render_twice_sameBytes(String name, Supplier<Platform> platform) {
        // when
        KustomizeTree first = GoldenTest.render(platform).tree();
        KustomizeTree second = GoldenTest.render(platform).tree();

        // then
        assertSameFiles(second, first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void render_underForeignLocaleAndTimeZone_sameFilesAndBytes(String name, Supplier<Platform> platform)
            throws Exception {
        // given
        KustomizeTree expected = GoldenTest.render(platform).tree();

        // when
        KustomizeTree rendered =
                ForeignDefaults.call(() -> GoldenTest.render(platform).tree());

        // then
        assertSameFiles(rendered, expected);
    }

    private static void assertSameFiles(KustomizeTree actual, KustomizeTree expected) {
        assertThat(actual.files()).containsOnlyKeys(expected.files().keySet());
        expected.files()
                .forEach(
                        (path, bytes) -> assertThat(actual.bytes(path)).as(path).isEqualTo(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void write_thenCheck_current(String name, Supplier<Platform> platform) throws Exception {
        // given
        Generator generator = Generator.builder().hydrate(true).build();
        generator.write(platform.get(), out);

        // when
        CheckResult check = generator.check(platform.get(), out);
        WriteResult again = generator.write(platform.get(), out);

        // then
        assertThat(check.changes()).isEmpty();
        assertThat(again.written()).isEmpty();
        assertThat(again.pruned()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void parseThenWrite_everyFile_sameBytes(String name, Supplier<Platform> platform) {
        for (Map.Entry<String, byte[]> file :
                GoldenTest.render(platform).tree().files().entrySet()) {
            // when
            YamlReader.Result parsed = new YamlReader().read(file.getValue());
            assertThat(parsed.problems()).as(file.getKey()).isEmpty();
            JsonNode json = CanonicalYaml.toJson(parsed.documents().get(0).root());

            // then
            assertThat(CanonicalYaml.write(json))
                    .as(file.getKey())
                    .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
        }
    }
}

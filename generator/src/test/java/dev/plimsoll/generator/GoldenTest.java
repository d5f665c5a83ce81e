package dev.plimsoll.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scenario's whole tree (base, overlays, hydrated output) against {@code src/test/resources/golden/<scenario>/},
 * byte for byte. After an intended change, regenerate with {@code mvn -pl generator test -Dtest=GoldenTest
 * -Dplimsoll.golden.update=true} and review the diff.
 */
class GoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("plimsoll.golden.update");

    static Stream<Arguments> scenarios() {
        return Scenarios.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Rendering render(Supplier<Platform> platform) {
        return Generator.builder().hydrate(true).build().render(platform.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void render_scenario_matchesGoldenTree(String name, Supplier<Platform> platform) throws IOException {
        // when
        Rendering rendering = render(platform);

        // then
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            replace(golden, rendering.tree());
        }
        assertThat(text(rendering.tree().files())).isEqualTo(read(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void render_scenario_lintClean(String name, Supplier<Platform> platform) {
        // when
        Rendering rendering = render(platform);

        // then
        assertThat(rendering.lint().active().stream().map(GoldenTest::line).toList())
                .isEmpty();
        assertThat(rendering.lint().stats().objects()).isPositive();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.message();
    }

    private static SortedMap<String, String> text(Map<String, byte[]> files) {
        SortedMap<String, String> text = new TreeMap<>();
        files.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }

    private static SortedMap<String, String> read(Path directory) throws IOException {
        assertThat(directory)
                .as("golden directory; create it with -Dplimsoll.golden.update=true")
                .isDirectory();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(
                            p -> directory.relativize(p).toString().replace('\\', '/'),
                            p -> {
                                try {
                                    return Files.readString(p);
                                } catch (IOException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    private static void replace(Path directory, KustomizeTree tree) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}

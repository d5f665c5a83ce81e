package dev.plimsoll.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.report.Format;
import dev.plimsoll.policies.report.Reporters;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lints the corpus of real-world manifests ({@code shared/corpus/real}) with every built-in rule: whatever the rules
 * think of those projects' manifests, no rule may fail on them, and the report must be the same bytes on every run.
 */
class CorpusLintTest {

    private static Path real;

    @BeforeAll
    static void findCorpus() {
        real = Path.of(System.getProperty("plimsoll.corpus", "../shared/corpus"))
                .resolve("real")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(real)) {
            System.err.println("!!!!! CorpusLintTest: corpus not found at " + real + "; SKIPPING !!!!!");
        }
        Assumptions.assumeTrue(Files.isDirectory(real), "corpus not found at " + real + "; skipping");
    }

    @Test
    void lint_realManifests_noRuleFailsAndTheReportIsStable() throws IOException {
        // given
        Linter linter = Linter.builder().build();
        List<Path> paths = new ArrayList<>(List.of(Path.of(".")));
        // Directory walks skip hidden folders; name them, as a user would, so that every file is linted.
        try (Stream<Path> walk = Files.walk(real)) {
            walk.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(paths::add);
        }
        LintRequest request = new LintRequest(real, paths, List.of(), null);

        // when
        Report first = linter.lint(request);
        Report second = linter.lint(request);

        // then
        Map<String, Long> byRule = first.findings().stream()
                .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        System.out.printf(
                "corpus lint: %d files, %d documents, %d objects, %d findings %s%n",
                first.stats().files(),
                first.stats().documents(),
                first.stats().objects(),
                first.findings().size(),
                byRule);
        assertThat(first.findings())
                .filteredOn(f -> f.ruleId().equals("tool-error"))
                .isEmpty();
        assertThat(first.stats().objects()).isEqualTo(2_805);
        assertThat(first.findings())
                .allSatisfy(f -> assertThat(f.location().file()).isNotEmpty().doesNotStartWith("/"));
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(byRule).containsKeys("image-digest", "resource-requests", "netpol-default-deny", "psa-labels");
    }

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        Reporters.write(Format.JSON, report, out);
        return out.toString();
    }
}

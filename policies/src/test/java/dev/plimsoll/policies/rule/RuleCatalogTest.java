package dev.plimsoll.policies.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plimsoll.policies.internal.rules.BuiltInRules;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks the catalogue: every rule and diagnostic is complete, documented and tested. */
class RuleCatalogTest {

    /** The repository root; surefire sets it, and an IDE running from the module directory finds it one level up. */
    private static final Path REPO = Path.of(System.getProperty("plimsoll.repo", ".."));

    private static final Path DOCS = REPO.resolve("docs/rules");
    private static final Path FIXTURES = REPO.resolve("policies/src/test/resources/rules");
    private static final Path SOURCES = REPO.resolve("policies/src/main/java");

    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    static Stream<Rule> rules() {
        return BuiltInRules.all().stream();
    }

    static Stream<RuleDescriptor> descriptors() {
        return Stream.concat(
                rules().map(Rule::descriptor), Stream.of(Diagnostic.values()).map(Diagnostic::descriptor));
    }

    @Test
    void builtInRules_all_sortedByIdWithUniqueIds() {
        // given
        List<String> ids = rules().map(rule -> rule.descriptor().id()).toList();

        // when / then
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThatCode(RuleCatalog::builtIn).doesNotThrowAnyException();
        assertThat(descriptors().map(RuleDescriptor::id)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void descriptor_everyRuleAndDiagnostic_hasCompleteMetadata(RuleDescriptor descriptor) {
        // given / when / then
        assertThat(descriptor.id()).matches(ID);
        assertThat(descriptor.summary()).isNotBlank().endsWith(".");
        assertThat(descriptor.remediation()).isNotBlank().endsWith(".");
        assertThat(descriptor.since()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void ruleClass_everyRule_isOneFinalClassNamedFromItsIdWithATestAndAJavadocPointingAtItsPage(Rule rule)
            throws IOException {
        // given
        Class<?> type = rule.getClass();
        String id = rule.descriptor().id();

        // when
        Path source = SOURCES.resolve(type.getName().replace('.', '/') + ".java");

        // then
        assertThat(Modifier.isFinal(type.getModifiers()))
                .as("%s is final", type)
                .isTrue();
        assertThat(type.getSimpleName()).isEqualTo(className(id));
        assertThat(testClass(type)).as("%sTest exists", type.getSimpleName()).isTrue();
        assertThat(Files.readString(source))
                .contains("/** The rule {@code " + id + "}; documented in {@code docs/rules/" + id + ".md}. */");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void fixtures_everyRule_hasPassAndFailFixtures(Rule rule) throws IOException {
        // given
        Path folder = FIXTURES.resolve(rule.descriptor().id());

        // when
        List<String> names = fileNames(folder);

        // then
        assertThat(names)
                .allMatch(
                        name -> name.matches("(pass|fail)\\." + ID + "\\.yaml"),
                        "named pass.<case>.yaml or" + " fail.<case>.yaml");
        assertThat(names).anyMatch(name -> name.startsWith("pass."));
        assertThat(names).anyMatch(name -> name.startsWith("fail."));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void docsPage_everyRuleAndDiagnostic_existsWithItsSectionsAndIsListedInTheIndex(RuleDescriptor descriptor)
            throws IOException {
        // given
        Path page = REPO.resolve(descriptor.docsPath());
        boolean diagnostic = Diagnostic.byId(descriptor.id()).isPresent();

        // when
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String index = Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);

        // then
        assertThat(text).startsWith("# " + descriptor.id() + "\n");
        assertThat(text)
                .contains("| Severity | " + descriptor.severity().id() + " |")
                .contains("| Category | " + descriptor.category().id() + " |")
                .contains(descriptor.summary());
        List<String> sections = diagnostic
                ? List.of("## What it means", "## Example", "## How to fix")
                : List.of("## Why", "## What fires", "## Examples", "## How to fix", "## How to waive", "## Options");
        assertThat(text).contains(sections);
        if (!diagnostic) {
            assertThat(text).contains("plimsoll.dev/waive." + descriptor.id() + ": \"");
        }
        assertThat(index)
                .contains("| [" + descriptor.id() + "](" + descriptor.id() + ".md) | "
                        + descriptor.severity().id() + " | "
                        + descriptor.category().id() + " | " + descriptor.summary() + " |");
    }

    @Test
    void docsAndFixtures_everyPageAndFolder_belongsToAnId() throws IOException {
        // given
        List<String> ids = descriptors().map(RuleDescriptor::id).toList();
        List<String> ruleIds = rules().map(rule -> rule.descriptor().id()).toList();

        // when
        List<String> pages = new ArrayList<>(fileNames(DOCS));
        pages.remove("README.md");

        // then
        assertThat(pages).allMatch(page -> ids.contains(page.replaceFirst("\\.md$", "")), "a page of a known id");
        assertThat(fileNames(FIXTURES)).allMatch(ruleIds::contains, "a fixture folder of a built-in rule");
    }

    private static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.append("Rule").toString();
    }

    private static boolean testClass(Class<?> type) {
        try {
            Class.forName(type.getName() + "Test");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}

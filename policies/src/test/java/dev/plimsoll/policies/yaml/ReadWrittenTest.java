package dev.plimsoll.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.testing.KustomizeCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalYaml#readWritten} must give exactly the tree {@link YamlReader} parses from {@link
 * CanonicalYaml#write}'s text: the same keys in the same order, the same scalar values, types and quoting, and, when
 * asked, the same positions. The linter relies on it to lint generated manifests without parsing them.
 */
class ReadWrittenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trickyScalarsAndKeys_readLikeTheirText() throws IOException {
        JsonNode document = JSON.readTree("""
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "tricky", "labels": {"app.kubernetes.io/name": "x", "yes": "no", "1": "2"}},
                 "data": {
                   "plain": "hello world", "yes": "yes", "on": "on", "null": "null", "tilde": "~", "empty": "",
                   "int": "8080", "octal": "0755", "hex": "0x1F", "float": "1.5", "exp": "1e3", "dot": ".5",
                   "sexagesimal": "1:20", "date": "2024-01-02", "colon": "a: b", "hash": "a #b", "lead": " lead",
                   "trail": "trail ", "dash": "- item", "brace": "{x}", "star": "*alias", "amp": "&anchor",
                   "multi": "line one\\nline two\\n", "multiNoEnd": "one\\ntwo", "tab": "a\\tb", "quote": "it's",
                   "dquote": "say \\"hi\\"", "unicode": "größe ✓", "control": "bell\\u0007",
                   "long": "a long value that goes on and on past the eighty column limit of the emitter, and then some more words",
                   "key with spaces": "v", "": "empty key", "-": "dash key", "?": "question"
                 },
                 "spec": {"replicas": 3, "big": 12345678901234, "ratio": 0.25, "whole": 1.0, "neg": -7,
                   "on": true, "off": false, "none": null, "empty": {}, "list": [], "nested": [[1, "2"], {"a": [true]}]}
                }
                """);
        assertReadsLikeItsText(document);
    }

    @Test
    void positionsOfKeysAndValues_areThoseOfTheText() {
        JsonNode document = json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        byte[] text = CanonicalYaml.write(document).getBytes(StandardCharsets.UTF_8);
        MappingNode root = (MappingNode) CanonicalYaml.readWritten(document, text, YamlReader.Typing.KUBERNETES);

        MappingNode spec = (MappingNode) root.get("spec");
        MappingNode container =
                ((SequenceNode) spec.get("containers")).mappings().get(0);
        // apiVersion, kind, metadata, name, spec, containers, "- image: nginx"
        assertThat(root.key("spec").position()).isEqualTo(new Position(5, 1));
        assertThat(spec.position()).isEqualTo(new Position(6, 3));
        assertThat(container.key("image").position()).isEqualTo(new Position(7, 5));
        assertThat(container.get("image").position()).isEqualTo(new Position(7, 12));
        assertThat(container.get("image").pointer()).isEqualTo("/spec/containers/0/image");
    }

    @Test
    void textThatDoesNotMatch_placesNodesAtTheNearestAncestorFound() {
        JsonNode document = json("{\"a\":{\"b\":{\"c\":1}}}");
        byte[] text = "a:\n  x: 1\n".getBytes(StandardCharsets.UTF_8);
        MappingNode root = (MappingNode) CanonicalYaml.readWritten(document, text, YamlReader.Typing.KUBERNETES);

        Node c = ((MappingNode) ((MappingNode) root.get("a")).get("b")).get("c");

        assertThat(c.position()).as("b is missing from the text; a is found").isEqualTo(new Position(2, 3));
        assertThat(CanonicalYaml.readWritten(document, new byte[] {'{'}, YamlReader.Typing.KUBERNETES)
                        .position())
                .isEqualTo(Position.START);
    }

    @Test
    void lintingSourcesWithTheirTrees_reportsWhatLintingTheTextReports() throws IOException {
        List<Source> parsed = new ArrayList<>();
        List<Source> withTrees = new ArrayList<>();
        Path fixtures = Path.of("src/test/resources/rules");
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                YamlReader.Result result = new YamlReader().read(Files.readAllBytes(file));
                int index = 0;
                for (YamlReader.Document each : result.documents()) {
                    if (each.root() instanceof MappingNode) {
                        String name = fixtures.relativize(file) + "#" + index++;
                        Source source = Source.ofDocument(name, CanonicalYaml.toJson(each.root()));
                        parsed.add(new Source(name, source.content()));
                        withTrees.add(source);
                    }
                }
            }
        }
        assertThat(parsed).hasSizeGreaterThan(50);
        Linter linter = Linter.builder().build();

        Report fromText = linter.lint(LintRequest.ofSources(parsed));
        Report fromTrees = linter.lint(LintRequest.ofSources(withTrees));

        assertThat(fromText.findings()).as("the fixtures have findings").hasSizeGreaterThan(20);
        assertThat(fromTrees.findings()).containsExactlyElementsOf(fromText.findings());
        assertThat(fromTrees.skips()).containsExactlyElementsOf(fromText.skips());
    }

    @Test
    void corpusDocuments_readLikeTheirText() throws IOException {
        Path corpus = KustomizeCorpus.corpusOrSkip("ReadWrittenTest");
        int documents = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                for (YamlReader.Document each :
                        new YamlReader().read(Files.readAllBytes(file)).documents()) {
                    if (each.root() != null) {
                        assertReadsLikeItsText(CanonicalYaml.toJson(each.root()));
                        documents++;
                    }
                }
            }
        }
        System.out.println("ReadWrittenTest: " + documents + " corpus documents read back like their text");
        assertThat(documents).isGreaterThan(1000);
    }

    private static void assertReadsLikeItsText(JsonNode document) {
        byte[] text = CanonicalYaml.write(document).getBytes(StandardCharsets.UTF_8);
        YamlReader reader = new YamlReader();
        Node parsed = reader.read(text).documents().get(0).root();
        Node read = reader.readWritten(document, text).documents().get(0).root();
        assertThat(describe(read)).as(new String(text, StandardCharsets.UTF_8)).isEqualTo(describe(parsed));
    }

    /** Every node: pointer, key or value, kind, scalar type, quoting and value, position; in document order. */
    private static List<String> describe(Node root) {
        List<String> out = new ArrayList<>();
        describe(root, out);
        return out;
    }

    private static void describe(Node node, List<String> out) {
        String at = node.pointer() + " @" + node.position();
        if (node instanceof MappingNode mapping) {
            out.add(at + " mapping");
            for (MappingNode.Entry entry : mapping.entries()) {
                ScalarNode key = entry.key();
                out.add(key.pointer() + " key " + key.value() + " quoted=" + key.quoted() + " @" + key.position());
                describe(entry.value(), out);
            }
        } else if (node instanceof SequenceNode sequence) {
            out.add(at + " sequence");
            sequence.items().forEach(item -> describe(item, out));
        } else {
            ScalarNode scalar = (ScalarNode) node;
            out.add(at + " " + scalar.type() + " quoted=" + scalar.quoted() + " " + scalar.value());
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

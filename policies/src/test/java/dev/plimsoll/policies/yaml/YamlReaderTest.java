package dev.plimsoll.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.yaml.YamlReader.Document;
import dev.plimsoll.policies.yaml.YamlReader.Problem;
import dev.plimsoll.policies.yaml.YamlReader.ProblemKind;
import dev.plimsoll.policies.yaml.YamlReader.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void read_mappingsAndSequences_positionsAreOneBased() {
        // given
        String yaml = """
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - name: app
                      image: nginx
                    - name: sidecar
                """;

        // when
        MappingNode root = onlyRoot(reader.read(yaml));

        // then
        assertThat(root.position()).isEqualTo(new Position(1, 1));
        assertThat(root.key("kind").position()).isEqualTo(new Position(2, 1));
        assertThat(root.get("kind").position()).isEqualTo(new Position(2, 7));
        SequenceNode containers = (SequenceNode) at(root, "/spec/containers");
        assertThat(containers.position()).isEqualTo(new Position(5, 5));
        assertThat(containers.items().get(0).position()).isEqualTo(new Position(5, 7));
        assertThat(containers.items().get(1).position()).isEqualTo(new Position(7, 7));
        Node image = at(root, "/spec/containers/0/image");
        assertThat(image.position()).isEqualTo(new Position(6, 14));
        assertThat(image.pointer()).isEqualTo("/spec/containers/0/image");
    }

    @Test
    void pointer_keysWithSlashOrTilde_escapedAsRfc6901() {
        // given
        String yaml = """
                metadata:
                  annotations:
                    example.com/owner: team
                    odd~key: x
                """;

        // when
        MappingNode root = onlyRoot(reader.read(yaml));

        // then
        MappingNode annotations = (MappingNode) at(root, "/metadata/annotations");
        assertThat(annotations.get("example.com/owner").pointer())
                .isEqualTo("/metadata/annotations/example.com~1owner");
        assertThat(annotations.get("odd~key").pointer()).isEqualTo("/metadata/annotations/odd~0key");
    }

    @Test
    void read_yaml11Scalars_typedAsTheApiServerReadsThem() {
        // given
        String yaml = """
                yes: yes
                on: on
                off: Off
                mode: 0755
                hex: 0x1F
                decimal: 42
                ratio: 1.5
                value: =
                quoted: "yes"
                single: '0755'
                tilde: ~
                empty:
                literal: |
                  true
                """;

        // when
        MappingNode root = onlyRoot(reader.read(yaml));

        // then
        assertThat(scalar(root, "yes").type()).isEqualTo(ScalarNode.Type.BOOL);
        assertThat(scalar(root, "yes").isTrue()).isTrue();
        assertThat(scalar(root, "on").isTrue()).isTrue();
        assertThat(scalar(root, "off").type()).isEqualTo(ScalarNode.Type.BOOL);
        assertThat(scalar(root, "off").isTrue()).isFalse();
        assertThat(scalar(root, "mode").type()).isEqualTo(ScalarNode.Type.INT);
        assertThat(scalar(root, "mode").asLong()).hasValue(493);
        assertThat(scalar(root, "mode").value()).isEqualTo("0755");
        assertThat(scalar(root, "hex").asLong()).hasValue(31);
        assertThat(scalar(root, "decimal").asLong()).hasValue(42);
        assertThat(scalar(root, "ratio").type()).isEqualTo(ScalarNode.Type.FLOAT);
        assertThat(scalar(root, "value").type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(scalar(root, "value").value()).isEqualTo("=");
        assertThat(scalar(root, "quoted").type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(scalar(root, "quoted").quoted()).isTrue();
        assertThat(scalar(root, "single").type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(scalar(root, "tilde").isNull()).isTrue();
        assertThat(scalar(root, "empty").isNull()).isTrue();
        assertThat(scalar(root, "literal").type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(scalar(root, "literal").value()).isEqualTo("true\n");
        assertThat(root.key("yes").type()).as("keys are strings").isEqualTo(ScalarNode.Type.STRING);
    }

    @Test
    void read_mergeKeys_mergedEntriesUnderExplicitOnes() {
        // given
        String yaml = """
                base: &base
                  cpu: 100m
                  memory: 64Mi
                limits:
                  <<: *base
                  memory: 128Mi
                """;

        // when
        MappingNode root = onlyRoot(reader.read(yaml));

        // then
        MappingNode limits = (MappingNode) root.get("limits");
        assertThat(limits.has("<<")).isFalse();
        assertThat(limits.string("cpu")).hasValue("100m");
        assertThat(limits.string("memory")).hasValue("128Mi");
        assertThat(limits.get("cpu").pointer()).isEqualTo("/limits/cpu");
        assertThat(limits.get("cpu").position())
                .as("a merged node keeps its written position")
                .isEqualTo(new Position(2, 8));
    }

    @Test
    void read_slashEscapeInDoubleQuotes_readAsSlash() {
        // given
        String yaml = """
                key: "data\\/secrets\\/key"
                """;

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(onlyRoot(result).string("key")).hasValue("data/secrets/key");
    }

    @Test
    void read_duplicateKey_reportedAtTheSecondKey() {
        // given
        String yaml = """
                apiVersion: v1
                kind: Secret
                type: Opaque
                metadata:
                  name: s
                type: kubernetes.io/tls
                """;

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.DUPLICATE_KEY,
                        new Position(6, 1),
                        "duplicate key 'type' (first at 3:1); the API server rejects this object"));
        assertThat(onlyRoot(result).string("type")).hasValue("kubernetes.io/tls");
    }

    @Test
    void read_billionLaughs_expansionBoundedAndReported() {
        // given
        StringBuilder yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String previous = "*" + (char) (level - 1);
            yaml.append(level)
                    .append(": &")
                    .append(level)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }
        yaml.append("---\nafter: bomb\n");

        // when
        Result result = reader.read(yaml.toString());

        // then
        assertThat(result.problems()).hasSize(1);
        Problem problem = result.problems().get(0);
        assertThat(problem.kind()).isEqualTo(ProblemKind.LIMIT);
        assertThat(problem.message()).isEqualTo("aliases expand to more than 100000 nodes (an alias bomb?)");
        assertThat(problem.position().line()).isBetween(6, 9);
        assertThat(result.documents()).singleElement().satisfies(d -> assertThat(d.index())
                .isEqualTo(1));
    }

    @Test
    void read_tenThousandLevelsOfBlockNesting_boundedWithoutStackOverflow() {
        // given
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            yaml.append(" ".repeat(i)).append("k:\n");
        }

        // when
        Result result = reader.read(yaml.toString());

        // then
        assertThat(result.documents()).isEmpty();
        assertThat(result.problems())
                .containsExactly(
                        new Problem(ProblemKind.LIMIT, new Position(257, 257), "nesting deeper than 256 levels"));
    }

    @Test
    void read_tenThousandLevelsOfFlowNesting_boundedWithoutStackOverflow() {
        // given
        String yaml = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.documents()).isEmpty();
        assertThat(result.problems())
                .containsExactly(
                        new Problem(ProblemKind.LIMIT, new Position(1, 259), "nesting deeper than 256 levels"));
    }

    @Test
    void read_aliasesNestingCopiesBeyondTheDepthLimit_reported() {
        // given
        YamlReader shallow = new YamlReader(new YamlReader.Limits(1024, 4, 1000));
        String yaml = """
                a: &a [[1]]
                b: [[*a]]
                """;

        // when
        Result result = shallow.read(yaml);

        // then
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.LIMIT, new Position(2, 6), "alias *a expands to nesting deeper than 4 levels"));
    }

    @Test
    void read_invalidUtf8_reportedWithItsPosition() {
        // given
        byte[] bytes = "kind: Pod\nname: caf\u00e9 \u00ff\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length);
        broken[bytes.length - 3] = (byte) 0xC3; // a lead byte followed by no continuation byte
        broken[bytes.length - 2] = (byte) 0x28;

        // when
        Result result = reader.read(broken);

        // then
        assertThat(result.documents()).isEmpty();
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.ENCODING, new Position(2, 12), "invalid UTF-8 at byte offset 22 (0xc3)"));
    }

    @Test
    void read_controlCharacter_reportedAsEncodingWithItsPosition() {
        // given
        String yaml = "kind: Pod\nname: a\u0007b\n";

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.documents()).isEmpty();
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.ENCODING, new Position(2, 8), "character U+0007 is not allowed in YAML"));
    }

    @Test
    void read_byteOrderMark_skippedAndPositionsUnchanged() {
        // given
        byte[] bytes = "\uFEFFkind: Pod\n".getBytes(StandardCharsets.UTF_8);

        // when
        Result result = reader.read(bytes);

        // then
        assertThat(result.problems()).isEmpty();
        MappingNode root = onlyRoot(result);
        assertThat(root.key("kind").value()).isEqualTo("kind");
        assertThat(root.get("kind").position()).isEqualTo(new Position(1, 7));
    }

    @Test
    void read_syntaxErrorInSecondOfThreeDocuments_firstAndThirdReadWithTheirLines() {
        // given
        String yaml = """
                kind: First
                ---
                kind: Second
                  broken: [
                ---
                kind: Third
                """;

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.SYNTAX);
            assertThat(problem.position()).isEqualTo(new Position(4, 9));
            assertThat(problem.message()).isEqualTo("mapping values are not allowed here");
        });
        List<Document> documents = result.documents();
        assertThat(documents).extracting(Document::index).containsExactly(0, 2);
        assertThat(((MappingNode) documents.get(0).root()).string("kind")).hasValue("First");
        MappingNode third = (MappingNode) documents.get(1).root();
        assertThat(third.string("kind")).hasValue("Third");
        assertThat(third.get("kind").position()).isEqualTo(new Position(6, 7));
        assertThat(documents.get(1).start()).isEqualTo(new Position(5, 1));
    }

    @Test
    void read_unquotedTemplateValue_oneProblemForTheDocumentWithAHint() {
        // given
        String yaml = """
                name: {{ .Release.Name }}-web
                ---
                kind: Next
                """;

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.SYNTAX,
                        new Position(1, 8),
                        "a mapping key must be a scalar; a value that starts with '{{' must be quoted"));
        assertThat(result.documents()).extracting(Document::index).containsExactly(1);
    }

    @Test
    void read_jsonIndentedWithTabs_readAsKubernetesReadsJson() {
        // given
        String json = "{\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\n\t\t\"name\": \"tab\\tbed\"\n\t}\n}\n";

        // when
        Result result = reader.read(json);

        // then
        assertThat(result.problems()).isEmpty();
        MappingNode root = onlyRoot(result);
        assertThat(root.get("kind").position()).isEqualTo(new Position(2, 10));
        assertThat(at(root, "/metadata/name")).hasToString("tab\tbed");
    }

    @Test
    void read_onlyCommentsOrSeparators_noDocumentContent() {
        // given
        String yaml = """
                # nothing here
                ---
                ---
                """;

        // when
        Result result = reader.read(yaml);

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.documents()).allSatisfy(document -> assertThat(
                        document.root() == null || document.root().isNull())
                .isTrue());
    }

    private static MappingNode onlyRoot(Result result) {
        assertThat(result.documents()).hasSize(1);
        return (MappingNode) result.documents().get(0).root();
    }

    private static ScalarNode scalar(MappingNode mapping, String key) {
        return (ScalarNode) mapping.get(key);
    }

    /** The node at an RFC 6901 pointer (keys only unescaped as far as these tests need). */
    private static Node at(Node root, String pointer) {
        Node current = root;
        for (String segment : pointer.substring(1).split("/")) {
            current = current instanceof SequenceNode sequence
                    ? sequence.items().get(Integer.parseInt(segment))
                    : ((MappingNode) current).get(segment);
        }
        return current;
    }
}

package dev.plimsoll.policies.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * Writes Kubernetes objects as YAML byte-for-byte the way {@code kubectl kustomize} prints them: map keys sorted,
 * sequences not indented under their key, kustomize's scalar quoting and block styles, LF, documents joined by {@code
 * ---}. Emission is SnakeYAML's; this class only chooses styles and order.
 *
 * <p>kustomize prints each resource as JSON turned into YAML by {@code sigs.k8s.io/yaml.JSONToYAML}, that is go-yaml
 * <em>v2</em> marshalling a generic map (kustomize {@code api/resource/resource.go} {@code AsYAML}, {@code
 * api/resmap/reswrangler.go} {@code AsYaml}). go-yaml v2's emitter is libyaml's, and SnakeYAML's is libyaml's by way of
 * PyYAML, so with the same choices (key order from {@link KustomizeKeyOrder}, scalar styles from {@link
 * KustomizeScalarStyle}, numbers from {@link KustomizeNumbers}, indent 2, line width 80, block collections except
 * empty ones) both write the same bytes.
 *
 * <p>One exception to "SnakeYAML writes every byte": double-quoted scalars. libyaml folds a long one at a space past
 * column 80 with a bare line break and escapes with upper-case hex, SnakeYAML folds with escaped line breaks (also
 * after an escape) and escapes differently, and its {@code Emitter} is final with no setting for either. So a
 * double-quoted scalar is emitted as a placeholder, and {@link DoubleQuoted} (a port of {@code
 * yaml_emitter_write_double_quoted_scalar} in go-yaml v2 {@code emitterc.go}) writes it in its place, at the column
 * and indentation libyaml would have. See {@code CanonicalYamlTest} for what is still known to differ.
 *
 * <p>Thread-safe; every call has its own emitter.
 */
public final class CanonicalYaml {

    private static final DumperOptions OPTIONS = options();
    private static final ImplicitTuple IMPLICIT = new ImplicitTuple(true, true);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** libyaml writes a key as a simple key up to 128 bytes; SnakeYAML below this many characters. */
    private static final int SIMPLE_KEY_LIMIT = 129;

    private CanonicalYaml() {}

    /** One document, ending with a single newline. */
    public static String write(JsonNode document) {
        StringBuilder out = new StringBuilder(1024);
        emit(document, out);
        return out.toString();
    }

    /** Several documents separated by {@code ---} lines, as a kustomize build prints a stream. */
    public static String writeAll(List<JsonNode> documents) {
        StringBuilder out = new StringBuilder(1024 * documents.size());
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            emit(documents.get(i), out);
        }
        return out.toString();
    }

    /**
     * Our positioned node tree as a Jackson tree, keeping scalar types as the API server reads them. Floats become
     * doubles: kustomize prints every float from its float64 value (after a JSON round trip), so {@code 1.0} and
     * {@code 1} print alike and the written text carries nothing more.
     */
    public static JsonNode toJson(Node node) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = json.objectNode();
            for (MappingNode.Entry entry : mapping.entries()) {
                object.set(entry.key().value(), toJson(entry.value()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = json.arrayNode(sequence.length());
            for (Node item : sequence.items()) {
                array.add(toJson(item));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.type()) {
            case NULL -> json.nullNode();
            case BOOL -> json.booleanNode(scalar.isTrue());
            case INT -> integer(scalar.value());
            case FLOAT -> {
                Double value = Scalars.parseYamlFloat(scalar.value());
                yield value == null ? json.textNode(scalar.value()) : json.numberNode(value);
            }
            case STRING -> json.textNode(scalar.value());
        };
    }

    /**
     * The document {@link YamlReader} reads from {@code text}, built from {@code document} without parsing: {@code text}
     * must be {@link #write}{@code (document)} in UTF-8. A tool that lints what it has just written (the generator) so
     * skips reading it back. Scalars get the styles {@link #write} gives them and the types {@code typing} reads in
     * those styles; a node's position is found in {@code text} when it is first asked for, by parsing {@code text}
     * then.
     */
    public static Node readWritten(JsonNode document, byte[] text, YamlReader.Typing typing) {
        return readBack(document, typing, new WrittenPositions(text));
    }

    /** {@code positions} only on the document root; other nodes find their root's. */
    private static Node readBack(JsonNode node, YamlReader.Typing typing, WrittenPositions positions) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                MappingNode mapping = new MappingNode(positions);
                for (String key : sortedKeys(node)) {
                    boolean quoted = KustomizeScalarStyle.of(key, true) != ScalarStyle.PLAIN;
                    mapping.put(
                            new ScalarNode(key, ScalarNode.Type.STRING, quoted), readBack(node.get(key), typing, null));
                }
                yield mapping;
            }
            case ARRAY -> {
                SequenceNode sequence = new SequenceNode(positions);
                for (JsonNode item : node) {
                    sequence.add(readBack(item, typing, null));
                }
                yield sequence;
            }
            case STRING, BINARY -> {
                String value = node.asText();
                boolean quoted = KustomizeScalarStyle.of(value, false) != ScalarStyle.PLAIN;
                yield quoted ? new ScalarNode(value, ScalarNode.Type.STRING, true) : plainScalar(value, typing);
            }
            case BOOLEAN -> plainScalar(node.booleanValue() ? "true" : "false", typing);
            case NULL, MISSING -> plainScalar("null", typing);
            case NUMBER -> plainScalar(number(node), typing);
            case POJO -> throw new IllegalArgumentException("not a JSON tree: " + node);
        };
    }

    private static ScalarNode plainScalar(String text, YamlReader.Typing typing) {
        return new ScalarNode(text, YamlReader.plainType(text, typing), false);
    }

    private static JsonNode integer(String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        BigInteger value = Scalars.parseYamlInteger(text);
        if (value == null) {
            return json.textNode(text);
        }
        if (value.bitLength() < 32) {
            return json.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return json.numberNode(value.longValue());
        }
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        boolean beyond64Bits = value.signum() < 0 || value.compareTo(UINT64_MAX) > 0;
        if (beyond64Bits && (digits.startsWith("0x") || digits.startsWith("0b"))) {
            // Beyond 64 bits go-yaml (v2 in the API server, v3 in kustomize) reads hex and binary as strings.
            return json.textNode(text);
        }
        return json.numberNode(value);
    }

    private static DumperOptions options() {
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setIndentWithIndicator(false);
        options.setWidth(80);
        options.setSplitLines(true);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setDefaultFlowStyle(FlowStyle.BLOCK);
        options.setMaxSimpleKeyLength(SIMPLE_KEY_LIMIT);
        options.setProcessComments(false);
        return options;
    }

    private static void emit(JsonNode document, StringBuilder out) {
        int start = out.length();
        for (int attempt = 0; ; attempt++) {
            DoubleQuoted placeholders = new DoubleQuoted(attempt);
            Emitter emitter = new Emitter(new StringBuilderWriter(out), OPTIONS);
            try {
                emitter.emit(new StreamStartEvent(null, null));
                emitter.emit(new DocumentStartEvent(null, null, false, null, null));
                node(emitter, document, placeholders);
                emitter.emit(new DocumentEndEvent(null, null, false));
                emitter.emit(new StreamEndEvent(null, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            if (!placeholders.collided()) {
                placeholders.replace(out, start);
                return;
            }
            out.setLength(start); // a scalar contains the placeholder prefix: try another one
        }
    }

    private static void node(Emitter emitter, JsonNode node, DoubleQuoted placeholders) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> mapping(emitter, node, placeholders);
            case ARRAY -> {
                emitter.emit(new SequenceStartEvent(
                        null, null, true, null, null, node.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
                for (JsonNode item : node) {
                    node(emitter, item, placeholders);
                }
                emitter.emit(new SequenceEndEvent(null, null));
            }
            case STRING -> string(emitter, node.textValue(), false, placeholders);
            case BINARY -> string(emitter, node.asText(), false, placeholders);
            case BOOLEAN -> scalar(emitter, node.booleanValue() ? "true" : "false", ScalarStyle.PLAIN);
            case NULL, MISSING -> scalar(emitter, "null", ScalarStyle.PLAIN);
            case NUMBER -> scalar(emitter, number(node), ScalarStyle.PLAIN);
            case POJO ->
                throw new IllegalArgumentException(
                        "cannot write a Java object as YAML, convert it to a JSON tree first: " + node);
        }
    }

    private static void mapping(Emitter emitter, JsonNode node, DoubleQuoted placeholders) throws IOException {
        emitter.emit(
                new MappingStartEvent(null, null, true, null, null, node.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
        for (String key : sortedKeys(node)) {
            string(emitter, key, true, placeholders);
            node(emitter, node.get(key), placeholders);
        }
        emitter.emit(new MappingEndEvent(null, null));
    }

    /** An object's keys in the order kustomize prints them; the array must not be changed. */
    private static String[] sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(keys::add);
        return KustomizeKeyOrder.sorted(keys);
    }

    /** A string in kustomize's style; a double-quoted one as a placeholder that {@link DoubleQuoted} fills in. */
    private static void string(Emitter emitter, String value, boolean key, DoubleQuoted placeholders)
            throws IOException {
        placeholders.check(value);
        ScalarStyle style = KustomizeScalarStyle.of(value, key);
        if (style == ScalarStyle.DOUBLE_QUOTED && (!key || KustomizeScalarStyle.isSimpleKey(value))) {
            scalar(emitter, placeholders.add(value, key), ScalarStyle.PLAIN);
        } else {
            scalar(emitter, value, style);
        }
    }

    private static void scalar(Emitter emitter, String value, ScalarStyle style) throws IOException {
        emitter.emit(new ScalarEvent(null, null, IMPLICIT, value, null, null, style));
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong()
                    ? KustomizeNumbers.integer(node.longValue())
                    : KustomizeNumbers.integer(node.bigIntegerValue());
        }
        if (node.isFloat()) {
            // A float32 means what it prints as, not its binary widening (0.1f is 0.1, not 0.10000000149011612).
            float value = node.floatValue();
            return KustomizeNumbers.floating(
                    Float.isFinite(value) ? new BigDecimal(Float.toString(value)).doubleValue() : value);
        }
        return KustomizeNumbers.floating(node.doubleValue());
    }

    /** An unsynchronized writer into the caller's builder. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder out;

        StringBuilderWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            out.append(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            out.append(text, offset, offset + length);
        }

        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

package dev.plimsoll.generator.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;

/**
 * The generator's one Jackson setup. fabric8 model classes already leave out empty collections; the mapper leaves out
 * nulls, so an object serializes to exactly the fields the DSL set.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private Json() {}

    /** A fabric8 object (or any bean) as a normalized JSON tree. */
    public static ObjectNode tree(Object value) {
        JsonNode node = MAPPER.valueToTree(value);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not an object: " + value);
        }
        return (ObjectNode) normalize(object);
    }

    /**
     * Integers in their smallest Jackson type, so that equal values from different sources (fabric8's {@code Integer},
     * a parsed {@code long}) compare equal; everything else as it is. Returns the (possibly replaced) node.
     */
    public static JsonNode normalize(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.bitLength() < 32) {
                return node.isInt() ? node : JsonNodeFactory.instance.numberNode(value.intValue());
            }
            if (value.bitLength() < 64) {
                return node.isLong() ? node : JsonNodeFactory.instance.numberNode(value.longValue());
            }
            return node;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode normalized = normalize(field.getValue());
                if (normalized != field.getValue()) {
                    field.setValue(normalized);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode normalized = normalize(array.get(i));
                if (normalized != array.get(i)) {
                    array.set(i, normalized);
                }
            }
        }
        return node;
    }

    /** The text at {@code object.path...}, or {@code null} when a step is missing or the value is not a string. */
    public static String text(JsonNode object, String... path) {
        JsonNode current = object;
        for (String step : path) {
            current = current == null ? null : current.get(step);
        }
        return current != null && current.isTextual() ? current.textValue() : null;
    }
}

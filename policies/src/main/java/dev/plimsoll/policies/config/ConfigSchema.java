package dev.plimsoll.policies.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The JSON Schema of {@code plimsoll.yaml} shipped in the jar, and the translation of its validation errors into
 * problems for people, at the line and column of the node (or key) they concern.
 */
final class ConfigSchema {

    static final String RESOURCE = "plimsoll-config.schema.json";

    private static final String TEXT = load();
    private static final JsonNode TREE = parse(TEXT);
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(TREE);

    private static final String DNS_LABEL = "/$defs/dnsLabel/";
    private static final String RULE_TYPE = "/$defs/rule/type";

    // The config is read with YAML 1.2 core scalar types, not the API server's YAML 1.1: only true/false are
    // booleans, so that `severity: off` and `failOn: none` are the words they look like.
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private ConfigSchema() {}

    static String text() {
        return TEXT;
    }

    /** The document as JSON, with YAML 1.2 core scalar types. */
    static JsonNode json(Node node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = nodes.objectNode();
            for (MappingNode.Entry entry : mapping.entries()) {
                object.set(entry.key().value(), json(entry.value()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            return nodes.arrayNode()
                    .addAll(sequence.items().stream().map(ConfigSchema::json).toList());
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.value();
        return switch (scalar.type()) {
            case NULL -> nodes.nullNode();
            case STRING -> nodes.textNode(text);
            case BOOL ->
                BOOLEAN.matcher(text).matches()
                        ? nodes.booleanNode(text.equalsIgnoreCase("true"))
                        : nodes.textNode(text);
            case INT -> integer(text);
            case FLOAT ->
                FLOAT.matcher(text).matches() ? nodes.numberNode(Double.parseDouble(text)) : nodes.textNode(text);
        };
    }

    private static JsonNode integer(String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        BigInteger value;
        if (DECIMAL.matcher(text).matches()) {
            value = new BigInteger(text);
        } else if (OCTAL.matcher(text).matches()) {
            value = new BigInteger(text.substring(2), 8);
        } else if (HEX.matcher(text).matches()) {
            value = new BigInteger(text.substring(2), 16);
        } else {
            return nodes.textNode(text);
        }
        return value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
    }

    /**
     * Validates {@code json}, the converted {@code root}, and reports each error once per node (and key), at the
     * position of the node, or of the key for an unknown key.
     */
    static List<ConfigProblem> validate(String file, Node root, JsonNode json) {
        List<Error> errors = new ArrayList<>(SCHEMA.validate(json));
        // A wrong type says the most; other errors at the same node follow from it.
        errors.sort(Comparator.comparing((Error e) -> !"type".equals(e.getKeyword())));
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Error error : errors) {
            List<Object> path = elements(error.getInstanceLocation());
            String property =
                    switch (error.getKeyword()) {
                        case "additionalProperties", "required" -> error.getProperty();
                        default -> "";
                    };
            if (!reported.add(path + "\u0000" + property)) {
                continue;
            }
            Node at = resolve(root, path);
            if ("additionalProperties".equals(error.getKeyword()) && at instanceof MappingNode mapping) {
                at = mapping.key(property);
            }
            problems.add(new ConfigProblem(
                    file, at.position().line(), at.position().column(), message(error, path, property)));
        }
        return problems;
    }

    private static String message(Error error, List<Object> path, String property) {
        String where = display(path);
        String fragment = pointer(error.getSchemaLocation().getFragment());
        JsonNode value = error.getInstanceNode();
        return switch (error.getKeyword()) {
            case "additionalProperties" -> {
                String expected = "(expected one of: " + String.join(", ", siblingProperties(fragment)) + ")";
                yield path.isEmpty()
                        ? "unknown top-level key '" + property + "' " + expected
                        : "unknown key '" + property + "' under " + where + " " + expected;
            }
            case "required" -> where + " is missing required key '" + property + "'";
            case "type" ->
                (path.isEmpty() ? "the top level" : where) + " must be "
                        + expectedType(error.getSchemaNode()) + "; found " + found(value)
                        + (fragment.equals(RULE_TYPE) && value.isTextual()
                                ? " (a rule's level goes under it: severity: " + value.asText() + ")"
                                : "");
            case "enum" ->
                (value.isNull() ? "no value for " + where : "invalid value '" + value.asText() + "' for " + where)
                        + " (expected one of: " + values(error.getSchemaNode()) + ")";
            case "pattern", "maxLength" ->
                fragment.startsWith(DNS_LABEL)
                        ? "invalid name '" + value.asText() + "' in " + where + ": names are DNS labels (at most 63 "
                                + "lower-case letters, digits and '-', starting and ending with a letter or digit)"
                        : where + ": " + error.getMessage();
            case "minItems", "minLength" -> where + " must not be empty";
            default -> where + ": " + error.getMessage();
        };
    }

    /** The properties declared next to the failing {@code additionalProperties}, in schema order. */
    private static List<String> siblingProperties(String fragment) {
        String parent = fragment.substring(0, fragment.lastIndexOf('/'));
        JsonNode properties = TREE.at(parent).path("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String expectedType(JsonNode type) {
        List<JsonNode> types =
                type.isArray() ? StreamSupport.stream(type.spliterator(), false).toList() : List.of(type);
        return types.stream()
                .map(JsonNode::asText)
                .filter(name -> !name.equals("null"))
                .map(name -> switch (name) {
                    case "object" -> "a mapping";
                    case "array" -> "a list";
                    case "boolean" -> "true or false";
                    case "integer" -> "an integer";
                    default -> "a " + name;
                })
                .collect(Collectors.joining(" or "));
    }

    private static String found(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "a mapping";
            case ARRAY -> "a list";
            case NULL, MISSING -> "nothing";
            case BOOLEAN -> "the boolean " + value.asText();
            case NUMBER -> "the number " + value.asText();
            default -> "the string '" + value.asText() + "'";
        };
    }

    private static String values(JsonNode enumeration) {
        return StreamSupport.stream(enumeration.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.joining(", "));
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (Object element : elements(path)) {
            out.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    /** The node at {@code path}; the deepest existing node when the path leaves the tree. */
    private static Node resolve(Node root, List<Object> path) {
        Node current = root;
        for (Object element : path) {
            Node next = null;
            if (current instanceof MappingNode mapping) {
                next = mapping.get(element.toString());
            } else if (current instanceof SequenceNode sequence && element instanceof Number index) {
                next = index.intValue() < sequence.length() ? sequence.items().get(index.intValue()) : null;
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** {@code rules.image-digest.severity}, {@code environments[0].paths[1]}. */
    static String display(List<?> path) {
        StringBuilder out = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Number index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(element);
            }
        }
        return out.toString();
    }

    private static String load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plimsoll-policies jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

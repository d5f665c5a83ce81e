package dev.plimsoll.policies.internal.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-hash name suffix of generated ConfigMaps and Secrets (kustomize {@code HashTransformer}, {@code
 * api/hasher}): SHA-256 of a JSON encoding of kind, name, type and data, as Go's {@code encoding/json} writes it (keys
 * sorted, HTML characters escaped), the first ten hex digits with {@code 0 1 3 a e} turned into {@code g h k m t}. The
 * name is always empty there: Kustomize looks it up as a single field called {@code metadata/name}, which no object
 * has.
 */
final class Hashes {

    private Hashes() {}

    static void addHashSuffixes(ResMap resMap) {
        for (Resource resource : resMap.all()) {
            if (resource.needsHashSuffix) {
                String hash = hash(resource);
                resource.storePreviousId();
                resource.setName(resource.name() + "-" + hash, null);
            }
        }
    }

    static String hash(Resource resource) {
        Map<String, Object> encoded = new TreeMap<>();
        KMap root = resource.root;
        if (resource.kind().equals("Secret")) {
            encoded.put("kind", "Secret");
            encoded.put("type", scalarOrEmpty(root.get("type")));
            encoded.put("name", "");
            encoded.put("data", mapOrEmpty(root.get("data")));
            if (root.get("stringData") instanceof KMap) {
                encoded.put("stringData", mapOrEmpty(root.get("stringData")));
            }
        } else {
            encoded.put("kind", "ConfigMap");
            encoded.put("name", "");
            encoded.put("data", mapOrEmpty(root.get("data")));
            if (root.get("binaryData") instanceof KMap) {
                encoded.put("binaryData", mapOrEmpty(root.get("binaryData")));
            }
        }
        StringBuilder json = new StringBuilder();
        write(encoded, json);
        return encode(sha256(json.toString()));
    }

    private static Object scalarOrEmpty(KNode node) {
        return node instanceof KScalar scalar ? scalar.value : "";
    }

    private static Object mapOrEmpty(KNode node) {
        if (node == null) {
            return "";
        }
        if (node instanceof KScalar scalar) {
            return scalar.value;
        }
        return Values.json(node);
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string((String) entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonNode json) {
            writeJson(json, out);
        }
    }

    private static void writeJson(JsonNode json, StringBuilder out) {
        if (json.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(Hashes::byteOrder);
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), field.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                writeJson(entry.getValue(), out);
            }
            out.append('}');
        } else if (json.isArray()) {
            out.append('[');
            for (int i = 0; i < json.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(json.get(i), out);
            }
            out.append(']');
        } else if (json.isTextual()) {
            string(json.textValue(), out);
        } else if (json.isNull()) {
            out.append("null");
        } else if (json.isBoolean()) {
            out.append(json.booleanValue());
        } else if (json.isIntegralNumber()) {
            out.append(json.bigIntegerValue());
        } else {
            double d = json.doubleValue();
            out.append(d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d));
        }
    }

    private static int byteOrder(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** A JSON string as Go's {@code encoding/json} writes it, HTML escaping included. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String hex) {
        StringBuilder out = new StringBuilder(10);
        for (char c : hex.substring(0, 10).toCharArray()) {
            out.append(
                    switch (c) {
                        case '0' -> 'g';
                        case '1' -> 'h';
                        case '3' -> 'k';
                        case 'a' -> 'm';
                        case 'e' -> 't';
                        default -> c;
                    });
        }
        return out.toString();
    }
}

package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vars:} (kustomize {@code ResAccumulator.MergeVars} and {@code ResolveVars}, {@code api/filters/refvar}): a var
 * names an object (by its id, now or before) and a field of it; at the end of the build, {@code $(NAME)} in every
 * var reference field spec is replaced by the field's value, keeping the value's type when the field holds nothing
 * but the reference. {@code $$} is a literal {@code $}; unknown names stay as written.
 */
final class Vars {

    private static final Set<String> FIELDS = Set.of("name", "objref", "fieldref");
    private static final Set<String> OBJREF_FIELDS =
            Set.of("group", "version", "kind", "name", "namespace", "apiVersion");

    /** A declared var: its name, the object it refers to, the field path, and where it was declared. */
    record Declared(String name, ResId target, String fieldPath, String file, Node at) {}

    private Vars() {}

    static void add(List<Declared> vars, Declared declared, String file) {
        for (Declared existing : vars) {
            if (existing.name().equals(declared.name())) {
                throw Kustomization.at(
                        declared.file(), declared.at(), "var '" + declared.name() + "' already encountered");
            }
        }
        vars.add(declared);
    }

    /** {@code MergeVars}: records on the object each var refers to, then adds the vars. */
    static void merge(Accumulator ra, Kustomization kustomization) {
        String file = kustomization.file;
        for (MappingNode var : kustomization.mappings("vars")) {
            unknown(var, FIELDS, file);
            String name = Kustomization.stringOf(var, "name", file);
            MappingNode objref =
                    var.get("objref") instanceof MappingNode mapping ? mapping : new MappingNode(var.position());
            unknown(objref, OBJREF_FIELDS, file);
            String apiVersion = Kustomization.stringOf(objref, "apiVersion", file);
            Gvk gvk = TransformerConfig.gvk(objref, file);
            if (apiVersion != null && !apiVersion.isEmpty()) {
                String[] parts = apiVersion.split("/", -1);
                if (parts.length == 2) {
                    gvk = new Gvk(parts[0], parts[1], gvk.kind());
                } else if (parts.length == 1) {
                    gvk = new Gvk(gvk.group(), parts[0], gvk.kind());
                }
            }
            ResId target = new ResId(
                    gvk,
                    Kustomization.stringOf(objref, "name", file),
                    Kustomization.stringOf(objref, "namespace", file));
            String fieldPath = "metadata.name";
            if (var.get("fieldref") instanceof MappingNode fieldref) {
                unknown(fieldref, Set.of("fieldpath", "fieldPath"), file);
                String path = Kustomization.stringOf(fieldref, "fieldpath", file);
                if (path == null) {
                    path = Kustomization.stringOf(fieldref, "fieldPath", file);
                }
                if (path != null && !path.isEmpty()) {
                    fieldPath = path;
                }
            }
            Declared declared = new Declared(name == null ? "" : name, target, fieldPath, file, var);
            boolean namespaceable = !target.gvk().isClusterScoped();
            boolean exact = !target.namespace().isEmpty() || !namespaceable;
            List<Resource> matched =
                    ra.resMap.matchingAnyId(id -> exact ? id.equalsId(target) : gvknEquals(id, target));
            if (matched.size() > 1) {
                throw Kustomization.at(
                        file,
                        var,
                        "found " + matched.size() + " resId matches for var " + name + " (unable to disambiguate)");
            }
            if (matched.size() == 1) {
                matched.get(0).refVarNames.add(declared.name());
            }
            add(ra.vars, declared, file);
        }
    }

    private static boolean gvknEquals(ResId id, ResId target) {
        return id.gvk().equals(target.gvk()) && id.name().equals(target.name());
    }

    private static void unknown(MappingNode node, Set<String> known, String file) {
        for (MappingNode.Entry entry : node.entries()) {
            if (!known.contains(entry.key().value())) {
                throw Kustomization.at(
                        file,
                        entry.key(),
                        "invalid Kustomization: unknown field \"" + entry.key().value() + "\"");
            }
        }
    }

    /** {@code ResolveVars}, at the end of the top-level build. */
    static void resolve(Accumulator ra, String file) {
        if (ra.vars.isEmpty()) {
            return;
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Declared var : ra.vars) {
            values.put(var.name(), value(ra.resMap, var));
        }
        for (Resource resource : ra.resMap.all()) {
            for (FieldSpec spec : ra.config.varReference) {
                FieldSpecs.apply(resource, spec, FieldSpecs.Create.NONE, null, slot -> set(slot, values, resource));
            }
        }
    }

    /** A var's value as Kustomize's {@code GetFieldValue} reads it, with where it was written. */
    private record Value(Object value, KNode origin) {}

    private static Value value(ResMap resMap, Declared var) {
        for (Resource resource : resMap.all()) {
            if (!resource.refVarNames.contains(var.name())) {
                continue;
            }
            KNode field = lookup(resource.root, var.fieldPath());
            if (field == null) {
                throw Kustomization.at(
                        var.file(),
                        var.at(),
                        "field specified in var '" + var.name() + "' not found in corresponding resource");
            }
            if (!(field instanceof KScalar scalar)) {
                return new Value(null, field);
            }
            return new Value(typed(scalar, var), scalar);
        }
        throw Kustomization.at(
                var.file(),
                var.at(),
                "var '" + var.name() + "' cannot be mapped to a field in the set of known resources");
    }

    private static Object typed(KScalar scalar, Declared var) {
        try {
            return switch (scalar.type) {
                case INT -> Long.parseLong(scalar.value);
                case FLOAT -> Double.parseDouble(scalar.value);
                case BOOL -> Boolean.parseBoolean(scalar.value.toLowerCase(java.util.Locale.ROOT));
                default -> scalar.value;
            };
        } catch (NumberFormatException e) {
            throw Kustomization.at(
                    var.file(), var.at(), "cannot read the value of var '" + var.name() + "': " + e.getMessage());
        }
    }

    /** {@code RNode.GetFieldValue}: a dotted path, {@code name[0]} for an index. */
    private static KNode lookup(KMap root, String path) {
        List<String> fields = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            java.util.regex.Matcher index =
                    java.util.regex.Pattern.compile("^(.*)\\[(\\d+)\\]$").matcher(part);
            if (part.endsWith("]") && index.matches()) {
                if (!index.group(1).isEmpty()) {
                    fields.add(index.group(1));
                }
                fields.add(index.group(2));
            } else {
                fields.add(part);
            }
        }
        KNode current = root;
        for (String field : fields) {
            if (field.isBlank()) {
                continue;
            }
            if (current instanceof KMap map) {
                current = map.get(field.strip());
            } else if (current instanceof KList list && field.matches("\\d+")) {
                int i = Integer.parseInt(field);
                current = i < list.items.size() ? list.items.get(i) : null;
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static void set(Slot slot, Map<String, Value> values, Resource resource) {
        KNode node = slot.get();
        if (Trees.isMissingOrNull(node)) {
            return;
        }
        if (node instanceof KScalar scalar) {
            if (scalar.type == ScalarNode.Type.STRING) {
                update(scalar, replace(scalar.value, values), values, resource);
            }
        } else if (node instanceof KMap map) {
            for (KNode value : map.fields.values()) {
                if (value instanceof KScalar scalar && scalar.type == ScalarNode.Type.STRING) {
                    update(scalar, replace(scalar.value, values), values, resource);
                }
            }
        } else if (node instanceof KList list) {
            for (KNode item : list.items) {
                if (!(item instanceof KScalar scalar) || scalar.type != ScalarNode.Type.STRING) {
                    throw KustomizeError.failed(resource.file, item, "invalid value type expect a string");
                }
                update(scalar, replace(scalar.value, values), values, resource);
            }
        }
    }

    /** The result of {@code DoReplacements}: a string, or the var's typed value when it is the whole text. */
    private record Replaced(Object value, KNode origin) {}

    private static Replaced replace(String input, Map<String, Value> values) {
        StringBuilder out = new StringBuilder();
        int checkpoint = 0;
        KNode origin = null;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
                out.append(input, checkpoint, cursor);
                char next = input.charAt(cursor + 1);
                int advance;
                if (next == '$') {
                    out.append('$');
                    advance = 1;
                } else if (next == '(') {
                    int close = input.indexOf(')', cursor + 2);
                    if (close < 0) {
                        out.append("$(");
                        advance = 1;
                    } else {
                        String name = input.substring(cursor + 2, close);
                        Value value = values.get(name);
                        Object mapped = value != null && isPrimitive(value.value()) ? value.value() : "$(" + name + ")";
                        if (value != null && isPrimitive(value.value())) {
                            origin = value.origin();
                        }
                        if (input.equals("$(" + name + ")")) {
                            return new Replaced(mapped, origin);
                        }
                        out.append(format(mapped));
                        advance = close - cursor;
                    }
                } else {
                    out.append('$').append(next);
                    advance = 1;
                }
                cursor += advance;
                checkpoint = cursor + 1;
            }
        }
        out.append(input, Math.min(checkpoint, input.length()), input.length());
        return new Replaced(out.toString(), origin);
    }

    private static boolean isPrimitive(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean;
    }

    /** Go's {@code fmt.Sprintf("%v", v)}. */
    private static String format(Object value) {
        return value instanceof Double d ? goG(d) : String.valueOf(value);
    }

    /** Go's {@code %v} for a float64: {@code %g} with the shortest digits, exponent form below -4 or from 6. */
    private static String goG(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return shortest.toPlainString();
    }

    /** {@code updateNodeValue}: the new text and the type of the value put in. */
    private static void update(KScalar scalar, Replaced replaced, Map<String, Value> values, Resource resource) {
        Object value = replaced.value();
        if (value instanceof Long number) {
            scalar.value = Long.toString(number);
            scalar.type = ScalarNode.Type.INT;
        } else if (value instanceof Double number) {
            scalar.value =
                    new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
            scalar.type = ScalarNode.Type.FLOAT;
        } else if (value instanceof Boolean bool) {
            scalar.value = bool.toString();
            scalar.type = ScalarNode.Type.BOOL;
        } else {
            if (value.equals(scalar.value)) {
                return;
            }
            scalar.value = (String) value;
            scalar.type = ScalarNode.Type.STRING;
        }
        scalar.taggedNull = false;
        if (replaced.origin() != null) {
            scalar.file = replaced.origin().file;
            scalar.line = replaced.origin().line;
            scalar.column = replaced.origin().column;
            resource.touchedBy.add(replaced.origin().file);
        }
    }
}

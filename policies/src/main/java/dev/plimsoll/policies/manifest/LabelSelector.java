package dev.plimsoll.policies.manifest;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes {@code LabelSelector} ({@code matchLabels} and {@code matchExpressions}), with the API's semantics: all
 * requirements are ANDed, an empty selector matches everything, {@code NotIn} and {@code DoesNotExist} match objects
 * that lack the key.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    /** The operators of {@code matchExpressions}. */
    public enum Operator {
        IN("In"),
        NOT_IN("NotIn"),
        EXISTS("Exists"),
        DOES_NOT_EXIST("DoesNotExist");

        private final String apiName;

        Operator(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        static Optional<Operator> fromApiName(String name) {
            for (Operator operator : values()) {
                if (operator.apiName.equals(name)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }
    }

    /** One {@code matchExpressions} entry. */
    public record Requirement(String key, Operator operator, Set<String> values) {

        public Requirement {
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            return switch (operator) {
                case IN -> labels.containsKey(key) && values.contains(labels.get(key));
                case NOT_IN -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case EXISTS -> labels.containsKey(key);
                case DOES_NOT_EXIST -> !labels.containsKey(key);
            };
        }
    }

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** True for {@code {}}: the selector that selects every pod in the namespace. */
    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> required : matchLabels.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : matchExpressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a selector node. Empty when the node is not a mapping or holds something the API server would reject (an
     * unknown operator, {@code In} without values, {@code Exists} with values): such a selector selects nothing.
     */
    public static Optional<LabelSelector> parse(Node node) {
        if (!(node instanceof MappingNode selector)) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Node matchLabels = selector.get("matchLabels");
        if (matchLabels instanceof MappingNode mapping) {
            for (MappingNode.Entry entry : mapping.entries()) {
                if (!(entry.value() instanceof ScalarNode value)) {
                    return Optional.empty();
                }
                labels.put(entry.key().value(), value.isNull() ? "" : value.value());
            }
        } else if (matchLabels != null && !matchLabels.isNull()) {
            return Optional.empty();
        }
        List<Requirement> requirements = new ArrayList<>();
        Node matchExpressions = selector.get("matchExpressions");
        if (matchExpressions instanceof SequenceNode sequence) {
            for (Node item : sequence.items()) {
                Optional<Requirement> requirement = requirement(item);
                if (requirement.isEmpty()) {
                    return Optional.empty();
                }
                requirements.add(requirement.get());
            }
        } else if (matchExpressions != null && !matchExpressions.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new LabelSelector(labels, requirements));
    }

    /** A selector that matches exactly the given labels (a {@code matchLabels}-only selector, as Services use). */
    public static LabelSelector ofLabels(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    private static Optional<Requirement> requirement(Node item) {
        if (!(item instanceof MappingNode expression)) {
            return Optional.empty();
        }
        Optional<String> key = expression.string("key");
        Optional<Operator> operator = expression.string("operator").flatMap(Operator::fromApiName);
        if (key.isEmpty() || operator.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Node valuesNode = expression.get("values");
        if (valuesNode instanceof SequenceNode sequence) {
            for (Node value : sequence.items()) {
                if (!(value instanceof ScalarNode scalar) || scalar.isNull()) {
                    return Optional.empty();
                }
                values.add(scalar.value());
            }
        } else if (valuesNode != null && !valuesNode.isNull()) {
            return Optional.empty();
        }
        boolean needsValues = operator.get() == Operator.IN || operator.get() == Operator.NOT_IN;
        if (needsValues == values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Requirement(key.get(), operator.get(), Set.copyOf(values)));
    }
}

package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A Kubernetes {@code IntOrString} count, as PodDisruptionBudgets use it: an integer, or a percentage {@code "N%"}. */
record IntOrPercent(long value, boolean percent) {

    /** The API server's own check for percentages ({@code validation.IsValidPercent}). */
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    /** Reads an integer scalar or a {@code "N%"} string; empty for anything the API server would reject. */
    static Optional<IntOrPercent> parse(Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
            return Optional.empty();
        }
        OptionalLong integer = scalar.asLong();
        if (integer.isPresent()) {
            return Optional.of(new IntOrPercent(integer.getAsLong(), false));
        }
        String text = scalar.value();
        if (scalar.isString() && PERCENT.matcher(text).matches() && text.length() <= 10) {
            return Optional.of(new IntOrPercent(Long.parseLong(text.substring(0, text.length() - 1)), true));
        }
        return Optional.empty();
    }

    /**
     * The count this value stands for among {@code total} pods, a percentage rounded up.
     *
     * <p>The disruption controller rounds up for {@code maxUnavailable} and for a percentage {@code minAvailable} alike:
     * kubernetes/kubernetes {@code pkg/controller/disruption/disruption.go}, {@code getExpectedPodCount}, calls {@code
     * intstr.GetScaledValueFromIntOrPercent(pdb.Spec.MaxUnavailable, int(expectedCount), true)} and the same with
     * {@code pdb.Spec.MinAvailable} when it is a string; an integer {@code minAvailable} is used as written.
     */
    long scaledRoundingUp(long total) {
        return percent ? -Math.floorDiv(-value * total, 100) : value;
    }

    boolean isZero() {
        return value == 0;
    }

    /** As written in YAML: {@code 2} or {@code "50%"}. */
    @Override
    public String toString() {
        return percent ? "\"" + value + "%\"" : Long.toString(value);
    }
}

package dev.plimsoll.generator;

/**
 * How many of an app's pods a voluntary disruption (a node drain) may take at once: the app's PodDisruptionBudget.
 * The default, {@code maxUnavailable(1)}, always lets a drain proceed one pod at a time.
 */
public sealed interface Disruption {

    /** At most {@code count} pods down at once ({@code count} ≥ 1). */
    static Disruption maxUnavailable(int count) {
        return new MaxUnavailable(Integer.toString(count));
    }

    /** At most {@code percent}% of the pods down at once, rounded up. */
    static Disruption maxUnavailablePercent(int percent) {
        return new MaxUnavailable(percent + "%");
    }

    /** At least {@code count} pods up; must stay below the replica count so that drains can proceed. */
    static Disruption minAvailable(int count) {
        return new MinAvailable(Integer.toString(count));
    }

    /** No PodDisruptionBudget (only sensible for single-replica apps that may go down during drains). */
    static Disruption none() {
        return new None();
    }

    /** {@code value} is a count or a percentage such as {@code 25%}. */
    record MaxUnavailable(String value) implements Disruption {}

    /** {@code value} is a count. */
    record MinAvailable(String value) implements Disruption {}

    /** No budget. */
    record None() implements Disruption {}
}

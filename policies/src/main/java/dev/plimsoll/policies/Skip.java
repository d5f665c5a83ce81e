package dev.plimsoll.policies;

/** A rule that did not apply to an object, and why; kept for {@code --debug} and the JSON report. */
public record Skip(String ruleId, ObjectRef object, Location location, String environment, String reason)
        implements Comparable<Skip> {

    @Override
    public int compareTo(Skip other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : (ruleId + reason).compareTo(other.ruleId + other.reason);
    }
}

package dev.plimsoll.policies;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found by a rule (or by loading the input), immutable, with a structured location.
 *
 * <p>{@code object} is {@code null} for problems with a file rather than an object (e.g. {@code yaml-syntax});
 * {@code environment} is {@code null} when the input has none; {@code waiver} is set when a waiver excuses it. The
 * natural order (file, line, column, rule, message, then the rest) is the order of every report.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        ObjectRef object,
        Location location,
        String environment,
        String remediation,
        Waiver waiver)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location, (a, b) -> {
                int byFile = a.file().compareTo(b.file());
                if (byFile != 0) {
                    return byFile;
                }
                int byLine = Integer.compare(a.line(), b.line());
                return byLine != 0 ? byLine : Integer.compare(a.column(), b.column());
            })
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> f.location().pointer())
            .thenComparing(f -> Optional.ofNullable(f.environment()).orElse(""))
            .thenComparing(f -> f.object(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::severity);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(remediation, "remediation");
    }

    public boolean waived() {
        return waiver != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, object, location, environment, remediation, waiver);
    }

    public Finding withWaiver(Waiver newWaiver) {
        return new Finding(ruleId, severity, message, object, location, environment, remediation, newWaiver);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}

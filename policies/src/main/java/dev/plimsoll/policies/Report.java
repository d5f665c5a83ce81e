package dev.plimsoll.policies;

import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * The result of one lint run: every finding in total order (waived ones included), the rules that ran, counts of the
 * input, and the outcome against the fail threshold.
 *
 * @param failOn the threshold; {@code null} means findings never fail the run
 */
public record Report(
        List<Finding> findings, List<Skip> skips, List<RuleDescriptor> rules, Stats stats, Severity failOn) {

    /** How much input the run read. */
    public record Stats(int files, int documents, int objects, long bytes) {}

    public Report {
        findings = findings.stream().sorted().toList();
        skips = skips.stream().sorted().toList();
        rules = List.copyOf(rules);
        Objects.requireNonNull(stats, "stats");
    }

    /** The findings no waiver excuses. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.waived()).toList();
    }

    public List<Finding> waived() {
        return findings.stream().filter(Finding::waived).toList();
    }

    public long count(Severity severity) {
        return findings.stream()
                .filter(f -> !f.waived() && f.severity() == severity)
                .count();
    }

    /** True when some input could not be read or parsed (an active finding of an unreadable-input diagnostic). */
    public boolean hasUnreadableInput() {
        return findings.stream().filter(f -> !f.waived()).anyMatch(f -> Diagnostic.byId(f.ruleId())
                .map(Diagnostic::unreadable)
                .orElse(false));
    }

    public boolean failed() {
        return failOn != null
                && findings.stream().anyMatch(f -> !f.waived() && f.severity().atLeast(failOn));
    }

    public ExitCode exitCode() {
        if (hasUnreadableInput()) {
            return ExitCode.UNREADABLE_INPUT;
        }
        return failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }
}

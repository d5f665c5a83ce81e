package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.Severity;
import java.util.Objects;

/** A rule's metadata as a value: what catalogues, docs and reports show. */
public record RuleDescriptor(
        String id, String summary, Severity severity, Category category, String since, String remediation) {

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(remediation, "remediation");
    }

    public static RuleDescriptor of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleDescriptor(
                info.id(), info.summary(), info.severity(), info.category(), info.since(), info.remediation());
    }

    /** Where the rule's documentation page lives in the plimsoll repository. */
    public String docsPath() {
        return "docs/rules/" + id + ".md";
    }
}

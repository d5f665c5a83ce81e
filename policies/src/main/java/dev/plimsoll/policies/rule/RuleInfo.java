package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The metadata of a rule, on the rule class; the only source of truth for it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, lower-case words joined by dashes, e.g. {@code image-digest}. */
    String id();

    /** One sentence: what the rule requires. */
    String summary();

    Severity severity();

    Category category();

    /** The plimsoll version that introduced the rule. */
    String since();

    /** What to do about a finding; one or more sentences ending with a period. */
    String remediation();
}

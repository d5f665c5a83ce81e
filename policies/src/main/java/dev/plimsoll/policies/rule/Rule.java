package dev.plimsoll.policies.rule;

/**
 * A check over manifests. Implement {@link ObjectRule} or {@link SetRule} and annotate the class with {@link
 * RuleInfo}; third-party rules are found through {@link java.util.ServiceLoader} under this interface.
 *
 * <p>Rules report violations through their {@link RuleContext} and never throw to signal one; an exception escaping a
 * rule becomes a {@code tool-error} finding for that rule and object, and the run continues. Rule instances are shared
 * between runs and threads, so they keep no state.
 */
public interface Rule {

    /** The metadata from the class's {@link RuleInfo}. */
    default RuleDescriptor descriptor() {
        return RuleDescriptor.of(getClass());
    }
}

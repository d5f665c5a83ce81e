package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.yaml.Node;

/** What a rule reports through, for one run; not shared between runs. */
public interface RuleContext {

    /**
     * Reports a violation by {@code object}, pointing at {@code at}: the offending node, or, when the problem is a
     * missing field, the mapping that should hold it.
     */
    void report(Manifest object, Node at, String message);

    /** Records that the rule did not apply to {@code object}, and why (shown with {@code --debug} and in JSON). */
    void skip(Manifest object, String reason);

    /** This rule's options from the config, with the rule's own defaults applied by the caller of each getter. */
    RuleOptions options();

    /** Which namespaces are platform namespaces and which are ignored. */
    Namespaces namespaces();
}

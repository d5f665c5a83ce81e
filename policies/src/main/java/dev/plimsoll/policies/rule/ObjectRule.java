package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.manifest.Manifest;

/** A rule that looks at one object at a time. */
public interface ObjectRule extends Rule {

    void check(Manifest object, RuleContext context);
}

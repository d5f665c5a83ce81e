package dev.plimsoll.policies.rule;

import java.util.Locale;

/** The groups rules are listed and documented in. */
public enum Category {
    SUPPLY_CHAIN,
    NETWORK,
    SECURITY,
    AVAILABILITY,
    RESOURCES,
    /** Problems reading the input itself: syntax, encoding, limits. */
    INPUT,
    /** Problems with plimsoll's own machinery: waivers, rule failures. */
    TOOL;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

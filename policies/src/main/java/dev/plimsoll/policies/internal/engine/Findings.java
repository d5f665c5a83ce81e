package dev.plimsoll.policies.internal.engine;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.rule.RuleDescriptor;
import dev.plimsoll.policies.yaml.Node;

/** Builds findings with the rule's default severity and remediation; the engine applies config afterwards. */
public final class Findings {

    private Findings() {}

    /** A finding of {@code rule} by {@code object}, at node {@code at} of its document. */
    public static Finding at(RuleDescriptor rule, Manifest object, Node at, String message) {
        return new Finding(
                rule.id(),
                rule.severity(),
                message,
                object.ref(),
                location(object.fileOf(at), at),
                object.environment(),
                rule.remediation(),
                null);
    }

    /** An input or tool problem that concerns a file (or a spot in it) rather than an object. */
    public static Finding diagnostic(Diagnostic diagnostic, Location location, String environment, String message) {
        RuleDescriptor rule = diagnostic.descriptor();
        return new Finding(rule.id(), rule.severity(), message, null, location, environment, rule.remediation(), null);
    }

    public static Location location(String file, Node at) {
        return new Location(file, at.position().line(), at.position().column(), at.pointer());
    }
}

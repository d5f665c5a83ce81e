package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.Workloads;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.ObjectRule;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule {@code image-digest}; documented in {@code docs/rules/image-digest.md}. */
@RuleInfo(
        id = "image-digest",
        summary = "Every container image is pinned by a sha256 digest.",
        severity = Severity.ERROR,
        category = Category.SUPPLY_CHAIN,
        since = "0.1.0",
        remediation = "Pin the image by digest, e.g. `registry.example.com/app:1.4.2@sha256:<64 hex digits>`; "
                + "`crane digest IMAGE` or `docker buildx imagetools inspect IMAGE` prints it.")
public final class ImageDigestRule implements ObjectRule {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Override
    public void check(Manifest object, RuleContext context) {
        Optional<MappingNode> podSpec = Workloads.podSpec(object);
        if (podSpec.isEmpty()) {
            return;
        }
        for (Workloads.Container container : Workloads.containers(podSpec.get())) {
            Node image = container.node().get("image");
            if (!(image instanceof ScalarNode scalar)
                    || scalar.isNull()
                    || scalar.value().isBlank()) {
                context.report(object, Nodes.at(container.node(), "image"), container.display() + " has no image");
                continue;
            }
            problem(scalar.value())
                    .ifPresent(problem -> context.report(
                            object, image, container.display() + " uses image '" + scalar.value() + "' " + problem));
        }
    }

    /** What keeps {@code image} from being pinned, or empty when it is pinned by a sha256 digest. */
    static Optional<String> problem(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return digestProblem(image.substring(at + 1)).map(problem -> "with a malformed digest: " + problem);
        }
        // The tag follows the last ':' of the last path segment; an earlier ':' is a registry port.
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            return Optional.of("with no tag and no digest, which means :latest");
        }
        String tag = lastSegment.substring(colon + 1);
        if (tag.equals("latest")) {
            return Optional.of("with the tag :latest, which moves with every push");
        }
        return Optional.of("pinned by tag only (:" + tag + "), not by digest");
    }

    private static Optional<String> digestProblem(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            return Optional.of("'" + digest + "' has no algorithm, expected sha256:<64 hex digits>");
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!algorithm.equals("sha256")) {
            return Optional.of("algorithm '" + algorithm + "', expected sha256");
        }
        if (hex.length() != 64) {
            return Optional.of(hex.length() + " hex digits, expected 64");
        }
        if (!SHA256.matcher(hex).matches()) {
            return Optional.of("'" + hex + "' is not lower-case hex");
        }
        return Optional.empty();
    }
}

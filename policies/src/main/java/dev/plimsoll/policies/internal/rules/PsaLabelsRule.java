package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.Node;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rule {@code psa-labels}; documented in {@code docs/rules/psa-labels.md}. */
@RuleInfo(
        id = "psa-labels",
        summary = "Every namespace enforces a Pod Security level: restricted for tenants, at least baseline for the "
                + "platform.",
        severity = Severity.ERROR,
        category = Category.SECURITY,
        since = "0.1.0",
        remediation = "Label the Namespace `pod-security.kubernetes.io/enforce: restricted` (platform namespaces: "
                + "at least `baseline`), and waive with a reason where a component truly needs more.")
public final class PsaLabelsRule implements SetRule {

    static final String PREFIX = "pod-security.kubernetes.io/";
    static final String ENFORCE = PREFIX + "enforce";

    private static final List<String> LEVELS = List.of("privileged", "baseline", "restricted");

    /** The versions Pod Security admission accepts ({@code api.ParseVersion}). */
    private static final Pattern VERSION = Pattern.compile("latest|v1\\.(0|[1-9][0-9]*)");

    @Override
    public void check(ManifestSet objects, RuleContext context) {
        for (PodNamespace namespace : PodNamespace.of(objects, context.namespaces())) {
            if (namespace.namespaceObject() != null) {
                checkLabels(namespace, context);
            } else if (namespace.name().isEmpty()) {
                context.skip(
                        namespace.anchor(),
                        "namespace not set in the manifest; Pod Security is checked on the Namespace it is deployed to");
            } else {
                Manifest workload = namespace.anchor();
                context.report(
                        workload,
                        Nodes.at(workload.root(), "metadata", "namespace"),
                        "cannot verify Pod Security: no Namespace object for " + namespace.display() + " in the input");
            }
        }
    }

    private static void checkLabels(PodNamespace namespace, RuleContext context) {
        Manifest object = namespace.namespaceObject();
        Map<String, String> labels = object.labels();
        String tier = context.namespaces().isPlatform(namespace.name(), object) ? "platform" : "tenant";
        String required = tier.equals("platform") ? "at least baseline" : "restricted";
        String enforce = labels.get(ENFORCE);
        if (enforce == null) {
            context.report(
                    object,
                    labelNode(object, ENFORCE),
                    "has no " + ENFORCE + " label, so pods are admitted at the cluster default; " + tier
                            + " namespaces enforce " + required);
        } else if (!LEVELS.contains(enforce)) {
            context.report(object, labelNode(object, ENFORCE), invalidLevel(ENFORCE, enforce));
        } else if (enforce.equals("privileged")) {
            context.report(
                    object,
                    labelNode(object, ENFORCE),
                    "enforces privileged, so Pod Security admits any pod; " + tier + " namespaces enforce " + required);
        } else if (enforce.equals("baseline") && tier.equals("tenant")) {
            context.report(
                    object, labelNode(object, ENFORCE), "enforces baseline; tenant namespaces enforce restricted");
        }
        String version = labels.get(ENFORCE + "-version");
        if (version != null && !VERSION.matcher(version).matches()) {
            context.report(
                    object,
                    labelNode(object, ENFORCE + "-version"),
                    ENFORCE + "-version is '" + version + "', not latest or v1.<minor>");
        }
        for (String mode : List.of("audit", "warn")) {
            String level = labels.get(PREFIX + mode);
            if (level != null && !LEVELS.contains(level)) {
                context.report(object, labelNode(object, PREFIX + mode), invalidLevel(PREFIX + mode, level));
            }
        }
    }

    private static String invalidLevel(String label, String level) {
        return label + " is '" + level + "', not one of privileged, baseline, restricted";
    }

    /** The label's value, else the {@code labels} mapping, else {@code metadata}. */
    private static Node labelNode(Manifest object, String label) {
        return Nodes.at(object.root(), "metadata", "labels", label);
    }
}
